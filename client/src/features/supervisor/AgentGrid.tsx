import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { AGENT_STATES, type AgentView } from '../../lib/api/types';
import type { Stamped } from '../../lib/store/floor';
import { formatCount, formatDuration } from '../../lib/format/format';
import { knownKey } from '../../lib/i18n';
import { isNotReadyOvertime, timeInState } from '../../lib/time/time';
import { useServerNow } from '../../lib/time/useServerNow';
import { useFollowed } from '../../lib/store/useFollowed';
import { DEFAULT_FILTER, nextSort, type AgentFilter, type SortDir, type SortKey, type StateFilter } from './agentGrid';
import { updateSortedAgents, type SortedAgents } from './sortedAgents';
import { queueChoices, queuesOfAgent, reasonOfAgent, updateTally, type AgentTally, type ValuesOf } from './agentTally';

export const ROW_HEIGHT = 36;

type Floor = ReadonlyMap<string, Stamped<AgentView>>;

const agentsOf = (v: { agents: Floor }) => v.agents;

function useTally(agents: Floor, valuesOf: ValuesOf): readonly string[] {
  return useFollowed<AgentTally<Stamped<AgentView>>>(agents, agentsOf, (prev, changed) => updateTally(prev, agents, valuesOf, changed), [valuesOf]).values;
}

const COLUMNS: { key: SortKey; label: string; align?: 'right' }[] = [
  { key: 'id', label: 'supervisor.col.agent' },
  { key: 'name', label: 'supervisor.col.name' },
  { key: 'state', label: 'supervisor.col.state' },
  { key: 'reason', label: 'supervisor.col.reason' },
  { key: 'timeInState', label: 'supervisor.col.timeInState', align: 'right' },
  { key: 'seat', label: 'supervisor.col.seat' },
  { key: 'call', label: 'supervisor.col.call' },
  { key: 'queue', label: 'supervisor.col.queue' },
  { key: 'handled', label: 'supervisor.col.handled', align: 'right' },
  { key: 'aht', label: 'supervisor.col.aht', align: 'right' },
  { key: 'alerts', label: 'supervisor.col.alerts', align: 'right' },
];

/** State pill and time in state: the only cells that tick, reading the shared clock. */
function LiveStateCells({ agent }: { agent: AgentView }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const secs = timeInState(agent.since, now);
  const overtime = isNotReadyOvertime(agent.state, agent.reason, secs);
  const cls = overtime ? 'st-overtime' : `st-${agent.state}`;
  return (
    <>
      <span role="cell" className={`sv-cell pill ${cls}`}>
        {t(knownKey('state', agent.state), { defaultValue: agent.state })}
        {agent.held ? <span className="badge badge-held">{t('quality.held')}</span> : null}
      </span>
      <span role="cell" className="sv-cell">
        {agent.reason ? t(knownKey('reason', agent.reason), { defaultValue: agent.reason }) : ''}
      </span>
      <span role="cell" className={`sv-cell num right ${overtime ? 'st-overtime' : ''}`} data-testid="time-in-state">
        {formatDuration(secs)}
      </span>
    </>
  );
}

const AgentRow = memo(function AgentRow({ agent, top }: { agent: Stamped<AgentView>; top: number }) {
  const alerts = agent.alerts?.length ?? 0;
  return (
    <div
      role="row"
      className={`sv-row sv-grid-cols state-${agent.state}`}
      data-testid={`agent-${agent.id}`}
      data-state={agent.state}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell" className="sv-cell sv-id">
        {agent.id}
      </span>
      <span role="cell" className="sv-cell">
        {agent.name ?? ''}
        {agent.vip ? <span className="badge badge-vip">VIP</span> : null}
      </span>
      <LiveStateCells agent={agent} />
      <span role="cell" className="sv-cell">
        {agent.seat ?? ''}
      </span>
      <span role="cell" className="sv-cell">
        {agent.call ?? ''}
      </span>
      <span role="cell" className="sv-cell">
        {agent.queue ?? ''}
      </span>
      <span role="cell" className="sv-cell num right">
        {formatCount(agent.handled)}
      </span>
      <span role="cell" className="sv-cell num right">
        {formatDuration(agent.ahtSeconds)}
      </span>
      <span role="cell" className="sv-cell num right">
        {alerts > 0 ? <span className="badge badge-alert">{alerts}</span> : ''}
      </span>
    </div>
  );
});

type Sort = { key: SortKey; dir: SortDir };

// The filters and the column heads render again only when what they show changes, not with every
// delta: their labels are translated, and i18next's lookups cost more than the rest of them.
const GridFilters = memo(function GridFilters({
  filter,
  queues,
  reasons,
  onChange,
}: {
  filter: AgentFilter;
  queues: readonly string[];
  reasons: readonly string[];
  onChange: <K extends keyof AgentFilter>(k: K, v: AgentFilter[K]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <label>
        {t('supervisor.filterState')}
        <select value={filter.state} onChange={(e) => onChange('state', e.target.value as StateFilter)} data-testid="filter-state">
          <option value="loggedin">{t('supervisor.loggedIn')}</option>
          <option value="all">{t('common.all')}</option>
          {AGENT_STATES.map((s) => (
            <option key={s} value={s}>
              {t(knownKey('state', s))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('supervisor.filterQueue')}
        <select value={filter.queue} onChange={(e) => onChange('queue', e.target.value)} data-testid="filter-queue">
          <option value="">{t('common.all')}</option>
          {queues.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('supervisor.filterReason')}
        <select value={filter.reason} onChange={(e) => onChange('reason', e.target.value)} data-testid="filter-reason">
          <option value="">{t('common.all')}</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {t(knownKey('reason', r), { defaultValue: r })}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        value={filter.text}
        placeholder={t('supervisor.search')}
        aria-label={t('supervisor.search')}
        onChange={(e) => onChange('text', e.target.value)}
        data-testid="filter-text"
      />
    </div>
  );
});

const GridHead = memo(function GridHead({ sort, onSort }: { sort: Sort; onSort: (key: SortKey) => void }) {
  const { t } = useTranslation();
  return (
    <div role="row" className="sv-head sv-grid-cols">
      {COLUMNS.map((c) => {
        const active = sort.key === c.key;
        return (
          <span
            key={c.key}
            role="columnheader"
            aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            className={c.align === 'right' ? 'right' : ''}
          >
            <button type="button" className="sv-sort" onClick={() => onSort(c.key)} data-testid={`sort-${c.key}`}>
              {t(c.label)}
              <span className="sv-sort-mark" aria-hidden="true">
                {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
              </span>
            </button>
          </span>
        );
      })}
    </div>
  );
});

/** Every agent on the floor: filter, sort, and only the rows in view are in the page. */
export const AgentGrid = memo(function AgentGrid({ agents, queueIds }: { agents: ReadonlyMap<string, Stamped<AgentView>>; queueIds: readonly string[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AgentFilter>(DEFAULT_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'id', dir: 'asc' });
  // typing in the search box stays responsive while 5,000 rows re-filter behind it
  const deferredFilter = useDeferredValue(filter);
  const sorted = useFollowed<SortedAgents<Stamped<AgentView>>>(
    agents,
    agentsOf,
    (prev, changed) => updateSortedAgents(prev, agents, deferredFilter, sort.key, sort.dir, changed),
    [deferredFilter, sort],
  );
  const { rows, ids: rowIds } = sorted;
  const reasons = useTally(agents, reasonOfAgent);
  const queuesTallied = useTally(agents, queuesOfAgent);
  const queues = useMemo(() => queueChoices(queueIds, queuesTallied), [queueIds, queuesTallied]);
  const getItemKey = useCallback((i: number) => rowIds[i] ?? i, [rowIds]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey,
    initialRect: { width: 1200, height: 720 },
  });

  const setField = useCallback(<K extends keyof AgentFilter>(k: K, v: AgentFilter[K]) => setFilter((f) => ({ ...f, [k]: v })), []);
  const onSort = useCallback((key: SortKey) => setSort((s) => nextSort(s, key)), []);

  return (
    <section className="panel sv-agents" aria-label={t('supervisor.agents')}>
      <div className="panel-head">
        <h2>{t('supervisor.agents')}</h2>
        <span className="panel-count" data-testid="agent-count">
          {t('supervisor.shown', { shown: rows.length, total: agents.size })}
        </span>
        <GridFilters filter={filter} queues={queues} reasons={reasons} onChange={setField} />
      </div>
      <div className="sv-table" role="table" aria-rowcount={rows.length}>
        <GridHead sort={sort} onSort={onSort} />
        <div className="sv-scroll" ref={scrollRef} data-testid="agent-scroll">
          {rows.length === 0 ? <div className="sv-empty">{t('supervisor.noAgents')}</div> : null}
          <div className="sv-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const agent = rows[v.index];
              return agent ? <AgentRow key={v.key} agent={agent} top={v.start} /> : null;
            })}
          </div>
        </div>
      </div>
    </section>
  );
});
