// `/agent`: an agent's own view.
// data-testid: agent-page; agent-centers (the choice when more than one center) with
// agent-center-{id}; agent-center-select (switch once chosen); agent-me-error; agent-self;
// agent-state (data-state); agent-reason; agent-time-in-state; agent-notice (AgentNoticeBanner);
// break-form… (BreakRequestForm); agent-breaks with agent-break-{id} (data-state) and
// agent-break-why-{id}; agent-messages with agent-message-{index} (newest first); connection
// (the status badge).
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/client';
import { interventionsApi } from '../../lib/api/interventions';
import type { AgentSelf, Me } from '../../lib/api/types';
import { useAgentFeed } from '../../lib/hub/useAgentFeed';
import { CommandsProvider } from '../../lib/commands/useCommands';
import { agentDeskStale, breaksNewestFirst, currentNotice, messagesNewestFirst } from '../../lib/store/agentDesk';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { NotAllowed, Waiting } from '../../components/Notice';
import { TimeInState } from '../../components/Ticking';
import { formatClock } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';
import { isNotReadyOvertime, parseTs, timeInState } from '../../lib/time/time';
import { useServerNow } from '../../lib/time/useServerNow';
import { agentCenters } from './agentCenters';
import { AgentNoticeBanner } from './AgentNoticeBanner';
import { BreakRequestForm } from './BreakRequestForm';
import './agent.css';

type Who = { kind: 'loading' } | { kind: 'ok'; me: Me; centers: string[] } | { kind: 'error'; message: string };

function useWho(): Who {
  const [who, setWho] = useState<Who>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    (async () => {
      const me = await interventionsApi.me();
      const listed = me.centers.includes('*') ? (await api.centers()).map((c) => c.id) : [];
      if (alive) setWho({ kind: 'ok', me, centers: agentCenters(me, listed) });
    })().catch((e: unknown) => {
      if (alive) setWho({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      alive = false;
    };
  }, []);
  return who;
}

function StateCard({ self }: { self: AgentSelf }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const a = self.agent;
  const overtime = isNotReadyOvertime(a.state, a.reason, timeInState(a.since, now));
  return (
    <section className="panel ag-state" aria-label={t('agentPage.myState')} data-testid="agent-self">
      <div className="ag-state-row">
        <span className={`pill ag-pill ${overtime ? 'st-overtime' : `st-${a.state}`}`} data-testid="agent-state" data-state={a.state}>
          {t(knownKey('state', a.state), { defaultValue: a.state })}
        </span>
        {a.reason ? (
          <span className="ag-reason" data-testid="agent-reason">
            {t(knownKey('reason', a.reason), { defaultValue: a.reason })}
          </span>
        ) : null}
        <span className="ag-time" data-testid="agent-time-in-state">
          <TimeInState since={a.since} className={`num${overtime ? ' st-overtime' : ''}`} />
        </span>
      </div>
      <div className="ag-state-meta muted">
        <span>{t('agentPage.agentId', { id: a.id })}</span>
        {a.seat ? <span>{t('agentPage.seat', { seat: a.seat })}</span> : null}
        {a.queues.length ? <span>{t('agentPage.queues', { queues: a.queues.join(', ') })}</span> : null}
      </div>
    </section>
  );
}

function MyBreaks({ self }: { self: AgentSelf }) {
  const { t } = useTranslation();
  const list = useMemo(() => breaksNewestFirst(self.breaks), [self.breaks]);
  return (
    <section className="panel ag-list" aria-label={t('agentPage.myRequests')} data-testid="agent-breaks">
      <div className="panel-head">
        <h2>{t('agentPage.myRequests')}</h2>
      </div>
      {list.length === 0 ? <p className="ag-none">{t('agentPage.noRequests')}</p> : null}
      <ul>
        {list.map((r) => (
          <li key={r.id} data-testid={`agent-break-${r.id}`} data-state={r.state} className={`br-${r.state}`}>
            <div className="ag-line">
              <b>{t(knownKey('reason', r.reason), { defaultValue: r.reason })}</b>
              <span className="num">{t('breaks.minutes', { minutes: r.minutes })}</span>
              <span className={`br-state br-${r.state}`}>{t(`breakState.${r.state}`)}</span>
              <time className="muted num">{formatClock(parseTs(r.requestedAt))}</time>
            </div>
            {r.decidedBy ? <div className="muted">{t('breaks.by', { by: r.decidedBy })}</div> : null}
            {r.why ? (
              <div className="ag-why" data-testid={`agent-break-why-${r.id}`}>
                {r.why}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Messages({ self }: { self: AgentSelf }) {
  const { t } = useTranslation();
  const list = useMemo(() => messagesNewestFirst(self.messages), [self.messages]);
  return (
    <section className="panel ag-list" aria-label={t('agentPage.messages')} data-testid="agent-messages">
      <div className="panel-head">
        <h2>{t('agentPage.messages')}</h2>
      </div>
      {list.length === 0 ? <p className="ag-none">{t('agentPage.noMessages')}</p> : null}
      <ul>
        {list.map((m, i) => (
          <li key={`${m.at}-${i}`} data-testid={`agent-message-${i}`}>
            <div className="ag-line">
              <b>{m.from}</b>
              <time className="muted num">{formatClock(parseTs(m.at))}</time>
            </div>
            <div className="ag-text">{m.text}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AgentDesk({ center, user }: { center: string; user: string }) {
  useAgentFeed(center);
  const desk = useFloorStore((st) => st.agentDesk);
  const self = desk.center === center ? desk.self : null;
  if (desk.notAllowed) return <NotAllowed />;
  if (!self) return <Waiting />;
  const notice = currentNotice(self);
  return (
    <div className={`ag-grid${agentDeskStale(desk) ? ' is-stale' : ''}`}>
      <div className="ag-col">
        {notice ? <AgentNoticeBanner notice={notice} /> : null}
        <div className="stale-area">
          <StateCard self={self} />
        </div>
        <section className="panel ag-request">
          <BreakRequestForm agent={user} />
        </section>
        <MyBreaks self={self} />
      </div>
      <div className="ag-col">
        <Messages self={self} />
      </div>
    </div>
  );
}

function DeskStatus() {
  const desk = useFloorStore((st) => st.agentDesk);
  const stale = agentDeskStale(desk);
  return (
    <StatusBadge
      connection={desk.connection}
      stale={stale}
      staleSince={desk.connectionLostAt}
      updatedAt={desk.lastUpdateAt}
    />
  );
}

export function AgentPage() {
  const { t } = useTranslation();
  const who = useWho();
  const [params, setParams] = useSearchParams();
  const centers = who.kind === 'ok' ? who.centers : [];
  const asked = params.get('center');
  const center = asked && centers.includes(asked) ? asked : centers.length === 1 ? centers[0]! : null;
  const choose = (c: string) => setParams({ center: c }, { replace: true });

  return (
    <div className="page ag" data-testid="agent-page" data-center={center ?? ''}>
      <PageHeader title={t('agent.title')} status={center ? <DeskStatus /> : null} />
      <main className="page-main ag-main">
        {who.kind === 'loading' ? <div className="notice">{t('common.loading')}</div> : null}
        {who.kind === 'error' ? (
          <p className="form-error" role="alert" data-testid="agent-me-error">
            {t('common.error', { message: who.message })}
          </p>
        ) : null}
        {who.kind === 'ok' && centers.length === 0 ? <div className="notice">{t('agentPage.noCenters')}</div> : null}
        {who.kind === 'ok' && !center && centers.length > 1 ? (
          <section className="panel ag-centers" data-testid="agent-centers">
            <div className="panel-head">
              <h2>{t('agentPage.chooseCenter')}</h2>
            </div>
            <ul>
              {centers.map((c) => (
                <li key={c}>
                  <button type="button" className="btn" onClick={() => choose(c)} data-testid={`agent-center-${c}`}>
                    {c}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {who.kind === 'ok' && center ? (
          <>
            {centers.length > 1 ? (
              <label className="ag-switch">
                {t('agentPage.center')}
                <select value={center} onChange={(e) => choose(e.target.value)} data-testid="agent-center-select">
                  {centers.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <CommandsProvider center={center}>
              <AgentDesk key={center} center={center} user={who.me.user} />
            </CommandsProvider>
          </>
        ) : null}
      </main>
    </div>
  );
}
