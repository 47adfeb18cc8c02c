import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../lib/api/types';
import type { Stamped } from '../../lib/store/floor';
import { formatCount, formatDuration, formatPercent, formatServiceLevel, slColour } from '../../lib/format/format';
import { LongestWait } from '../../components/Ticking';

const QueueRow = memo(function QueueRow({ q, total }: { q: Stamped<QueueView>; total?: boolean }) {
  const target = q.settings?.slTarget ?? 0.8;
  return (
    <tr className={total ? 'row-total' : ''} data-testid={total ? 'totals' : `queue-row-${q.id}`}>
      <td>{q.settings?.name || q.name || q.id}</td>
      <td className={`sl-text-${slColour(q.interval?.serviceLevel, target)}`}>{formatServiceLevel(q.interval?.serviceLevel)}</td>
      <td className={`sl-text-${slColour(q.today?.serviceLevel, target)}`}>{formatServiceLevel(q.today?.serviceLevel)}</td>
      <td>{formatCount(q.now.waiting)}</td>
      <td>
        <LongestWait
          waiting={q.now.waiting}
          longestWaitSeconds={q.now.longestWaitSeconds}
          asOfMs={q.asOfMs}
          thresholdSeconds={q.settings?.slThresholdSeconds}
        />
      </td>
      <td>{formatCount(q.now.staffed)}</td>
      <td className="st-available">{formatCount(q.now.available)}</td>
      <td className="st-oncall">{formatCount(q.now.onCall)}</td>
      <td className="st-wrapup">{formatCount(q.now.wrapUp)}</td>
      <td className="st-notready">{formatCount(q.now.notReady)}</td>
      <td>{formatCount(q.requiredAgents ?? q.now.requiredAgents)}</td>
      <td>{formatCount(q.today?.offered)}</td>
      <td>{formatCount(q.today?.answered)}</td>
      <td>{formatCount(q.today?.abandoned)}</td>
      <td>{formatPercent(q.today?.abandonRate, 1)}</td>
      <td>{formatDuration(q.today?.asaSeconds)}</td>
      <td>{formatDuration(q.today?.ahtSeconds)}</td>
      <td>{formatPercent(q.today?.occupancy)}</td>
    </tr>
  );
});

/** Every queue's figures now, this interval and today, with the center's total. */
export function QueueTable({ queues, totals }: { queues: Stamped<QueueView>[]; totals: Stamped<QueueView> | null }) {
  const { t } = useTranslation();
  return (
    <section className="panel sv-queues" aria-label={t('supervisor.queues')}>
      <div className="panel-head">
        <h2>{t('supervisor.queues')}</h2>
      </div>
      <div className="sv-queues-scroll">
        <table className="table" data-testid="queue-table">
          <thead>
            <tr>
              <th>{t('supervisor.col.queue')}</th>
              <th>{t('fig.slInterval')}</th>
              <th>{t('fig.slToday')}</th>
              <th>{t('fig.waiting')}</th>
              <th>{t('fig.longestWait')}</th>
              <th>{t('fig.staffed')}</th>
              <th>{t('fig.available')}</th>
              <th>{t('fig.onCall')}</th>
              <th>{t('fig.wrapUp')}</th>
              <th>{t('fig.notReady')}</th>
              <th>{t('fig.requiredAgents')}</th>
              <th>{t('fig.offered')}</th>
              <th>{t('fig.answered')}</th>
              <th>{t('fig.abandoned')}</th>
              <th>{t('fig.abandonRate')}</th>
              <th>{t('fig.asa')}</th>
              <th>{t('fig.aht')}</th>
              <th>{t('fig.occupancy')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <QueueRow key={q.id} q={q} />
            ))}
            {totals ? <QueueRow q={{ ...totals, name: t('wallboard.totals'), settings: totals.settings ? { ...totals.settings, name: null } : null }} total /> : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
