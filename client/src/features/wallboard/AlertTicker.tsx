import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../lib/api/types';
import { formatHourMinute } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';
import { parseTs } from '../../lib/time/time';

export function alertText(a: Alert, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const parts = [t(knownKey('alertKind', a.kind), { defaultValue: a.kind })];
  if (a.agent) parts.push(t('alert.agent', { id: a.agent }));
  if (a.queue) parts.push(t('alert.queue', { id: a.queue }));
  if (a.call) parts.push(t('alert.call', { id: a.call }));
  if (a.detail) parts.push(a.detail);
  return parts.join(' · ');
}

/** Open alerts scrolling along the bottom of the wallboard. */
export const AlertTicker = memo(function AlertTicker({ alerts }: { alerts: Alert[] }) {
  const { t } = useTranslation();
  if (alerts.length === 0) {
    return (
      <footer className="wb-ticker wb-ticker-empty" data-testid="alert-ticker" data-count={0}>
        <span className="wb-ticker-title">{t('alert.title')}</span>
        <span className="wb-ticker-none">{t('alert.none')}</span>
      </footer>
    );
  }
  const items = alerts.map((a) => (
    <span key={a.id} className={`wb-ticker-item sev-${a.severity}`} data-testid={`alert-${a.id}`}>
      <span className="sev-dot" aria-hidden="true" />
      <b>{formatHourMinute(parseTs(a.raisedAt))}</b> {alertText(a, t)}
      {a.state === 'acknowledged' ? <em> ({t('alert.acknowledged', { by: a.by ?? '' })})</em> : null}
    </span>
  ));
  // the track holds the list twice and slides by half its width, so the loop has no seam
  const seconds = Math.max(20, alerts.length * 9);
  return (
    <footer className="wb-ticker" data-testid="alert-ticker" data-count={alerts.length}>
      <span className="wb-ticker-title">
        {t('alert.title')} <b>{alerts.length}</b>
      </span>
      <div className="wb-ticker-window">
        <div className="wb-ticker-track" style={{ animationDuration: `${seconds}s` }}>
          <div className="wb-ticker-run">{items}</div>
          <div className="wb-ticker-run" aria-hidden="true">
            {alerts.map((a) => (
              <span key={a.id} className={`wb-ticker-item sev-${a.severity}`}>
                <span className="sev-dot" aria-hidden="true" />
                <b>{formatHourMinute(parseTs(a.raisedAt))}</b> {alertText(a, t)}
              </span>
            ))}
          </div>
        </div>
      </div>
    </footer>
  );
});
