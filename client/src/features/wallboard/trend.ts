import type { IntervalRow } from '../../lib/api/types';
import { parseTs } from '../../lib/time/time';

export interface TrendPoint {
  start: string;
  /** hh:mm of the interval's start on the center's own clock (as written in the RFC 3339 time) */
  label: string;
  serviceLevel: number | null;
  offered: number;
  when: 'past' | 'current' | 'future';
}

/** "2026-11-26T08:15:00+08:00" → "08:15" (the center's local time, whatever the browser's zone). */
export function localHourMinute(ts: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(ts);
  return m ? `${m[1]}:${m[2]}` : ts;
}

/**
 * Today's intervals as chart points; the current interval takes the live figure (`totals.interval`)
 * rather than the one fetched, which is already out of date.
 */
export function trendPoints(rows: readonly IntervalRow[], now: number, liveServiceLevel: number | null, liveOffered: number | null): TrendPoint[] {
  return rows.map((r) => {
    const start = parseTs(r.start) ?? 0;
    const end = parseTs(r.end) ?? start + 15 * 60 * 1000;
    const when = now >= end ? 'past' : now >= start ? 'current' : 'future';
    return {
      start: r.start,
      label: localHourMinute(r.start),
      serviceLevel: when === 'current' ? liveServiceLevel : when === 'future' ? null : r.serviceLevel,
      offered: when === 'current' ? (liveOffered ?? r.offered ?? 0) : r.offered ?? 0,
      when,
    };
  });
}
