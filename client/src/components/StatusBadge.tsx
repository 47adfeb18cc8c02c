import { useTranslation } from 'react-i18next';
import { formatClock } from '../lib/format/format';
import type { ConnectionState } from '../lib/store/floor';

export type BadgeState = 'connected' | 'reconnecting' | 'disconnected';

export function badgeState(c: ConnectionState): BadgeState {
  return c === 'connecting' ? 'reconnecting' : c;
}

export interface StatusBadgeProps {
  connection: ConnectionState;
  stale: boolean;
  /** server-clock ms of the last update */
  updatedAt: number | null;
  /** server-clock ms since when the figures are stale */
  staleSince: number | null;
  feedDown?: boolean;
  resyncing?: boolean;
  large?: boolean;
  /** leave the 'stale since' text to a badge of the page's own */
  hideStaleText?: boolean;
}

/** Connection state and the time of the last update, or since when the figures are stale. */
export function StatusBadge({ connection, stale, updatedAt, staleSince, feedDown, resyncing, large, hideStaleText }: StatusBadgeProps) {
  const { t } = useTranslation();
  const state = badgeState(connection);
  const label = t(`conn.${connection}`);
  let detail: string | null = null;
  if (stale && hideStaleText) detail = null;
  else if (stale && staleSince !== null) detail = t('conn.staleSince', { time: formatClock(staleSince) });
  else if (stale) detail = t('conn.stale');
  else if (updatedAt !== null) detail = t('conn.updated', { time: formatClock(updatedAt) });
  return (
    <div
      className={`status-badge status-${state}${stale ? ' is-stale' : ''}${large ? ' status-large' : ''}`}
      data-testid="connection"
      data-state={state}
      data-stale={stale ? 'true' : 'false'}
      role="status"
      aria-live="polite"
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{label}</span>
      {feedDown ? <span className="status-flag">{t('conn.feedDown')}</span> : null}
      {resyncing ? <span className="status-flag">{t('conn.resyncing')}</span> : null}
      {detail ? <span className={stale ? 'status-stale' : 'status-time'}>{detail}</span> : null}
    </div>
  );
}
