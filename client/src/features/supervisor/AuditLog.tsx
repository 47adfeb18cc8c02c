// The center's audit log, newest first: read when the panel opens, after each of this user's
// commands ends, and on Refresh.
// data-testid: audit-log; audit-refresh; audit-error; audit-empty; audit-entry-{index} (data-action).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interventionsApi } from '../../lib/api/interventions';
import type { AuditEntry } from '../../lib/api/types';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { formatClock } from '../../lib/format/format';
import { parseTs } from '../../lib/time/time';
import { knownKey } from '../../lib/i18n';

function compact(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A command's own name, else the name of the other audited actions (acknowledging, settings), else as written. */
function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => t(knownKey('commandName', action), { defaultValue: t(`audit.action.${action.replace(/\./g, '_')}`, { defaultValue: action }) });
}

export function AuditLog({ center }: { center: string }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const finished = useFloorStore((st) => st.commands.finished);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setEntries(await interventionsApi.audit(center));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [center]);

  useEffect(() => {
    void load();
  }, [load, finished]);

  return (
    <section className="panel sv-audit" aria-label={t('audit.title')} data-testid="audit-log">
      <div className="panel-head">
        <h2>{t('audit.title')}</h2>
        <button type="button" className="btn-small" onClick={() => void load()} disabled={loading} data-testid="audit-refresh">
          {loading ? t('common.loading') : t('audit.refresh')}
        </button>
      </div>
      <div className="sv-side-scroll">
        {error ? (
          <p className="form-error" role="alert" data-testid="audit-error">
            {t('common.error', { message: error })}
          </p>
        ) : null}
        {entries && entries.length === 0 ? (
          <p className="sv-alerts-none" data-testid="audit-empty">
            {t('audit.empty')}
          </p>
        ) : null}
        <ol className="sv-audit-list">
          {(entries ?? []).map((e, i) => {
            const before = compact(e.before);
            const after = compact(e.after);
            return (
              <li key={`${e.at}-${i}`} className="sv-audit-entry" data-testid={`audit-entry-${i}`} data-action={e.action}>
                <div className="sv-audit-head">
                  <time className="num">{formatClock(parseTs(e.at))}</time>
                  <b>{actionLabel(e.action)}</b>
                  {e.target ? <span>{e.target}</span> : null}
                  <span className="muted">{t('audit.by', { user: e.user })}</span>
                </div>
                {before || after ? (
                  <div className="sv-audit-change muted">
                    {before || '–'} → {after || '–'}
                  </div>
                ) : null}
                <div className="sv-audit-outcome">{e.outcome}</div>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
