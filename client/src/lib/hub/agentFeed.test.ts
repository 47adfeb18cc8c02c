import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubConnectionState } from '@microsoft/signalr';
import { AgentFeed } from './agentFeed';
import { initialAgentDesk, type AgentDeskState } from '../store/agentDesk';
import type { Command } from '../api/types';
import { FakeHub, flush } from '../../test/fakeHub';
import { agentSelf, breakRequest, command, T0, T0_MS } from '../../test/fixtures';

function setup() {
  let state: AgentDeskState = initialAgentDesk();
  const hub = new FakeHub();
  const results: Command[] = [];
  const feed = new AgentFeed({
    center: 'c1',
    connect: () => hub,
    dispatch: (f) => (state = f(state)),
    onCommandResult: (c) => results.push(c),
    now: () => T0_MS,
  });
  return {
    hub,
    feed,
    results,
    get state() {
      return state;
    },
  };
}

describe('AgentFeed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('joins as the agent and folds agentSelf, messages, notices and break requests', async () => {
    const t = setup();
    t.feed.start();
    await flush();
    expect(t.hub.invocations).toEqual([{ method: 'JoinAgent', args: ['c1'] }]);
    expect(t.state.connection).toBe('connected');
    expect(t.state.phase).toBe('joining');
    t.hub.emit('agentSelf', agentSelf());
    expect(t.state.phase).toBe('live');
    expect(t.state.lastUpdateAt).toBe(T0_MS);
    t.hub.emit('message', { at: T0, from: 'sup', text: 'call me' });
    t.hub.emit('notice', { kind: 'notready.overtime', detail: 'd', at: T0, limitSeconds: 300, since: T0 });
    t.hub.emit('breakRequest', breakRequest('b1', { state: 'approved' }));
    t.hub.emit('commandResult', command('b1', { command: 'break.request', state: 'done' }));
    expect(t.state.self?.messages.map((m) => m.text)).toEqual(['call me']);
    expect(t.state.self?.notice?.limitSeconds).toBe(300);
    expect(t.state.self?.breaks.map((b) => b.state)).toEqual(['approved']);
    expect(t.results.map((c) => c.id)).toEqual(['b1']);
  });

  it('joins again after a reconnect and is stale until the next agentSelf', async () => {
    const t = setup();
    t.feed.start();
    await flush();
    t.hub.emit('agentSelf', agentSelf());
    for (const cb of t.hub.reconnecting) cb(new Error('socket closed'));
    expect(t.state.connection).toBe('reconnecting');
    for (const cb of t.hub.reconnected) cb('id2');
    await flush();
    expect(t.hub.invocations.filter((i) => i.method === 'JoinAgent')).toHaveLength(2);
    expect(t.state.connectionLostAt).not.toBeNull();
    t.hub.emit('agentSelf', agentSelf());
    expect(t.state.connectionLostAt).toBeNull();
  });

  it('a refused JoinAgent (not an agent, or not this center) shows not allowed', async () => {
    const t = setup();
    t.hub.invokeResult = () => Promise.reject(new Error("HubException: not allowed"));
    t.feed.start();
    await flush();
    expect(t.state.notAllowed).toBe(true);
  });

  it('starts again on a timer when the connection closes for good, and not after stop', async () => {
    const t = setup();
    t.feed.start();
    await flush();
    t.hub.state = HubConnectionState.Disconnected;
    for (const cb of t.hub.closed) cb(new Error('gave up'));
    expect(t.state.connection).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(10000);
    expect(t.hub.invocations.filter((i) => i.method === 'JoinAgent')).toHaveLength(2);
    await t.feed.stop();
    for (const cb of t.hub.closed) cb(new Error('gave up'));
    await vi.advanceTimersByTimeAsync(20000);
    expect(t.hub.invocations.filter((i) => i.method === 'JoinAgent')).toHaveLength(2);
  });
});
