import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../lib/api/types';
import type { Stamped } from '../../lib/store/floor';
import { formatCount, formatDuration, formatPercent, formatServiceLevel, slColour } from '../../lib/format/format';
import { LongestWait } from '../../components/Ticking';

function Cell({ label, value, testId, className }: { label: string; value: string; testId: string; className?: string }) {
  return (
    <div className={`wb-tot-cell ${className ?? ''}`}>
      <span className="wb-tot-value" data-testid={testId}>
        {value}
      </span>
      <span className="wb-tot-label">{label}</span>
    </div>
  );
}

/** The center over all its queues. */
export const TotalsStrip = memo(function TotalsStrip({ totals }: { totals: Stamped<QueueView> | null }) {
  const { t } = useTranslation();
  if (!totals) return <section className="wb-totals" data-testid="totals" />;
  const target = totals.settings?.slTarget ?? 0.8;
  const sl = totals.interval?.serviceLevel ?? null;
  const n = totals.now;
  return (
    <section className={`wb-totals sl-${slColour(sl, target)}`} data-testid="totals" aria-label={t('wallboard.totals')}>
      <div className="wb-tot-sl">
        <span className="wb-tot-sl-value" data-testid="sl">
          {formatServiceLevel(sl)}
        </span>
        <span className="wb-tot-label">{t('fig.slInterval')}</span>
      </div>
      <div className="wb-tot-grid">
        <Cell label={t('fig.waiting')} value={formatCount(n.waiting)} testId="waiting" className={n.waiting > 0 ? 'has-waiting' : ''} />
        <div className="wb-tot-cell">
          <LongestWait
            className="wb-tot-value"
            testId="longest-wait"
            waiting={n.waiting}
            longestWaitSeconds={n.longestWaitSeconds}
            asOfMs={totals.asOfMs}
            thresholdSeconds={totals.settings?.slThresholdSeconds}
          />
          <span className="wb-tot-label">{t('fig.longestWait')}</span>
        </div>
        <Cell className="st-available" label={t('fig.available')} value={formatCount(n.available)} testId="available" />
        <Cell className="st-oncall" label={t('fig.onCall')} value={formatCount(n.onCall)} testId="on-call" />
        <Cell className="st-wrapup" label={t('fig.wrapUp')} value={formatCount(n.wrapUp)} testId="wrap-up" />
        <Cell className="st-notready" label={t('fig.notReady')} value={formatCount(n.notReady)} testId="not-ready" />
        <Cell
          className={`sl-text-${slColour(totals.today?.serviceLevel, target)}`}
          label={t('fig.slToday')}
          value={formatServiceLevel(totals.today?.serviceLevel)}
          testId="sl-today"
        />
        <Cell label={t('fig.offeredToday')} value={formatCount(totals.today?.offered)} testId="offered-today" />
        <Cell label={t('fig.answeredToday')} value={formatCount(totals.today?.answered)} testId="answered-today" />
        <Cell label={t('fig.abandonRate')} value={formatPercent(totals.today?.abandonRate, 1)} testId="abandon-rate-today" />
        <Cell label={t('fig.asa')} value={formatDuration(totals.today?.asaSeconds)} testId="asa-today" />
        <Cell label={t('fig.staffed')} value={formatCount(n.staffed)} testId="staffed" />
      </div>
    </section>
  );
});
