import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandTracker, FALLBACK_AFTER_MS, POLL_EVERY_MS } from './commandTracker';
import { applyCommandResult, initialCommands, type CommandsState } from '../store/commands';
import { command } from '../../test/fixtures';
import type { Command } from '../api/types';

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setup(reads: () => Command) {
  let state: CommandsState = initialCommands();
  const read = vi.fn((_center: string, _id: string) => Promise.resolve(reads()));
  const send = vi.fn(() => Promise.resolve('k1'));
  const tracker = new CommandTracker({
    center: 'c1',
    send,
    read,
    dispatch: (f) => (state = f(state)),
    getState: () => state,
  });
  return {
    tracker,
    read,
    send,
    hub: (cmd: Command) => (state = applyCommandResult(state, cmd, Date.now(), 'hub')),
    get state() {
      return state;
    },
  };
}

describe('CommandTracker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the command after 12 s without a hub message, then every 5 s until it is final', async () => {
    let answer = command('k1', { state: 'pending' });
    const t = setup(() => answer);
    expect(await t.tracker.send({ command: 'agent.forceReady', agent: 'A01' })).toBe('k1');
    expect(t.send).toHaveBeenCalledWith('c1', { command: 'agent.forceReady', agent: 'A01' });
    await vi.advanceTimersByTimeAsync(FALLBACK_AFTER_MS - 1);
    expect(t.read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(t.read).toHaveBeenCalledWith('c1', 'k1');
    answer = command('k1', { state: 'failed', outcome: 'no effect within 10 s' });
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(t.read).toHaveBeenCalledTimes(2);
    expect(t.state.byId['k1']).toMatchObject({ state: 'failed', outcome: 'no effect within 10 s' });
    await vi.advanceTimersByTimeAsync(60000);
    expect(t.read).toHaveBeenCalledTimes(2);
  });

  it('does not poll a command the hub has finished', async () => {
    const t = setup(() => command('k1', { state: 'pending' }));
    await t.tracker.send({ command: 'agent.forceReady', agent: 'A01' });
    await vi.advanceTimersByTimeAsync(3000);
    t.hub(command('k1', { state: 'done' }));
    await vi.advanceTimersByTimeAsync(60000);
    expect(t.read).not.toHaveBeenCalled();
  });

  it('a hub message that it is still pending gives the hub 12 s more', async () => {
    const t = setup(() => command('k1', { state: 'pending' }));
    await t.tracker.send({ command: 'agent.forceLogout', agent: 'A01' });
    await vi.advanceTimersByTimeAsync(10000);
    t.hub(command('k1', { state: 'pending', outcome: 'waits for the end of call C7' }));
    await vi.advanceTimersByTimeAsync(FALLBACK_AFTER_MS - 1);
    expect(t.read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(t.read).toHaveBeenCalledTimes(1);
  });

  it('a failed read is tried again; dispose stops everything', async () => {
    const t = setup(() => command('k1'));
    t.read.mockImplementation(() => Promise.reject(new Error('offline')));
    await t.tracker.send({ command: 'agent.forceReady', agent: 'A01' });
    await vi.advanceTimersByTimeAsync(FALLBACK_AFTER_MS + POLL_EVERY_MS);
    expect(t.read).toHaveBeenCalledTimes(2);
    t.tracker.dispose();
    await vi.advanceTimersByTimeAsync(60000);
    await flush();
    expect(t.read).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
