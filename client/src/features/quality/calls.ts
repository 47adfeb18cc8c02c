import type { LiveCall } from '../../lib/api/types';
import type { Stamped } from '../../lib/store/floor';

export interface CallFilter {
  vipOnly: boolean;
  taggedOnly: boolean;
  /** '' = any queue */
  queue: string;
}

export const DEFAULT_CALL_FILTER: CallFilter = { vipOnly: false, taggedOnly: false, queue: '' };

/** The server gives a queue position only to calls still waiting (a ringing call waits too). */
export function isWaiting(c: LiveCall): boolean {
  return c.position !== null && c.position !== undefined;
}

export function matchesCall(c: LiveCall, f: CallFilter): boolean {
  if (f.vipOnly && !c.vip) return false;
  if (f.taggedOnly && !(c.tags && c.tags.length > 0)) return false;
  if (f.queue && c.queue !== f.queue) return false;
  return true;
}

/** When the running figure started (server ms): the push time less the seconds it showed. */
function startedAt(c: Stamped<LiveCall>): number {
  const secs = isWaiting(c) ? c.waitSeconds : c.talkSeconds;
  return (c.asOfMs ?? 0) - (secs ?? 0) * 1000;
}

/**
 * Waiting calls first (longest waiting first), then connected calls (longest talking first). The
 * order rests on start times, so it does not change as the seconds tick.
 */
export function filterAndSortCalls(calls: Iterable<Stamped<LiveCall>>, f: CallFilter): Stamped<LiveCall>[] {
  const out: Stamped<LiveCall>[] = [];
  for (const c of calls) if (matchesCall(c, f)) out.push(c);
  return out.sort((a, b) => {
    const wa = isWaiting(a) ? 0 : 1;
    const wb = isWaiting(b) ? 0 : 1;
    if (wa !== wb) return wa - wb;
    const d = startedAt(a) - startedAt(b);
    if (d !== 0) return d;
    return a.call < b.call ? -1 : a.call > b.call ? 1 : 0;
  });
}
