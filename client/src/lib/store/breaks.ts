// Break requests of one center for the duty manager's approval queue: the pending list read at
// each join, then every `breakRequest` the hub sends. Pure transitions.

import type { BreakRequest, BreakState } from '../api/types';
import { parseTs } from '../time/time';

export interface BreaksState {
  center: string | null;
  byId: Record<string, BreakRequest>;
}

export function initialBreaks(center: string | null = null): BreaksState {
  return { center, byId: {} };
}

const RANK: Record<BreakState, number> = { pending: 0, approved: 1, denied: 1, refused: 1, taken: 2, ended: 3 };

/** Whether `next` may replace `prior`: a request only moves forward (pending → decided → taken → ended). */
export function isLaterBreak(prior: BreakRequest | undefined, next: BreakRequest): boolean {
  if (!prior) return true;
  return (RANK[next.state] ?? 0) >= (RANK[prior.state] ?? 0);
}

/**
 * The pending requests as `GET .../breaks?state=pending` answered: requests pending here but not
 * there were decided meanwhile and leave; what the hub already moved on stays as it is.
 */
export function applyBreakList(s: BreaksState, center: string, pending: readonly BreakRequest[]): BreaksState {
  const base = s.center === center ? s : initialBreaks(center);
  const byId: Record<string, BreakRequest> = {};
  for (const [id, r] of Object.entries(base.byId)) if (r.state !== 'pending') byId[id] = r;
  for (const r of pending) {
    if (r.center && r.center !== center) continue;
    if (isLaterBreak(byId[r.id], r)) byId[r.id] = r;
  }
  return { center, byId };
}

export function applyBreakRequest(s: BreaksState, r: BreakRequest): BreaksState {
  if (s.center !== null && r.center && r.center !== s.center) return s;
  if (!isLaterBreak(s.byId[r.id], r)) return s;
  return { ...s, byId: { ...s.byId, [r.id]: r } };
}

/** The approval queue: first asked, first shown. */
export function pendingBreaks(s: Pick<BreaksState, 'byId'>): BreakRequest[] {
  return Object.values(s.byId)
    .filter((r) => r.state === 'pending')
    .sort((a, b) => (parseTs(a.requestedAt) ?? 0) - (parseTs(b.requestedAt) ?? 0));
}

/** Requests decided while the page was open, most recent decision first. */
export function decidedBreaks(s: Pick<BreaksState, 'byId'>, limit = 10): BreakRequest[] {
  const when = (r: BreakRequest) => parseTs(r.decidedAt) ?? parseTs(r.requestedAt) ?? 0;
  return Object.values(s.byId)
    .filter((r) => r.state !== 'pending')
    .sort((a, b) => when(b) - when(a))
    .slice(0, limit);
}
