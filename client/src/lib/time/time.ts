// Ticking figures between pushes. `now` is the server's clock in ms (see serverNow), so a wall
// display whose own clock is off still ticks from the right origin.

export function parseTs(ts: string | null | undefined): number | null {
  if (!ts) return null;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? null : ms;
}

/** Seconds elapsed from `fromMs` to `now`, never negative. */
export function elapsedSeconds(fromMs: number | null, now: number): number {
  if (fromMs === null) return 0;
  return Math.max(0, (now - fromMs) / 1000);
}

/** A queue's longest wait now: the pushed figure plus the time since it was true, while calls wait. */
export function tickLongestWait(waiting: number, longestWaitSeconds: number | null, asOfMs: number | null, now: number): number {
  if (!waiting || waiting <= 0) return 0;
  return Math.max(0, longestWaitSeconds ?? 0) + elapsedSeconds(asOfMs, now);
}

/** Time in the current state: now − since. */
export function timeInState(since: string | null | undefined, now: number): number | null {
  const ms = parseTs(since);
  if (ms === null) return null;
  return elapsedSeconds(ms, now);
}

/** A running figure (talk or wait seconds) ticked forward from the push it came in. */
export function tickSeconds(seconds: number | null | undefined, asOfMs: number | null, now: number): number | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  return Math.max(0, seconds) + elapsedSeconds(asOfMs, now);
}

/**
 * Start (ms) of the 15-minute interval holding `ms`. Every time zone in use is offset from UTC by
 * a whole number of quarter hours, so UTC quarters are the center's quarters too.
 */
export function intervalStart(ms: number): number {
  const quarter = 15 * 60 * 1000;
  return Math.floor(ms / quarter) * quarter;
}

/** Not-ready limits of the operations manual (CONTRACT.md §5 defaults), seconds per reason. */
export const NOT_READY_LIMITS: Readonly<Record<string, number>> = {
  away: 300,
  restroom: 300,
  break: 900,
  lunch: 3600,
};
export const NOT_READY_DEFAULT_LIMIT = 600;

export function notReadyLimit(reason: string | null | undefined): number {
  return (reason && NOT_READY_LIMITS[reason]) || NOT_READY_DEFAULT_LIMIT;
}

/** True when an agent has been not ready for longer than the limit of its reason. */
export function isNotReadyOvertime(state: string, reason: string | null | undefined, secondsInState: number | null): boolean {
  if (state !== 'notready' || secondsInState === null) return false;
  // the login pseudo-reason is the state right after login, not a leave of the seat
  if (reason === 'login') return false;
  return secondsInState > notReadyLimit(reason);
}
