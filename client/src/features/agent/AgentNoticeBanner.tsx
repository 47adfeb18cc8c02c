import { useTranslation } from 'react-i18next';
import type { AgentNotice } from '../../lib/api/types';
import { formatDuration } from '../../lib/format/format';
import { parseTs } from '../../lib/time/time';
import { useServerNow } from '../../lib/time/useServerNow';

/** The 80 % warning, before the duty manager is alerted: how long is left, ticking. data-testid: agent-notice, agent-notice-left. */
export function AgentNoticeBanner({ notice }: { notice: AgentNotice }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const since = parseTs(notice.since);
  const left = since === null ? null : notice.limitSeconds - (now - since) / 1000;
  const over = left !== null && left <= 0;
  return (
    <div className={`ag-notice${over ? ' is-over' : ''}`} role="alert" data-testid="agent-notice">
      <strong>{over ? t('agentPage.noticeOver') : t('agentPage.notice', { limit: formatDuration(notice.limitSeconds) })}</strong>
      {left !== null && !over ? (
        <span className="ag-notice-left num" data-testid="agent-notice-left">
          {t('agentPage.noticeLeft', { left: formatDuration(left) })}
        </span>
      ) : null}
      {notice.detail ? <span className="ag-notice-detail">{notice.detail}</span> : null}
    </div>
  );
}
