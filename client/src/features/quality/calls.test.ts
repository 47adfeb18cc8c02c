import { describe, expect, it } from 'vitest';
import { DEFAULT_CALL_FILTER, filterAndSortCalls, isWaiting } from './calls';
import { call, T0_MS } from '../../test/fixtures';
import type { LiveCall } from '../../lib/api/types';
import type { Stamped } from '../../lib/store/floor';

const at = (c: LiveCall, asOfMs = T0_MS): Stamped<LiveCall> => ({ ...c, asOfMs });

const calls = [
  at(call('T1', { agent: 'A1', position: null, waitSeconds: null, talkSeconds: 100, tags: ['complaint'] })),
  at(call('W1', { position: 2, waitSeconds: 5 })),
  at(call('W2', { position: 1, waitSeconds: 40, vip: true })),
  at(call('T2', { agent: 'A2', position: null, waitSeconds: null, talkSeconds: 300, vip: true, tags: ['escalation'], queue: 'sales' })),
  // pushed 10 s later with 95 s of talk: started 5 s after T1
  at(call('T3', { agent: 'A3', position: null, waitSeconds: null, talkSeconds: 105 }), T0_MS + 10000),
];

describe('live calls', () => {
  it('waiting calls first (longest first), then connected calls (longest talk first)', () => {
    expect(filterAndSortCalls(calls, DEFAULT_CALL_FILTER).map((c) => c.call)).toEqual(['W2', 'W1', 'T2', 'T1', 'T3']);
  });
  it('filters VIP, tagged, both, and by queue', () => {
    const ids = (f: Partial<typeof DEFAULT_CALL_FILTER>) => filterAndSortCalls(calls, { ...DEFAULT_CALL_FILTER, ...f }).map((c) => c.call);
    expect(ids({ vipOnly: true })).toEqual(['W2', 'T2']);
    expect(ids({ taggedOnly: true })).toEqual(['T2', 'T1']);
    expect(ids({ vipOnly: true, taggedOnly: true })).toEqual(['T2']);
    expect(ids({ queue: 'sales' })).toEqual(['T2']);
  });
  it('tells waiting from connected', () => {
    expect(isWaiting(calls[1]!)).toBe(true);
    expect(isWaiting(calls[0]!)).toBe(false);
  });
  it('counts a call ringing an agent as still waiting', () => {
    expect(isWaiting(at(call('R1', { agent: 'A9', position: 1, waitSeconds: 3, talkSeconds: null })))).toBe(true);
  });
});
