import { describe, expect, it } from 'vitest';
import {
  MAX_BUFFER,
  applyAlert,
  applyAlerts,
  applyDelta,
  applySnapshot,
  beginJoin,
  initialFloor,
  nextClockOffset,
  openAlerts,
  queueList,
  serverNow,
  setConnection,
  staleness,
  type FloorState,
} from './floor';
import type { QueueView } from '../api/types';
import { agent, alert, call, delta, queue, snapshot, T0_MS } from '../../test/fixtures';

const AT = T0_MS + 50; // received 50 ms after the server stamped it

function live(): FloorState {
  let s = initialFloor();
  s = beginJoin(s, 'c1', 'join');
  s = setConnection(s, 'connected', AT);
  return applySnapshot(s, snapshot(), AT);
}

describe('applySnapshot', () => {
  it('takes the whole floor and its seq', () => {
    const s = live();
    expect(s.phase).toBe('live');
    expect(s.seq).toBe(10);
    expect(s.name).toBe('Center One');
    expect(queueList(s).map((q) => q.id)).toEqual(['billing', 'sales']);
    expect([...s.agents.keys()].sort()).toEqual(['A01', 'A02']);
    expect([...s.calls.keys()].sort()).toEqual(['C1', 'C2']);
    expect(s.queues['billing']?.asOfMs).toBe(T0_MS);
    expect(s.joins).toBe(1);
    expect(s.hasData).toBe(true);
  });

  it('ignores a snapshot of another center', () => {
    const s = beginJoin(initialFloor(), 'c1', 'join');
    expect(applySnapshot(s, snapshot({ center: 'c2' }), AT)).toBe(s);
  });

  it('keeps only the alerts that are not resolved', () => {
    const s = applySnapshot(
      beginJoin(initialFloor(), 'c1', 'join'),
      snapshot({ alerts: [alert('a1'), alert('a2', { state: 'resolved' }), alert('a3', { state: 'acknowledged', by: 'sup' })] }),
      AT,
    );
    expect([...s.alerts.keys()].sort()).toEqual(['a1', 'a3']);
  });

  it('replaces everything of the previous snapshot (a rejoin)', () => {
    let s = live();
    s = beginJoin(s, 'c1', 'join');
    s = applySnapshot(s, snapshot({ seq: 3, agents: [agent('A09')], queues: [queue('vip')], calls: [] }), AT + 1000);
    expect(s.seq).toBe(3);
    expect([...s.agents.keys()]).toEqual(['A09']);
    expect(s.queueOrder).toEqual(['vip']);
    expect(s.calls.size).toBe(0);
    expect(s.joins).toBe(2);
  });
});

describe('applyDelta', () => {
  it('replaces queues, agents and calls by id, removes ended calls, replaces totals', () => {
    const s0 = live();
    const d = delta(11, {
      totals: queue('c1', {}, { waiting: 7 }),
      queues: [queue('billing', {}, { waiting: 5, longestWaitSeconds: 42 }), queue('new-queue')],
      agents: [agent('A01', { state: 'notready', reason: 'away' })],
      calls: [call('C3', { vip: true })],
      endedCalls: ['C1'],
    });
    const s = applyDelta(s0, d, AT + 200);
    expect(s.seq).toBe(11);
    expect(s.totals?.now.waiting).toBe(7);
    expect(s.queues['billing']?.now.waiting).toBe(5);
    expect(s.queues['billing']?.now.longestWaitSeconds).toBe(42);
    expect(s.queueOrder).toEqual(['billing', 'sales', 'new-queue']);
    expect(s.agents.get('A01')?.state).toBe('notready');
    expect(s.agents.get('A01')?.reason).toBe('away');
    // unchanged objects keep their identity (memoised rows do not re-render)
    expect(s.agents.get('A02')).toBe(s0.agents.get('A02'));
    expect(s.queues['sales']).toBe(s0.queues['sales']);
    expect([...s.calls.keys()].sort()).toEqual(['C2', 'C3']);
    expect(s.calls.get('C3')?.vip).toBe(true);
    // the changed objects carry the delta's asOf, the others keep theirs
    expect(s.queues['billing']?.asOfMs).toBe(Date.parse(d.asOf));
    expect(s.queues['sales']?.asOfMs).toBe(T0_MS);
    // the original state is untouched
    expect(s0.seq).toBe(10);
    expect(s0.calls.get('C1')).toBeDefined();
  });

  it('a field a row sets to null is null, not the one held', () => {
    const s0 = live();
    const s = applyDelta(s0, delta(11, { agents: [agent('A02', { state: 'wrapup', call: null, queue: null, talkSeconds: null })] }), AT);
    expect(s.agents.get('A02')?.call).toBeNull();
    expect(s.agents.get('A02')?.talkSeconds).toBeNull();
  });

  it('rows of changes: only the fields a row holds change, the others are as held', () => {
    const s0 = live();
    const held = s0.agents.get('A01');
    const s = applyDelta(
      s0,
      delta(11, {
        totals: { id: 'c1', requiredAgents: 9 },
        queues: [{ id: 'billing', name: 'Billing desk', now: { waiting: 4 } as QueueView['now'] }],
        agents: [{ id: 'A01', state: 'oncall', call: 'C7' }],
      }),
      AT,
    );
    const a = s.agents.get('A01');
    expect(a?.state).toBe('oncall');
    expect(a?.call).toBe('C7');
    expect(a?.name).toBe(held?.name);
    expect(a?.queues).toEqual(held?.queues);
    expect(a?.secondsByState).toEqual(held?.secondsByState);
    expect(s.queues['billing']?.name).toBe('Billing desk');
    expect(s.queues['billing']?.now).toEqual({ ...s0.queues['billing']?.now, waiting: 4 });
    expect(s.queues['billing']?.interval).toEqual(s0.queues['billing']?.interval);
    expect(s.totals?.requiredAgents).toBe(9);
    expect(s.totals?.now).toEqual(s0.totals?.now);
    expect(a?.asOfMs).toBe(Date.parse(delta(11).asOf));
  });

  it('rows of changes: of the seconds per state, only the states a row holds change', () => {
    const s0 = applyDelta(live(), delta(11, { agents: [agent('A01', { secondsByState: { available: 10, oncall: 100 } })] }), AT);
    const s = applyDelta(s0, delta(12, { agents: [{ id: 'A01', secondsByState: { available: 12 } }] }), AT);
    expect(s.agents.get('A01')?.secondsByState).toEqual({ available: 12, oncall: 100 });
  });

  it('rows of changes: an agent first seen in a delta is taken whole', () => {
    const s = applyDelta(live(), delta(11, { agents: [agent('A77', { state: 'available' })] }), AT);
    expect(s.agents.get('A77')).toMatchObject({ ...agent('A77', { state: 'available' }) });
  });

  it('a call both updated and ended in one delta is gone', () => {
    const s = applyDelta(live(), delta(11, { calls: [call('C2', { position: 2 })], endedCalls: ['C2'] }), AT);
    expect(s.calls.get('C2')).toBeUndefined();
  });

  it('keeps the feed unless the delta carries one', () => {
    const s0 = live();
    expect(applyDelta(s0, delta(11), AT).feed).toBe(s0.feed);
    const down = { ...s0.feed!, status: 'down' as const };
    expect(applyDelta(s0, delta(11, { feed: down }), AT).feed?.status).toBe('down');
  });

  it('ignores duplicates and deltas already in the snapshot', () => {
    const s0 = live();
    expect(applyDelta(s0, delta(10, { agents: [agent('A01', { state: 'ringing' })] }), AT)).toBe(s0);
    expect(applyDelta(s0, delta(3), AT)).toBe(s0);
    const s1 = applyDelta(s0, delta(11, { agents: [agent('A01', { state: 'oncall' })] }), AT);
    // the same delta again, and an older one arriving late
    expect(applyDelta(s1, delta(11, { agents: [agent('A01', { state: 'ringing' })] }), AT)).toBe(s1);
    expect(applyDelta(s1, delta(10, { agents: [agent('A01', { state: 'available' })] }), AT)).toBe(s1);
    expect(s1.agents.get('A01')?.state).toBe('oncall');
  });

  it('a gap marks the state resyncing and keeps the gapped delta for the next snapshot', () => {
    const s0 = live();
    const s = applyDelta(s0, delta(13, { agents: [agent('A01', { state: 'ringing' })] }), AT);
    expect(s.phase).toBe('resyncing');
    expect(s.seq).toBe(10);
    expect(s.agents.get('A01')?.state).toBe('available'); // not applied
    expect(s.buffer.map((d) => d.seq)).toEqual([13]);
    expect(s.resyncs).toBe(1);
  });

  it('ignores deltas of another center', () => {
    const s0 = live();
    expect(applyDelta(s0, delta(11, { center: 'c2' }), AT)).toBe(s0);
  });
});

describe('joining: deltas before the snapshot', () => {
  it('are buffered and applied after the snapshot when they continue it', () => {
    let s = beginJoin(initialFloor(), 'c1', 'join');
    s = applyDelta(s, delta(10, { agents: [agent('A01', { state: 'ringing' })] }), AT); // already in the snapshot
    s = applyDelta(s, delta(12, { agents: [agent('A01', { state: 'wrapup' })] }), AT); // out of order
    s = applyDelta(s, delta(11, { agents: [agent('A01', { state: 'oncall' })], calls: [call('C9')] }), AT);
    expect(s.phase).toBe('joining');
    expect(s.hasData).toBe(false);
    expect(s.buffer).toHaveLength(3);
    s = applySnapshot(s, snapshot({ seq: 10 }), AT);
    expect(s.phase).toBe('live');
    expect(s.seq).toBe(12);
    expect(s.agents.get('A01')?.state).toBe('wrapup');
    expect(s.calls.get('C9')).toBeDefined();
    expect(s.buffer).toEqual([]);
  });

  it('drops buffered deltas the snapshot already holds', () => {
    let s = beginJoin(initialFloor(), 'c1', 'join');
    s = applyDelta(s, delta(9, { agents: [agent('A01', { state: 'ringing' })] }), AT);
    s = applyDelta(s, delta(10, { agents: [agent('A01', { state: 'oncall' })] }), AT);
    s = applySnapshot(s, snapshot({ seq: 10 }), AT);
    expect(s.seq).toBe(10);
    expect(s.agents.get('A01')?.state).toBe('available'); // the snapshot's, not a replay of 9 and 10
  });

  it('a buffered delta that does not continue the snapshot asks for another resync', () => {
    let s = beginJoin(initialFloor(), 'c1', 'join');
    s = applyDelta(s, delta(12), AT);
    s = applySnapshot(s, snapshot({ seq: 10 }), AT);
    expect(s.phase).toBe('resyncing');
    expect(s.seq).toBe(10);
    expect(s.hasData).toBe(true);
    expect(s.buffer.map((d) => d.seq)).toEqual([12]);
  });

  it('after a resync, deltas keep buffering and the fresh snapshot takes over', () => {
    let s = applyDelta(live(), delta(13), AT); // gap: 11 and 12 lost
    s = beginJoin(s, 'c1', 'resync');
    expect(s.phase).toBe('resyncing');
    s = applyDelta(s, delta(14), AT);
    s = applyDelta(s, delta(15, { agents: [agent('A01', { state: 'oncall' })] }), AT);
    s = applySnapshot(s, snapshot({ seq: 14 }), AT);
    expect(s.phase).toBe('live');
    expect(s.seq).toBe(15);
    expect(s.agents.get('A01')?.state).toBe('oncall');
  });

  it('a rejoin after a reconnect forgets the old connection’s buffer (the server may have restarted)', () => {
    let s = applyDelta(live(), delta(13), AT);
    s = beginJoin(s, 'c1', 'join');
    expect(s.buffer).toEqual([]);
    s = applySnapshot(s, snapshot({ seq: 2 }), AT);
    expect(s.phase).toBe('live');
    expect(s.seq).toBe(2);
    expect(applyDelta(s, delta(3), AT).seq).toBe(3);
  });

  it('the buffer is bounded', () => {
    let s = beginJoin(initialFloor(), 'c1', 'join');
    for (let i = 1; i <= MAX_BUFFER + 5; i++) s = applyDelta(s, delta(100 + i), AT);
    expect(s.buffer).toHaveLength(MAX_BUFFER);
    expect(s.buffer[0]?.seq).toBe(106);
  });

  it('a snapshot without seq accepts whatever delta comes next', () => {
    let s = beginJoin(initialFloor(), 'c1', 'join');
    s = applySnapshot(s, snapshot({ seq: undefined }), AT);
    expect(s.seq).toBeNull();
    s = applyDelta(s, delta(57), AT);
    expect(s.seq).toBe(57);
    expect(applyDelta(s, delta(59), AT).phase).toBe('resyncing');
  });

  it('joining another center starts from nothing', () => {
    const s = beginJoin(live(), 'c2', 'join');
    expect(s.center).toBe('c2');
    expect(s.hasData).toBe(false);
    expect(s.seq).toBeNull();
    expect(s.agents.size).toBe(0);
  });
});

describe('alerts', () => {
  it('replace by id and leave when resolved', () => {
    let s = live();
    s = applyAlert(s, alert('a1'));
    s = applyAlert(s, alert('a2', { raisedAt: '2026-11-26T10:05:00+00:00' }));
    expect(openAlerts(s).map((a) => a.id)).toEqual(['a2', 'a1']);
    s = applyAlert(s, alert('a1', { state: 'acknowledged', by: 'sup1' }));
    expect(s.alerts.get('a1')?.state).toBe('acknowledged');
    expect(s.alerts.get('a1')?.by).toBe('sup1');
    s = applyAlert(s, alert('a1', { state: 'resolved' }));
    expect(openAlerts(s).map((a) => a.id)).toEqual(['a2']);
    const same = applyAlert(s, alert('zz', { state: 'resolved' }));
    expect(same).toBe(s);
    expect(applyAlert(s, alert('x', { center: 'c2' }))).toBe(s);
  });
});

describe('staleness', () => {
  it('is fresh while connected with the feed up', () => {
    expect(staleness(live())).toEqual({ stale: false, since: null, reason: null });
  });

  it('marks the figures stale from the moment the connection is lost until the next snapshot', () => {
    let s = live();
    const lostAt = AT + 5000;
    s = setConnection(s, 'reconnecting', lostAt);
    expect(staleness(s)).toMatchObject({ stale: true, reason: 'connection' });
    expect(staleness(s).since).toBe(lostAt - s.clockOffsetMs);
    s = setConnection(s, 'disconnected', lostAt + 60000);
    expect(staleness(s).since).toBe(lostAt - s.clockOffsetMs); // since the first loss
    s = setConnection(s, 'connected', lostAt + 70000);
    expect(staleness(s).stale).toBe(true); // back, but nothing fresh yet
    s = beginJoin(s, 'c1', 'join');
    s = applySnapshot(s, snapshot({ asOf: new Date(lostAt + 71000).toISOString() }), lostAt + 71000);
    expect(staleness(s).stale).toBe(false);
  });

  it('marks the figures stale while the switch feed is down, since it was last heard', () => {
    let s = live();
    s = applyDelta(s, delta(11, { feed: { ...s.feed!, status: 'down', lastHeardAt: '2026-11-26T10:00:02+00:00' } }), AT);
    expect(staleness(s)).toEqual({ stale: true, since: Date.parse('2026-11-26T10:00:02+00:00'), reason: 'feed' });
    s = applyDelta(s, delta(12, { feed: { ...s.feed!, status: 'up' } }), AT);
    expect(staleness(s).stale).toBe(false);
  });
});

describe('clock offset', () => {
  it('measures the client clock against the server’s from receipt time − asOf', () => {
    // the client clock is 5 minutes ahead of the server
    const skew = 5 * 60 * 1000;
    let s = beginJoin(initialFloor(), 'c1', 'join');
    s = applySnapshot(s, snapshot(), T0_MS + skew + 40);
    expect(s.clockOffsetMs).toBe(skew + 40);
    expect(serverNow(T0_MS + skew + 1040, s)).toBe(T0_MS + 1000);
  });

  it('smooths jitter, takes a lower sample at once, and jumps on a real change', () => {
    expect(nextClockOffset(100, true, 1000, 1000 + 80)).toBe(80);
    expect(nextClockOffset(100, true, 1000, 1000 + 200)).toBeCloseTo(110);
    expect(nextClockOffset(100, true, 1000, 1000 + 9000)).toBe(9000);
    expect(nextClockOffset(100, false, 1000, 1000 + 300)).toBe(300);
    expect(nextClockOffset(100, true, null, 5000)).toBe(100);
  });
});

describe('the agents of a delta', () => {
  it('leave the state the delta was folded into as it was, and new agents come last', () => {
    const s0 = live();
    const s1 = applyDelta(s0, delta(11, { agents: [agent('A01', { state: 'oncall' }), agent('A07')] }), AT);
    expect(s0.agents.get('A01')?.state).toBe('available');
    expect(s0.agents.has('A07')).toBe(false);
    expect([...s1.agents.keys()]).toEqual(['A01', 'A02', 'A07']);
    expect(s1.agents.get('A07')?.asOfMs).toBe(T0_MS + 200);
  });

  it('keep the same map when a delta has none', () => {
    const s0 = live();
    expect(applyDelta(s0, delta(11, { agents: [] }), AT).agents).toBe(s0.agents);
  });
});

describe('applyAlerts', () => {
  it('applies several alerts in order, as one by one would', () => {
    const s0 = live();
    const list = [alert('a1'), alert('a2'), alert('a1', { state: 'acknowledged', by: 'sup1' }), alert('a2', { state: 'resolved' }), alert('a3', { center: 'c2' })];
    const s = applyAlerts(s0, list);
    expect(s.alerts).toEqual(list.reduce(applyAlert, s0).alerts);
    expect([...s.alerts.keys()]).toEqual(['a1']);
    expect(s.alerts.get('a1')?.state).toBe('acknowledged');
    expect(s0.alerts.size).toBe(0);
  });

  it('returns the same state when nothing changes', () => {
    const s0 = live();
    expect(applyAlerts(s0, [])).toBe(s0);
    expect(applyAlerts(s0, [alert('zz', { state: 'resolved' }), alert('x', { center: 'c2' })])).toBe(s0);
  });
});
