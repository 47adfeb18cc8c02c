import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { slColour } from '../../lib/format/format';
import { intervalStart } from '../../lib/time/time';
import { useServerNow } from '../../lib/time/useServerNow';
import { useTodayIntervals } from './useTodayIntervals';
import { trendPoints, type TrendPoint } from './trend';

interface Props {
  center: string;
  joins: number;
  target: number;
  liveServiceLevel: number | null;
  liveOffered: number | null;
}

/** Service level of every interval of today so far, with the target line. */
export function SlTrend({ center, joins, target, liveServiceLevel, liveOffered }: Props) {
  const now = useServerNow();
  const quarter = intervalStart(now);
  const rows = useTodayIntervals(center, joins, quarter);
  const points = useMemo(
    () => (rows ? trendPoints(rows, quarter, liveServiceLevel, liveOffered) : []),
    [rows, quarter, liveServiceLevel, liveOffered],
  );
  return <TrendChart points={points} target={target} />;
}

const TrendChart = memo(function TrendChart({ points, target }: { points: TrendPoint[]; target: number }) {
  const { t } = useTranslation();
  const n = points.length;
  const hasAny = points.some((p) => p.serviceLevel !== null);
  const labelEvery = n > 48 ? 8 : n > 24 ? 4 : 2;
  return (
    <section className="wb-trend" data-testid="sl-trend" aria-label={t('wallboard.trend')}>
      <div className="wb-trend-head">
        <span>{t('wallboard.trend')}</span>
        <span className="wb-trend-target">{t('fig.target', { value: `${Math.round(target * 100)}%` })}</span>
      </div>
      <div className="wb-trend-plot">
        {n > 0 ? (
          <svg viewBox={`0 0 ${n} 100`} preserveAspectRatio="none" className="wb-trend-svg" role="img">
            {points.map((p, i) =>
              p.serviceLevel === null ? null : (
                <rect
                  key={p.start}
                  x={i + 0.12}
                  width={0.76}
                  y={100 - Math.min(1, Math.max(0, p.serviceLevel)) * 100}
                  height={Math.max(0.8, Math.min(1, Math.max(0, p.serviceLevel)) * 100)}
                  className={`bar bar-${slColour(p.serviceLevel, target)}${p.when === 'current' ? ' bar-current' : ''}`}
                />
              ),
            )}
            {points.map((p, i) =>
              p.when === 'current' ? <rect key="now" x={i} width={1} y={0} height={100} className="bar-now" /> : null,
            )}
            <line x1={0} x2={n} y1={100 - target * 100} y2={100 - target * 100} className="target-line" vectorEffect="non-scaling-stroke" />
          </svg>
        ) : null}
        {!hasAny ? <div className="wb-trend-empty">{t('wallboard.trendEmpty')}</div> : null}
        <div className="wb-trend-axis" aria-hidden="true">
          {points.map((p, i) =>
            i % labelEvery === 0 ? (
              <span key={p.start} style={{ left: `${(i / n) * 100}%` }}>
                {p.label}
              </span>
            ) : null,
          )}
        </div>
      </div>
    </section>
  );
});
