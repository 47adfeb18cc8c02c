import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useCenterFeed } from '../../lib/hub/useCenterFeed';
import { useFloor } from '../../lib/store/useFloorStore';
import { openAlerts, queueList, staleness } from '../../lib/store/floor';
import { useElementSize } from '../../lib/time/useElementSize';
import { formatClock } from '../../lib/format/format';
import { Clock } from '../../components/Clock';
import { FeedStatus } from '../../components/FeedStatus';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NotAllowed, Waiting } from '../../components/Notice';
import { QueueTile } from './QueueTile';
import { TotalsStrip } from './TotalsStrip';
import { SlTrend } from './SlTrend';
import { AlertTicker } from './AlertTicker';
import { gridFor } from './grid';
import './wallboard.css';

/** `/wallboard/{center}`: the screen on the wall, 1920×1080, no mouse, read from across the floor. */
export function WallboardPage() {
  const { center = '' } = useParams();
  useCenterFeed(center);
  const { t } = useTranslation();
  const { seq, name, hasData, notAllowed, totals, joins, queueOrder, queues, alerts } = useFloor(
    useShallow((s) => ({
      seq: s.seq,
      name: s.name,
      hasData: s.hasData && s.center === center,
      notAllowed: s.notAllowed,
      totals: s.totals,
      joins: s.joins,
      queueOrder: s.queueOrder,
      queues: s.queues,
      alerts: s.alerts,
    })),
  );
  const stale = useFloor(useShallow(staleness));
  const list = useMemo(() => queueList({ queueOrder, queues }), [queueOrder, queues]);
  const open = useMemo(() => openAlerts({ alerts }), [alerts]);
  const [gridRef, size] = useElementSize<HTMLDivElement>();
  const aspect = size.width > 0 && size.height > 0 ? size.width / size.height : 2.6;
  const { cols, rows } = gridFor(list.length, aspect);

  return (
    <div className={`wb${stale.stale ? ' is-stale' : ''}`} data-testid="wallboard" data-seq={seq ?? ''} data-center={center}>
      <header className="wb-header">
        <div className="wb-title">
          <span className="wb-center">{name || center}</span>
          <span className="wb-sub">{t('wallboard.title')}</span>
        </div>
        <div className="wb-header-right">
          <FeedStatus large hideStaleText />
          {stale.stale ? (
            <span className="wb-stale-badge" data-testid="stale-badge">
              {stale.since !== null ? t('conn.staleSince', { time: formatClock(stale.since) }) : t('conn.stale')}
            </span>
          ) : null}
          <div className="wb-lang">
            <LanguageSwitch />
          </div>
          <Clock className="wb-clock" />
        </div>
      </header>
      {notAllowed ? (
        <NotAllowed />
      ) : !hasData ? (
        <Waiting />
      ) : (
        <>
          <div className="wb-top">
            <TotalsStrip totals={totals} />
            <SlTrend
              center={center}
              joins={joins}
              target={totals?.settings?.slTarget ?? 0.8}
              liveServiceLevel={totals?.interval?.serviceLevel ?? null}
              liveOffered={totals?.interval?.offered ?? null}
            />
          </div>
          <div
            ref={gridRef}
            className="wb-grid"
            data-testid="queue-grid"
            style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}
          >
            {list.length === 0 ? <div className="wb-empty">{t('wallboard.noQueues')}</div> : null}
            {list.map((q) => (
              <QueueTile key={q.id} queue={q} />
            ))}
          </div>
          <AlertTicker alerts={open} />
        </>
      )}
    </div>
  );
}
