import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../lib/api/types';
import type { Stamped } from '../../lib/store/floor';
import { formatCount, formatPercent, formatServiceLevel, slColour } from '../../lib/format/format';
import { LongestWait } from '../../components/Ticking';

function Fig({ label, value, testId, className }: { label: string; value: string; testId: string; className?: string }) {
  return (
    <div className={`wb-fig ${className ?? ''}`}>
      <span className="wb-fig-value" data-testid={testId}>
        {value}
      </span>
      <span className="wb-fig-label">{label}</span>
    </div>
  );
}

/** One queue on the wallboard: the interval's service level big, then waiting, agents, today. */
export const QueueTile = memo(function QueueTile({ queue }: { queue: Stamped<QueueView> }) {
  const { t } = useTranslation();
  const target = queue.settings?.slTarget ?? 0.8;
  const threshold = queue.settings?.slThresholdSeconds ?? 20;
  const sl = queue.interval?.serviceLevel ?? null;
  const colour = slColour(sl, target);
  const now = queue.now;
  return (
    <section className={`wb-tile sl-${colour}`} data-testid={`queue-${queue.id}`} aria-label={queue.name ?? queue.id}>
      <header className="wb-tile-head">
        <h2 className="wb-tile-name">{queue.settings?.name || queue.name || queue.id}</h2>
        <span className="wb-tile-target">{t('fig.threshold', { target: formatPercent(target), seconds: threshold })}</span>
      </header>
      <div className="wb-sl">
        <span className="wb-sl-value" data-testid="sl">
          {formatServiceLevel(sl)}
        </span>
        <span className="wb-sl-label">{t('fig.slInterval')}</span>
      </div>
      <div className="wb-queue-now">
        <div className={`wb-big ${now.waiting > 0 ? 'has-waiting' : 'no-waiting'}`}>
          <span className="wb-big-value" data-testid="waiting">
            {formatCount(now.waiting)}
          </span>
          <span className="wb-big-label">{t('fig.waiting')}</span>
        </div>
        <div className="wb-big">
          <LongestWait
            className="wb-big-value"
            testId="longest-wait"
            waiting={now.waiting}
            longestWaitSeconds={now.longestWaitSeconds}
            asOfMs={queue.asOfMs}
            thresholdSeconds={threshold}
          />
          <span className="wb-big-label">{t('fig.longestWait')}</span>
        </div>
      </div>
      <div className="wb-agents">
        <Fig className="st-available" label={t('fig.available')} value={formatCount(now.available)} testId="available" />
        <Fig className="st-oncall" label={t('fig.onCall')} value={formatCount(now.onCall)} testId="on-call" />
        <Fig className="st-wrapup" label={t('fig.wrapUp')} value={formatCount(now.wrapUp)} testId="wrap-up" />
        <Fig className="st-notready" label={t('fig.notReady')} value={formatCount(now.notReady)} testId="not-ready" />
      </div>
      <footer className="wb-today" aria-label={t('fig.today')}>
        <span className="wb-today-caption">{t('fig.today')}</span>
        <Fig
          className={`sl-text-${slColour(queue.today?.serviceLevel, target)}`}
          label={t('fig.sl')}
          value={formatServiceLevel(queue.today?.serviceLevel)}
          testId="sl-today"
        />
        <Fig label={t('fig.offered')} value={formatCount(queue.today?.offered)} testId="offered-today" />
        <Fig label={t('fig.answered')} value={formatCount(queue.today?.answered)} testId="answered-today" />
        <Fig label={t('fig.abandonShort')} value={formatPercent(queue.today?.abandonRate, 1)} testId="abandon-rate-today" />
      </footer>
    </section>
  );
});
