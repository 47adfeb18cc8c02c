import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api/client';
import type { CenterSummary } from '../../lib/api/types';
import { formatClock, formatCount, formatDuration, formatPercent, formatServiceLevel, slColour } from '../../lib/format/format';
import { parseTs } from '../../lib/time/time';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { NotAllowed } from '../../components/Notice';
import './centers.css';

const REFRESH_MS = 15000;

type Load =
  | { kind: 'loading' }
  | { kind: 'ok'; centers: CenterSummary[]; at: number }
  | { kind: 'denied' }
  | { kind: 'error'; message: string; centers: CenterSummary[]; at: number | null };

export function CentersPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fetchOnce = async () => {
      try {
        const centers = await api.centers();
        if (alive) setLoad({ kind: 'ok', centers, at: Date.now() });
      } catch (e) {
        if (!alive) return;
        if (e instanceof ApiError && e.status === 403) setLoad({ kind: 'denied' });
        else
          setLoad((prev) => ({
            kind: 'error',
            message: e instanceof Error ? e.message : String(e),
            centers: prev.kind === 'ok' || prev.kind === 'error' ? prev.centers : [],
            at: prev.kind === 'ok' || prev.kind === 'error' ? prev.at : null,
          }));
      }
      if (alive) timer = setTimeout(() => void fetchOnce(), REFRESH_MS);
    };
    void fetchOnce();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, []);

  const status =
    load.kind === 'ok' || load.kind === 'error' ? (
      <StatusBadge
        connection={load.kind === 'ok' ? 'connected' : 'disconnected'}
        stale={load.kind === 'error'}
        updatedAt={load.at}
        staleSince={load.at}
      />
    ) : (
      <StatusBadge connection="connecting" stale={false} updatedAt={null} staleSince={null} />
    );

  return (
    <div className="page">
      <PageHeader title={t('centers.title')} status={status} />
      <main className="page-main ct-main">
        {load.kind === 'loading' ? <div className="notice">{t('common.loading')}</div> : null}
        {load.kind === 'denied' ? <NotAllowed /> : null}
        {load.kind === 'error' ? (
          <p className="form-error" role="alert">
            {t('common.error', { message: load.message })}
          </p>
        ) : null}
        {load.kind === 'ok' && load.centers.length === 0 ? (
          <div className="notice">{t('centers.empty')}</div>
        ) : null}
        {load.kind === 'ok' || load.kind === 'error' ? (
          <ul className="ct-list">
            {load.centers.map((c) => (
              <CenterCard key={c.id} center={c} />
            ))}
          </ul>
        ) : null}
      </main>
    </div>
  );
}

function CenterCard({ center }: { center: CenterSummary }) {
  const { t } = useTranslation();
  const h = center.headline;
  const sl = h?.interval?.serviceLevel ?? null;
  const target = h?.settings?.slTarget ?? 0.8;
  const id = encodeURIComponent(center.id);
  return (
    <li className="ct-card" data-testid={`center-${center.id}`}>
      <div className="ct-head">
        <h2>{center.name || center.id}</h2>
        <span className="ct-asof">{t('centers.asOf', { time: formatClock(parseTs(center.asOf)) })}</span>
      </div>
      <dl className="ct-figs">
        <div className={`ct-fig sl-${slColour(sl, target)}`}>
          <dt>{t('fig.slInterval')}</dt>
          <dd>{formatServiceLevel(sl)}</dd>
        </div>
        <div className="ct-fig">
          <dt>{t('fig.waiting')}</dt>
          <dd>{formatCount(h?.now?.waiting)}</dd>
        </div>
        <div className="ct-fig">
          <dt>{t('fig.longestWait')}</dt>
          <dd>{h && h.now.waiting > 0 ? formatDuration(h.now.longestWaitSeconds) : formatDuration(0)}</dd>
        </div>
        <div className="ct-fig">
          <dt>{t('fig.available')}</dt>
          <dd>
            {formatCount(h?.now?.available)} / {formatCount(h?.now?.staffed)}
          </dd>
        </div>
        <div className="ct-fig">
          <dt>{t('fig.offered')}</dt>
          <dd>{formatCount(h?.today?.offered)}</dd>
        </div>
        <div className="ct-fig">
          <dt>{t('fig.abandonRate')}</dt>
          <dd>{formatPercent(h?.today?.abandonRate, 1)}</dd>
        </div>
      </dl>
      <div className="ct-links">
        <Link to={`/wallboard/${id}`}>{t('nav.wallboard')}</Link>
        <Link to={`/supervisor/${id}`}>{t('nav.supervisor')}</Link>
        <Link to={`/quality/${id}`}>{t('nav.quality')}</Link>
      </div>
    </li>
  );
}
