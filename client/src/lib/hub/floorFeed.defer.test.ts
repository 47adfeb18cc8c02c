import { describe, expect, it } from 'vitest';
import { FloorFeed } from './floorFeed';
import { initialFloor, type FloorState } from '../store/floor';
import { FakeHub, flush } from '../../test/fakeHub';
import { agent, alert, delta, snapshot } from '../../test/fixtures';

/** A feed whose deltas wait for `release()`, counting the store's dispatches. */
async function deferredFeed() {
  let state: FloorState = initialFloor();
  let dispatches = 0;
  const flushes: (() => void)[] = [];
  const hub = new FakeHub();
  const feed = new FloorFeed({
    center: 'c1',
    connect: () => hub,
    dispatch: (f) => {
      dispatches++;
      return (state = f(state));
    },
    defer: (f) => flushes.push(f),
  });
  feed.start();
  await flush();
  hub.emit('snapshot', snapshot({ seq: 10 }));
  return {
    hub,
    feed,
    get state() {
      return state;
    },
    get dispatches() {
      return dispatches;
    },
    get deferred() {
      return flushes.length;
    },
    release() {
      for (const f of flushes.splice(0)) f();
    },
  };
}

describe('FloorFeed with deferred deltas and alerts', () => {
  it('folds a burst of deltas in one dispatch when released', async () => {
    const t = await deferredFeed();
    const before = t.dispatches;
    t.hub.emit('delta', delta(11, { agents: [agent('A01', { state: 'ringing' })] }));
    t.hub.emit('delta', delta(12, { agents: [agent('A01', { state: 'oncall' })] }));
    t.hub.emit('delta', delta(13));
    expect(t.state.seq).toBe(10);
    expect(t.deferred).toBe(1);
    t.release();
    expect(t.state.seq).toBe(13);
    expect(t.state.agents.get('A01')?.state).toBe('oncall');
    expect(t.dispatches).toBe(before + 1);
  });

  it('folds a burst of alerts with the deltas, in one dispatch', async () => {
    const t = await deferredFeed();
    const before = t.dispatches;
    t.hub.emit('alert', alert('a1'));
    t.hub.emit('delta', delta(11));
    t.hub.emit('alert', alert('a2'));
    t.hub.emit('alert', alert('a1', { state: 'resolved' }));
    expect(t.state.alerts.size).toBe(0);
    expect(t.deferred).toBe(1);
    t.release();
    expect([...t.state.alerts.keys()]).toEqual(['a2']);
    expect(t.state.seq).toBe(11);
    expect(t.dispatches).toBe(before + 1);
  });

  it('folds what is waiting before any other message', async () => {
    const t = await deferredFeed();
    t.hub.emit('delta', delta(11, { agents: [agent('A01', { state: 'oncall' })] }));
    t.hub.emit('alert', alert('a1'));
    for (const cb of t.hub.reconnecting) cb(new Error('socket closed'));
    expect(t.state.connection).toBe('reconnecting');
    expect(t.state.seq).toBe(11);
    expect([...t.state.alerts.keys()]).toEqual(['a1']);
    t.hub.emit('delta', delta(12));
    t.hub.emit('snapshot', snapshot({ seq: 12 }));
    t.release(); // nothing left to fold: the snapshot folded delta 12 first, then replaced it
    expect(t.state.seq).toBe(12);
    expect(t.state.agents.get('A01')?.state).toBe('available');
  });

  it('joins again once for a gap inside a burst', async () => {
    const t = await deferredFeed();
    t.hub.emit('delta', delta(11));
    t.hub.emit('delta', delta(13));
    t.hub.emit('delta', delta(14));
    t.release();
    expect(t.state.seq).toBe(11);
    expect(t.state.phase).toBe('resyncing');
    expect(t.state.buffer.map((d) => d.seq)).toEqual([13, 14]);
    expect(t.hub.invocations.filter((i) => i.method === 'JoinCenter')).toHaveLength(2);
  });

  it('drops the waiting deltas once stopped', async () => {
    const t = await deferredFeed();
    t.hub.emit('delta', delta(11));
    await t.feed.stop();
    t.release();
    expect(t.state.seq).toBe(10);
  });
});
