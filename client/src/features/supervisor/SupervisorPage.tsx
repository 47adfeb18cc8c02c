// data-testid: supervisor (data-seq, data-center); agent rows are agent-{id} (AgentGrid): a click
// on one opens agent-actions (AgentActions.tsx); side-tab-alerts,
// side-tab-breaks (with side-tab-breaks-count), side-tab-audit switch the side panel between
// alert-panel (AlertPanel.tsx), break-queue (BreakQueue.tsx) and audit-log (AuditLog.tsx).
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useCenterFeed } from '../../lib/hub/useCenterFeed';
import { useFloor, useFloorStore } from '../../lib/store/useFloorStore';
import { queueList, staleness } from '../../lib/store/floor';
import { updateOpenAlertList, type OpenAlertList } from '../../lib/store/openAlertList';
import { useFollowed } from '../../lib/store/useFollowed';
import { applyBreakList, initialBreaks, pendingBreaks } from '../../lib/store/breaks';
import { interventionsApi } from '../../lib/api/interventions';
import { CommandsProvider } from '../../lib/commands/useCommands';
import { PageHeader } from '../../components/PageHeader';
import { FeedStatus } from '../../components/FeedStatus';
import { NotAllowed, Waiting } from '../../components/Notice';
import { AgentGrid } from './AgentGrid';
import { QueueTable } from './QueueTable';
import { AlertPanel } from './AlertPanel';
import { AgentActions } from './AgentActions';
import { BreakQueue } from './BreakQueue';
import { AuditLog } from './AuditLog';
import './supervisor.css';
import './interventions.css';

type SideTab = 'alerts' | 'breaks' | 'audit';

const alertsOf = (v: OpenAlertList) => v.alerts;

/** The pending break requests, read at every (re)join; the hub's `breakRequest` keeps them current. */
function usePendingBreaks(center: string, joins: number): void {
  useEffect(() => {
    useFloorStore.getState().dispatchBreaks((s) => (s.center === center ? s : initialBreaks(center)));
  }, [center]);
  useEffect(() => {
    if (joins === 0) return;
    let alive = true;
    interventionsApi
      .breaks(center, 'pending')
      .then((list) => {
        if (alive) useFloorStore.getState().dispatchBreaks((s) => applyBreakList(s, center, list));
      })
      .catch(() => {
        // the next join reads them again; the hub's messages keep coming meanwhile
      });
    return () => {
      alive = false;
    };
  }, [center, joins]);
}

/** The agent id of the grid row an event happened in (rows are `[role=row][data-testid=agent-{id}]`). */
function rowAgent(target: EventTarget): string | null {
  const row = target instanceof Element ? target.closest('[role="row"][data-testid^="agent-"]') : null;
  return row?.getAttribute('data-testid')?.slice('agent-'.length) ?? null;
}

/** `/supervisor/{center}`: the duty manager's console. */
export function SupervisorPage() {
  const { center = '' } = useParams();
  useCenterFeed(center);
  const { t } = useTranslation();
  const { seq, name, hasData, notAllowed, totals, queueOrder, queues, agents, alerts, joins } = useFloor(
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
      joins: s.joins,
    })),
  );
  usePendingBreaks(center, joins);
  const stale = useFloor((s) => staleness(s).stale);
  const list = useMemo(() => queueList({ queueOrder, queues }), [queueOrder, queues]);
  // The grid and the alerts render after the queue figures, in React's background rendering, which
  // yields to the browser: a frame that brings a delta does not carry all three at once.
  const gridAgents = useDeferredValue(agents);
  const shownAlerts = useDeferredValue(alerts);
  const open = useFollowed<OpenAlertList>(shownAlerts, alertsOf, (prev, changed) => updateOpenAlertList(prev, shownAlerts, changed), []).list;
  const breaksById = useFloorStore((st) => st.breaks.byId);
  const pendingCount = useMemo(() => pendingBreaks({ byId: breaksById }).length, [breaksById]);
  const [tab, setTab] = useState<SideTab>('alerts');
  // the same element on every delta, so the header is not rendered again (the status reads the store itself)
  const feedStatus = useMemo(() => <FeedStatus />, []);
  const [selected, setSelected] = useState<string | null>(null);

  // The grid's rows are chosen here, around the grid, so the grid stays as it is.
  const onGridClick = useCallback((e: MouseEvent) => {
    const id = rowAgent(e.target);
    if (id) setSelected(id);
  }, []);

  const tabButton = (id: SideTab, label: string, count?: number) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
      className={`sv-tab${tab === id ? ' is-active' : ''}`}
      onClick={() => setTab(id)}
      data-testid={`side-tab-${id}`}
    >
      {label}
      {count ? (
        <span className="badge badge-alert" data-testid={`side-tab-${id}-count`}>
          {count}
        </span>
      ) : null}
    </button>
  );

  return (
    <CommandsProvider center={center}>
      <div className={`page sv${stale ? ' is-stale' : ''}`} data-testid="supervisor" data-seq={seq ?? ''} data-center={center}>
        <PageHeader title={t('supervisor.title')} center={center} centerName={name} status={feedStatus} />
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
                <div className="stale-area sv-grid-wrap sv-selectable" onClick={onGridClick}>
                  <AgentGrid agents={gridAgents} queueIds={queueOrder} />
                </div>
                <div className="sv-side">
                  <div className="sv-tabs" role="tablist">
                    {tabButton('alerts', t('side.alerts'), open.length)}
                    {tabButton('breaks', t('side.breaks'), pendingCount)}
                    {tabButton('audit', t('side.audit'))}
                  </div>
                  {tab === 'alerts' ? <AlertPanel center={center} alerts={open} /> : null}
                  {tab === 'breaks' ? <BreakQueue /> : null}
                  {tab === 'audit' ? <AuditLog center={center} /> : null}
                </div>
              </div>
              {selected ? (
                <AgentActions key={selected} agentId={selected} agent={agents.get(selected)} queueIds={queueOrder} onClose={() => setSelected(null)} />
              ) : null}
            </>
          )}
        </main>
      </div>
    </CommandsProvider>
  );
}
