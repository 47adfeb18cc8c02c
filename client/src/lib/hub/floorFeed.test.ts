import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError, HubConnectionState, type IRetryPolicy } from '@microsoft/signalr';
import { FloorFeed, isRefusal, isUnauthorized, retryDelay } from './floorFeed';
import { initialFloor, type FloorState } from '../store/floor';
import { delta, snapshot } from '../../test/fixtures';
import { FakeHub as SharedFakeHub, flush, joins } from '../../test/fakeHub';

/** The shared fake, closing on stop as the real client does. */
class FakeHub extends SharedFakeHub {
  override closeOnStop = true;
  joins(): number {
    return joins(this);
  }
}


function setup(over: { onUnauthorized?: () => void } = {}) {
  let state: FloorState = initialFloor();
  const hub = new FakeHub();
  let policy: IRetryPolicy | null = null;
  let now = Date.parse('2026-11-26T10:00:00Z');
  const feed = new FloorFeed({
    center: 'c1',
    connect: (p) => {
      policy = p;
      return hub;
    },
    dispatch: (f) => (state = f(state)),
    now: () => now,
    ...(over.onUnauthorized ? { onUnauthorized: over.onUnauthorized } : {}),
  });
  return {
    hub,
    feed,
    get state() {
      return state;
    },
    get policy() {
      return policy!;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('FloorFeed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects, joins the center and folds the snapshot and deltas', async () => {
    const t = setup();
    t.feed.start();
    expect(t.state.connection).toBe('connecting');
    await flush();
    expect(t.state.connection).toBe('connected');
    expect(t.hub.invocations).toEqual([{ method: 'JoinCenter', args: ['c1'] }]);
    expect(t.state.phase).toBe('joining');
    t.hub.emit('delta', delta(11)); // before the snapshot: buffered
    t.hub.emit('snapshot', snapshot({ seq: 10 }));
    expect(t.state.phase).toBe('live');
    expect(t.state.seq).toBe(11);
    t.hub.emit('delta', delta(12));
    expect(t.state.seq).toBe(12);
  });

  it('joins again on a gap in seq, once, and takes the fresh snapshot', async () => {
    const t = setup();
    t.feed.start();
    await flush();
    t.hub.emit('snapshot', snapshot({ seq: 10 }));
    t.hub.emit('delta', delta(12));
    expect(t.state.phase).toBe('resyncing');
    expect(t.hub.joins()).toBe(2);
    t.hub.emit('delta', delta(13)); // still resyncing: buffered, no third join
    expect(t.hub.joins()).toBe(2);
    t.hub.emit('snapshot', snapshot({ seq: 12 }));
    expect(t.state.phase).toBe('live');
    expect(t.state.seq).toBe(13);
  });

  it('marks reconnecting, then joins again after the automatic reconnect (a server restart too)', async () => {
    const t = setup();
    t.feed.start();
    await flush();
    t.hub.emit('snapshot', snapshot({ seq: 500 }));
    t.advance(1000);
    for (const cb of t.hub.reconnecting) cb(new Error('socket closed'));
    expect(t.state.connection).toBe('reconnecting');
    expect(t.state.connectionLostAt).not.toBeNull();
    for (const cb of t.hub.reconnected) cb('new-id');
    await flush();
    expect(t.state.connection).toBe('connected');
    expect(t.hub.joins()).toBe(2);
    // the restarted server counts from 1 again
    t.hub.emit('snapshot', snapshot({ seq: 1 }));
    expect(t.state.seq).toBe(1);
    expect(t.state.connectionLostAt).toBeNull();
    t.hub.emit('delta', delta(2));
    expect(t.state.seq).toBe(2);
  });

  it('retries forever: 0, 1, 2, 5, 10 s, then every 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map(retryDelay)).toEqual([0, 1000, 2000, 5000, 10000, 10000, 10000, 10000]);
    const t = setup();
    t.feed.start();
    const ctx = (n: number) => ({ previousRetryCount: n, elapsedMilliseconds: n * 1000, retryReason: new Error('x') });
    expect(t.policy.nextRetryDelayInMilliseconds(ctx(0))).toBe(0);
    expect(t.policy.nextRetryDelayInMilliseconds(ctx(1000))).toBe(10000);
  });

  it('starts again on a timer when the connection closes for good', async () => {
    const t = setup();
    t.feed.start();
    await flush();
    expect(t.hub.starts).toBe(1);
    t.hub.state = HubConnectionState.Disconnected;
    for (const cb of t.hub.closed) cb(new Error('gave up'));
    expect(t.state.connection).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(9999);
    expect(t.hub.starts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await flush();
    expect(t.hub.starts).toBe(2);
    expect(t.state.connection).toBe('connected');
    expect(t.hub.joins()).toBe(2);
  });

  it('keeps trying when the first start fails (server down)', async () => {
    const t = setup();
    t.hub.startResults = [
      () => Promise.reject(new Error('Failed to fetch')),
      () => Promise.reject(new Error('Failed to fetch')),
    ];
    t.feed.start();
    await flush();
    expect(t.hub.starts).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    await flush();
    expect(t.hub.starts).toBe(2);
    expect(t.state.connection).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(t.hub.starts).toBe(3);
    expect(t.state.connection).toBe('connected');
    expect(t.hub.joins()).toBe(1);
  });

  it('a 401 at start or on reconnect goes to sign-in instead of retrying', async () => {
    const onUnauthorized = vi.fn();
    const t = setup({ onUnauthorized });
    t.hub.startResults = [() => Promise.reject(new HttpError('Unauthorized', 401))];
    t.feed.start();
    await flush();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60000);
    expect(t.hub.starts).toBe(1);
    const ctx = { previousRetryCount: 3, elapsedMilliseconds: 0, retryReason: new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'") };
    expect(t.policy.nextRetryDelayInMilliseconds(ctx)).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it('a refused JoinCenter shows "not allowed"', async () => {
    const t = setup();
    t.hub.invokeResult = (m) =>
      m === 'JoinCenter'
        ? Promise.reject(new Error("An unexpected error occurred invoking 'JoinCenter' on the server. HubException: not allowed"))
        : Promise.resolve(undefined);
    t.feed.start();
    await flush();
    expect(t.state.notAllowed).toBe(true);
  });

  it('stop leaves the center and stops; nothing restarts after', async () => {
    const t = setup();
    t.feed.start();
    await flush();
    await t.feed.stop();
    expect(t.hub.invocations.map((i) => i.method)).toEqual(['JoinCenter', 'LeaveCenter']);
    await vi.advanceTimersByTimeAsync(60000);
    expect(t.hub.starts).toBe(1);
  });
});

describe('error classification', () => {
  it('tells a 401 and a refusal apart from other errors', () => {
    expect(isUnauthorized(new HttpError('Unauthorized', 401))).toBe(true);
    expect(isUnauthorized(new HttpError('Server error', 500))).toBe(false);
    expect(isUnauthorized(new Error('WebSocket failed to connect'))).toBe(false);
    expect(isRefusal(new Error("An unexpected error occurred invoking 'JoinCenter' on the server. HubException: Forbidden"))).toBe(true);
    expect(isRefusal(new Error("An unexpected error occurred invoking 'JoinCenter' on the server."))).toBe(false);
  });
});
