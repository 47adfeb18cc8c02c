import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../lib/api/types';
import { formatClock } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';
import { parseTs } from '../../lib/time/time';

/** The open (and acknowledged) alerts, newest first. */
export const AlertPanel = memo(function AlertPanel({ alerts }: { alerts: Alert[] }) {
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
            <li key={a.id} className={`sv-alert sev-${a.severity} ${a.state === 'acknowledged' ? 'is-acked' : ''}`} data-testid={`alert-${a.id}`}>
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
              {a.state === 'acknowledged' ? <div className="sv-alert-ack">{t('alert.acknowledged', { by: a.by ?? '' })}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
