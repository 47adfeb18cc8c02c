import { memo, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QueueView } from '../../lib/api/types';
import type { Stamped } from '../../lib/store/floor';
import { formatCount, formatDuration, formatPercent, formatServiceLevel, slColour } from '../../lib/format/format';
import { LongestWait } from '../../components/Ticking';

// A grid of rows rather than a <table>: each row is laid out on its own (fixed height, fixed
// column tracks), so a delta that changes every queue's figures does not lay the whole table out
// again; and only the rows in view are in the page, so a delta renders those, not all 100 queues.
const QueueRow = memo(function QueueRow({ q, total, top }: { q: Stamped<QueueView>; total?: boolean; top: number }) {
  const target = q.settings?.slTarget ?? 0.8;
  return (
    <div
      role="row"
      className={`sv-qrow sv-qcols${total ? ' row-total' : ''}`}
      data-testid={total ? 'totals' : `queue-row-${q.id}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span role="cell">{q.settings?.name || q.name || q.id}</span>
      <span role="cell" className={`sl-text-${slColour(q.interval?.serviceLevel, target)}`}>{formatServiceLevel(q.interval?.serviceLevel)}</span>
      <span role="cell" className={`sl-text-${slColour(q.today?.serviceLevel, target)}`}>{formatServiceLevel(q.today?.serviceLevel)}</span>
      <span role="cell">{formatCount(q.now.waiting)}</span>
      <span role="cell">
        <LongestWait
          waiting={q.now.waiting}
          longestWaitSeconds={q.now.longestWaitSeconds}
          asOfMs={q.asOfMs}
          thresholdSeconds={q.settings?.slThresholdSeconds}
        />
      </span>
      <span role="cell">{formatCount(q.now.staffed)}</span>
      <span role="cell" className="st-available">{formatCount(q.now.available)}</span>
      <span role="cell" className="st-oncall">{formatCount(q.now.onCall)}</span>
      <span role="cell" className="st-wrapup">{formatCount(q.now.wrapUp)}</span>
      <span role="cell" className="st-notready">{formatCount(q.now.notReady)}</span>
      <span role="cell">{formatCount(q.requiredAgents ?? q.now.requiredAgents)}</span>
      <span role="cell">{formatCount(q.today?.offered)}</span>
      <span role="cell">{formatCount(q.today?.answered)}</span>
      <span role="cell">{formatCount(q.today?.abandoned)}</span>
      <span role="cell">{formatPercent(q.today?.abandonRate, 1)}</span>
      <span role="cell">{formatDuration(q.today?.asaSeconds)}</span>
      <span role="cell">{formatDuration(q.today?.ahtSeconds)}</span>
      <span role="cell">{formatPercent(q.today?.occupancy)}</span>
    </div>
  );
});

/** The column heads: rendered again only when the language changes, not with every delta. */
const QueueHead = memo(function QueueHead({ measure }: { measure: (el: HTMLDivElement | null) => void }) {
  const { t } = useTranslation();
  return (
    <div role="row" className="sv-qhead sv-qcols" data-index={0} ref={measure}>
      <span role="columnheader">{t('supervisor.col.queue')}</span>
      <span role="columnheader">{t('fig.slInterval')}</span>
      <span role="columnheader">{t('fig.slToday')}</span>
      <span role="columnheader">{t('fig.waiting')}</span>
      <span role="columnheader">{t('fig.longestWait')}</span>
      <span role="columnheader">{t('fig.staffed')}</span>
      <span role="columnheader">{t('fig.available')}</span>
      <span role="columnheader">{t('fig.onCall')}</span>
      <span role="columnheader">{t('fig.wrapUp')}</span>
      <span role="columnheader">{t('fig.notReady')}</span>
      <span role="columnheader">{t('fig.requiredAgents')}</span>
      <span role="columnheader">{t('fig.offered')}</span>
      <span role="columnheader">{t('fig.answered')}</span>
      <span role="columnheader">{t('fig.abandoned')}</span>
      <span role="columnheader">{t('fig.abandonRate')}</span>
      <span role="columnheader">{t('fig.asa')}</span>
      <span role="columnheader">{t('fig.aht')}</span>
      <span role="columnheader">{t('fig.occupancy')}</span>
    </div>
  );
});

export const QUEUE_ROW_HEIGHT = 33;
const TOTAL_ROW_HEIGHT = 34;
/** The heads' height until measured (a long one wraps to two lines). */
const HEAD_HEIGHT = 50;
const HEAD_KEY = -1;
const TOTAL_KEY = -2;

/** Every queue's figures now, this interval and today, with the center's total. */
export function QueueTable({ queues, totals }: { queues: Stamped<QueueView>[]; totals: Stamped<QueueView> | null }) {
  const { t } = useTranslation();
  const totalRow = useMemo(
    () => (totals ? { ...totals, name: t('wallboard.totals'), settings: totals.settings ? { ...totals.settings, name: null } : null } : null),
    [totals, t],
  );
  // the heads are the first item (measured), then the queues, then the total
  const count = 1 + queues.length + (totalRow ? 1 : 0);
  const getItemKey = useCallback((i: number) => (i === 0 ? HEAD_KEY : (queues[i - 1]?.id ?? TOTAL_KEY)), [queues]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (i === 0 ? HEAD_HEIGHT : i > queues.length ? TOTAL_ROW_HEIGHT : QUEUE_ROW_HEIGHT),
    getItemKey,
    overscan: 4,
    initialRect: { width: 1400, height: 400 },
  });
  return (
    <section className="panel sv-queues" aria-label={t('supervisor.queues')}>
      <div className="panel-head">
        <h2>{t('supervisor.queues')}</h2>
      </div>
      <div className="sv-queues-scroll" ref={scrollRef}>
        <div role="table" className="sv-qtable" data-testid="queue-table" style={{ height: virtualizer.getTotalSize() }}>
          {/* the heads stay in the page, where they were, whatever is scrolled into view */}
          <QueueHead measure={virtualizer.measureElement} />
          {virtualizer.getVirtualItems().map((v) => {
            if (v.index === 0) return null;
            const q = queues[v.index - 1];
            if (q) return <QueueRow key={v.key} q={q} top={v.start} />;
            return totalRow ? <QueueRow key={v.key} q={totalRow} total top={v.start} /> : null;
          })}
        </div>
      </div>
    </section>
  );
}
