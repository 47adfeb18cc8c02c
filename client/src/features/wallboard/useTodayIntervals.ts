import { useEffect, useState } from 'react';
import { ApiError, api } from '../../lib/api/client';
import type { IntervalRow } from '../../lib/api/types';

const RETRY_MS = 30000;

/**
 * Today's center intervals, fetched again on each (re)join (`joins`) and whenever the 15-minute
 * interval turns over (`quarter`).
 */
export function useTodayIntervals(center: string, joins: number, quarter: number): IntervalRow[] | null {
  const [rows, setRows] = useState<IntervalRow[] | null>(null);
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    api
      .intervals(center)
      .then((r) => {
        if (alive) setRows(r.intervals ?? []);
      })
      .catch((e: unknown) => {
        if (!alive) return;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return;
        timer = setTimeout(() => setRetry((n) => n + 1), RETRY_MS);
      });
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [center, joins, quarter, retry]);
  return rows;
}
