import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useCenterFeed } from '../../lib/hub/useCenterFeed';
import { useFloor } from '../../lib/store/useFloorStore';
import { openAlerts, queueList, staleness } from '../../lib/store/floor';
import { PageHeader } from '../../components/PageHeader';
import { FeedStatus } from '../../components/FeedStatus';
import { NotAllowed, Waiting } from '../../components/Notice';
import { AgentGrid } from './AgentGrid';
import { QueueTable } from './QueueTable';
import { AlertPanel } from './AlertPanel';
import './supervisor.css';

/** `/supervisor/{center}`: the duty manager's console. */
export function SupervisorPage() {
  const { center = '' } = useParams();
  useCenterFeed(center);
  const { t } = useTranslation();
  const { seq, name, hasData, notAllowed, totals, queueOrder, queues, agents, alerts } = useFloor(
    useShallow((s) => ({
      seq: s.seq,
      name: s.name,
      hasData: s.hasData && s.center === center,
      notAllowed: s.notAllowed,
      totals: s.totals,
      queueOrder: s.queueOrder,
      queues: s.queues,
      agents: s.agents,
      alerts: s.alerts,
    })),
  );
  const stale = useFloor((s) => staleness(s).stale);
  const list = useMemo(() => queueList({ queueOrder, queues }), [queueOrder, queues]);
  const open = useMemo(() => openAlerts({ alerts }), [alerts]);

  return (
    <div className={`page sv${stale ? ' is-stale' : ''}`} data-testid="supervisor" data-seq={seq ?? ''} data-center={center}>
      <PageHeader title={t('supervisor.title')} center={center} centerName={name} status={<FeedStatus />} />
      <main className="page-main sv-main">
        {notAllowed ? (
          <NotAllowed />
        ) : !hasData ? (
          <Waiting />
        ) : (
          <>
            <div className="stale-area">
              <QueueTable queues={list} totals={totals} />
            </div>
            <div className="sv-split">
              <div className="stale-area sv-grid-wrap">
                <AgentGrid agents={agents} queueIds={queueOrder} />
              </div>
              <AlertPanel alerts={open} />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
