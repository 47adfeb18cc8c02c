// data-testid: alert-panel; alert-{id} (data-state); alert-ack-{id} (Acknowledge, open alerts only);
// alert-ack-error-{id}.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../lib/api/types';
import { interventionsApi } from '../../lib/api/interventions';
import { applyAlert } from '../../lib/store/floor';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { formatClock } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';
import { parseTs } from '../../lib/time/time';

function AcknowledgeButton({ center, alert }: { center: string; alert: Alert }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      const acked = await interventionsApi.acknowledge(center, alert.id);
      // the hub's `alert` says the same; the answer shows it at once even if that message is slow
      useFloorStore.getState().dispatch((s) => applyAlert(s, acked));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sv-alert-actions">
      <button type="button" className="btn-small" disabled={busy} onClick={() => void acknowledge()} data-testid={`alert-ack-${alert.id}`}>
        {busy ? t('alert.acknowledging') : t('alert.acknowledge')}
      </button>
      {error ? (
        <span className="form-error-inline" role="alert" data-testid={`alert-ack-error-${alert.id}`}>
          {t('alert.ackFailed', { message: error })}
        </span>
      ) : null}
    </div>
  );
}

/** One alert: rendered again only when that alert changes, not when another one comes or goes. */
const AlertItem = memo(function AlertItem({ center, alert: a }: { center: string; alert: Alert }) {
  const { t } = useTranslation();
  return (
    <li
      className={`sv-alert sev-${a.severity} ${a.state === 'acknowledged' ? 'is-acked' : ''}`}
      data-testid={`alert-${a.id}`}
      data-state={a.state}
    >
      <div className="sv-alert-head">
        <span className="sev-dot" aria-hidden="true" />
        <b>{t(knownKey('alertKind', a.kind), { defaultValue: a.kind })}</b>
        <span className="sv-alert-sev">{t(knownKey('severity', a.severity), { defaultValue: a.severity })}</span>
        <time className="sv-alert-time">{formatClock(parseTs(a.raisedAt))}</time>
      </div>
      <div className="sv-alert-who">
        {a.agent ? <span>{t('alert.agent', { id: a.agent })}</span> : null}
        {a.queue ? <span>{t('alert.queue', { id: a.queue })}</span> : null}
        {a.call ? <span>{t('alert.call', { id: a.call })}</span> : null}
      </div>
      {a.detail ? <div className="sv-alert-detail">{a.detail}</div> : null}
      {a.escalatedAt ? <div className="sv-alert-ack">{t('alert.escalated', { time: formatClock(parseTs(a.escalatedAt)) })}</div> : null}
      {a.state === 'acknowledged' ? <div className="sv-alert-ack">{t('alert.acknowledged', { by: a.by ?? '' })}</div> : null}
      {a.state === 'open' ? <AcknowledgeButton center={center} alert={a} /> : null}
    </li>
  );
});

/** The open (and acknowledged) alerts, newest first; an open one can be acknowledged. */
export const AlertPanel = memo(function AlertPanel({ center, alerts }: { center: string; alerts: Alert[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel sv-alerts" aria-label={t('alert.title')} data-testid="alert-panel">
      <div className="panel-head">
        <h2>{t('alert.title')}</h2>
        <span className="panel-count">{alerts.length}</span>
      </div>
      {alerts.length === 0 ? (
        <p className="sv-alerts-none">{t('alert.none')}</p>
      ) : (
        <ul className="sv-alert-list">
          {alerts.map((a) => (
            <AlertItem key={a.id} center={center} alert={a} />
          ))}
        </ul>
      )}
    </section>
  );
});
