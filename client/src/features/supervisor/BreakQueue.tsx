// The duty manager's approval queue: pending break requests, first asked first; each can be
// approved or denied (with a reason). Requests decided while the page is open stay below with
// their state and why (an approval the rules refused says why).
// data-testid: break-queue; break-{id} (data-state); break-approve-{id}; break-deny-{id};
// break-deny-why-{id} (input); break-deny-confirm-{id}; break-deny-cancel-{id};
// break-deny-error-{id}; break-result-{id} (data-state of the approve/deny command,
// break-result-{id}-text its outcome); break-decided (the recently decided list) with
// break-{id} (data-state) and break-why-{id}.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakRequest } from '../../lib/api/types';
import { useCommandRun, useLastCommandAbout } from '../../lib/commands/useCommands';
import { decidedBreaks, pendingBreaks } from '../../lib/store/breaks';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { CommandOutcome } from '../../components/CommandOutcome';
import { formatClock } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';
import { parseTs } from '../../lib/time/time';

function RequestLine({ r }: { r: BreakRequest }) {
  const { t } = useTranslation();
  return (
    <div className="sv-break-line">
      <b>{r.agent}</b>
      <span>{t(knownKey('reason', r.reason), { defaultValue: r.reason })}</span>
      <span className="num">{t('breaks.minutes', { minutes: r.minutes })}</span>
      <time className="sv-break-time">{formatClock(parseTs(r.requestedAt))}</time>
    </div>
  );
}

function PendingRequest({ r }: { r: BreakRequest }) {
  const { t } = useTranslation();
  const cmd = useCommandRun();
  const [denying, setDenying] = useState(false);
  const [why, setWhy] = useState('');
  const [whyMissing, setWhyMissing] = useState(false);
  return (
    <li className="sv-break" data-testid={`break-${r.id}`} data-state={r.state}>
      <RequestLine r={r} />
      {r.requestedBy !== r.agent ? <div className="muted">{t('breaks.requestedBy', { by: r.requestedBy })}</div> : null}
      {denying ? (
        <form
          className="sv-break-deny"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = why.trim();
            if (!reason) {
              setWhyMissing(true);
              return;
            }
            setDenying(false);
            void cmd.run({ command: 'break.deny', request: r.id, why: reason });
          }}
        >
          <input
            value={why}
            onChange={(e) => {
              setWhy(e.target.value);
              setWhyMissing(false);
            }}
            placeholder={t('breaks.denyWhy')}
            aria-label={t('breaks.denyWhy')}
            maxLength={300}
            autoFocus
            data-testid={`break-deny-why-${r.id}`}
          />
          {whyMissing ? (
            <span className="form-error-inline" role="alert" data-testid={`break-deny-error-${r.id}`}>
              {t('breaks.whyRequired')}
            </span>
          ) : null}
          <div className="sv-act-row">
            <button type="submit" className="btn btn-danger" data-testid={`break-deny-confirm-${r.id}`}>
              {t('breaks.deny')}
            </button>
            <button type="button" className="btn" onClick={() => setDenying(false)} data-testid={`break-deny-cancel-${r.id}`}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="sv-act-row">
          <button
            type="button"
            className="btn btn-good"
            disabled={cmd.sending}
            onClick={() => void cmd.run({ command: 'break.approve', request: r.id })}
            data-testid={`break-approve-${r.id}`}
          >
            {t('breaks.approve')}
          </button>
          <button type="button" className="btn" disabled={cmd.sending} onClick={() => setDenying(true)} data-testid={`break-deny-${r.id}`}>
            {t('breaks.deny')}
          </button>
        </div>
      )}
      <CommandOutcome id={cmd.id} sending={cmd.sending} error={cmd.error} testId={`break-result-${r.id}`} />
    </li>
  );
}

function DecidedRequest({ r }: { r: BreakRequest }) {
  const { t } = useTranslation();
  const lastCommand = useLastCommandAbout('request', r.id);
  return (
    <li className={`sv-break is-decided br-${r.state}`} data-testid={`break-${r.id}`} data-state={r.state}>
      <RequestLine r={r} />
      <div>
        <b className={`br-state br-${r.state}`}>{t(`breakState.${r.state}`)}</b>
        {r.decidedBy ? <span className="muted"> {t('breaks.by', { by: r.decidedBy })}</span> : null}
      </div>
      {r.why ? (
        <div className="sv-break-why" data-testid={`break-why-${r.id}`}>
          {r.why}
        </div>
      ) : null}
      <CommandOutcome id={lastCommand} sending={false} error={null} testId={`break-result-${r.id}`} />
    </li>
  );
}

export function BreakQueue() {
  const { t } = useTranslation();
  const byId = useFloorStore((st) => st.breaks.byId);
  const pending = useMemo(() => pendingBreaks({ byId }), [byId]);
  const decided = useMemo(() => decidedBreaks({ byId }), [byId]);
  return (
    <section className="panel sv-breaks" aria-label={t('breaks.title')} data-testid="break-queue">
      <div className="panel-head">
        <h2>{t('breaks.title')}</h2>
        <span className="panel-count">{pending.length}</span>
      </div>
      <div className="sv-side-scroll">
        {pending.length === 0 ? <p className="sv-alerts-none">{t('breaks.none')}</p> : null}
        <ul className="sv-break-list">
          {pending.map((r) => (
            <PendingRequest key={r.id} r={r} />
          ))}
        </ul>
        {decided.length > 0 ? (
          <>
            <h3 className="sv-side-sub">{t('breaks.decided')}</h3>
            <ul className="sv-break-list" data-testid="break-decided">
              {decided.map((r) => (
                <DecidedRequest key={r.id} r={r} />
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
