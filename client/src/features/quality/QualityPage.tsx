import { memo, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LiveCall } from '../../lib/api/types';
import { useCenterFeed } from '../../lib/hub/useCenterFeed';
import { useFloor } from '../../lib/store/useFloorStore';
import { staleness, type Stamped } from '../../lib/store/floor';
import { PageHeader } from '../../components/PageHeader';
import { FeedStatus } from '../../components/FeedStatus';
import { NotAllowed, Waiting } from '../../components/Notice';
import { RunningSeconds } from '../../components/Ticking';
import { CommandsProvider } from '../../lib/commands/useCommands';
import { MonitorActions, MonitorLog } from './MonitorActions';
import { DEFAULT_CALL_FILTER, filterAndSortCalls, isWaiting, type CallFilter } from './calls';
import './quality.css';

const ROW_HEIGHT = 38;

const CallRow = memo(function CallRow({ call, top }: { call: Stamped<LiveCall>; top: number }) {
  const { t } = useTranslation();
  const waiting = isWaiting(call);
  return (
    <div
      role="row"
      className={`qa-row qa-cols ${waiting ? 'is-waiting' : 'is-talking'}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid={`call-${call.call}`}
      data-waiting={waiting ? 'true' : 'false'}
    >
      <span role="cell" className="qa-cell qa-id">
        {call.call}
        {call.vip ? (
          <span className="badge badge-vip" data-testid="vip">
            {t('quality.vip')}
          </span>
        ) : null}
      </span>
      <span role="cell" className="qa-cell">
        {call.queue ?? ''}
      </span>
      <span role="cell" className="qa-cell">
        {call.agent ?? ''}
      </span>
      <span role="cell" className={`qa-cell ${waiting ? 'st-notready' : 'st-oncall'}`}>
        {waiting
          ? call.agent
            ? t('quality.ringing')
            : t('quality.waitingAt', { position: call.position ?? '–' })
          : t('quality.talking')}
      </span>
      <span role="cell" className="qa-cell num right" data-testid="call-time">
        <RunningSeconds seconds={waiting ? call.waitSeconds : call.talkSeconds} asOfMs={call.asOfMs} />
      </span>
      <span role="cell" className="qa-cell">
        {call.held ? <span className="badge badge-held">{t('quality.held')}</span> : null}
      </span>
      <span role="cell" className="qa-cell qa-tags">
        {(call.tags ?? []).map((tag) => (
          <span key={tag} className="badge badge-tag">
            {tag}
          </span>
        ))}
      </span>
      <span role="cell" className="qa-cell" data-testid="call-monitored-by">
        {(call.monitoredBy ?? []).join(', ')}
      </span>
      <span role="cell" className="qa-cell">
        {waiting ? null : <MonitorActions call={call.call} />}
      </span>
    </div>
  );
});

function CallTable({ calls, queueIds }: { calls: ReadonlyMap<string, Stamped<LiveCall>>; queueIds: readonly string[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<CallFilter>(DEFAULT_CALL_FILTER);
  const rows = useMemo(() => filterAndSortCalls(calls.values(), filter), [calls, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.call ?? i,
    initialRect: { width: 1200, height: 720 },
  });
  return (
    <section className="panel qa-calls" aria-label={t('quality.calls')}>
      <div className="panel-head">
        <h2>{t('quality.calls')}</h2>
        <span className="panel-count" data-testid="call-count">
          {t('quality.shown', { shown: rows.length, total: calls.size })}
        </span>
        <div className="filters">
          <label>
            <input
              type="checkbox"
              checked={filter.vipOnly}
              onChange={(e) => setFilter((f) => ({ ...f, vipOnly: e.target.checked }))}
              data-testid="filter-vip"
            />
            {t('quality.vipOnly')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={filter.taggedOnly}
              onChange={(e) => setFilter((f) => ({ ...f, taggedOnly: e.target.checked }))}
              data-testid="filter-tagged"
            />
            {t('quality.taggedOnly')}
          </label>
          <label>
            {t('quality.col.queue')}
            <select value={filter.queue} onChange={(e) => setFilter((f) => ({ ...f, queue: e.target.value }))} data-testid="filter-queue">
              <option value="">{t('common.all')}</option>
              {queueIds.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <div className="qa-table" role="table" aria-rowcount={rows.length}>
        <div role="row" className="qa-head qa-cols">
          <span role="columnheader">{t('quality.col.call')}</span>
          <span role="columnheader">{t('quality.col.queue')}</span>
          <span role="columnheader">{t('quality.col.agent')}</span>
          <span role="columnheader">{t('quality.col.status')}</span>
          <span role="columnheader" className="right">
            {t('quality.col.time')}
          </span>
          <span role="columnheader">{t('quality.col.held')}</span>
          <span role="columnheader">{t('quality.col.tags')}</span>
          <span role="columnheader">{t('quality.col.monitoredBy')}</span>
          <span role="columnheader">{t('quality.col.monitor')}</span>
        </div>
        <div className="qa-scroll" ref={scrollRef}>
          {rows.length === 0 ? <div className="qa-empty">{t('quality.noCalls')}</div> : null}
          <div className="qa-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const c = rows[v.index];
              return c ? <CallRow key={v.key} call={c} top={v.start} /> : null;
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

/** `/quality/{center}`: the live calls, for the quality inspector. */
export function QualityPage() {
  const { center = '' } = useParams();
  useCenterFeed(center);
  const { t } = useTranslation();
  const { seq, name, hasData, notAllowed, calls, queueOrder } = useFloor(
    useShallow((s) => ({
      seq: s.seq,
      name: s.name,
      hasData: s.hasData && s.center === center,
      notAllowed: s.notAllowed,
      calls: s.calls,
      queueOrder: s.queueOrder,
    })),
  );
  const stale = useFloor((s) => staleness(s).stale);
  return (
    <CommandsProvider center={center}>
    <div className={`page qa${stale ? ' is-stale' : ''}`} data-testid="quality" data-seq={seq ?? ''} data-center={center}>
      <PageHeader title={t('quality.title')} center={center} centerName={name} status={<FeedStatus />} />
      <main className="page-main qa-main">
        {notAllowed ? (
          <NotAllowed />
        ) : !hasData ? (
          <Waiting />
        ) : (
          <>
            <div className="stale-area qa-wrap">
              <CallTable calls={calls} queueIds={queueOrder} />
            </div>
            <MonitorLog />
          </>
        )}
      </main>
    </div>
    </CommandsProvider>
  );
}
