import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS, applyCommandResult, commandFields, commandList, commandSent, initialCommands } from './commands';
import { command, T0_MS } from '../../test/fixtures';

describe('commands', () => {
  it('a sent command is pending until the hub says otherwise, and counts as finished once', () => {
    let s = commandSent(initialCommands(), 'k1', { command: 'agent.forceReady', agent: 'A01' }, T0_MS);
    expect(s.byId['k1']).toMatchObject({ state: 'pending', heardAt: null, sentAt: T0_MS });
    s = applyCommandResult(s, command('k1', { command: 'agent.forceReady', state: 'pending' }), T0_MS + 100, 'hub');
    expect(s.byId['k1']).toMatchObject({ state: 'pending', heardAt: T0_MS + 100 });
    expect(s.finished).toBe(0);
    s = applyCommandResult(s, command('k1', { state: 'refused', outcome: 'agent A01 is not logged in' }), T0_MS + 300, 'hub');
    expect(s.byId['k1']).toMatchObject({ state: 'refused', outcome: 'agent A01 is not logged in' });
    expect(s.finished).toBe(1);
    // the same final state again (a poll) does not count twice
    s = applyCommandResult(s, command('k1', { state: 'refused', outcome: 'agent A01 is not logged in' }), T0_MS + 400, 'poll');
    expect(s.finished).toBe(1);
  });

  it('a late pending never takes back a final state', () => {
    let s = commandSent(initialCommands(), 'k1', { command: 'agent.forceReady', agent: 'A01' }, T0_MS);
    s = applyCommandResult(s, command('k1', { state: 'done', outcome: 'agent.ready seen' }), T0_MS + 1, 'hub');
    s = applyCommandResult(s, command('k1', { state: 'pending' }), T0_MS + 2, 'poll');
    expect(s.byId['k1']?.state).toBe('done');
    expect(s.byId['k1']?.outcome).toBe('agent.ready seen');
  });

  it('a result heard before the 202 was read keeps its state and gains the request', () => {
    let s = applyCommandResult(initialCommands(), command('k1', { state: 'done' }), T0_MS + 5, 'hub');
    expect(s.byId['k1']?.request).toBeNull();
    s = commandSent(s, 'k1', { command: 'agent.forceNotReady', agent: 'A01', reason: 'coaching' }, T0_MS + 10);
    expect(s.byId['k1']).toMatchObject({ state: 'done', sentAt: T0_MS + 5 });
    expect(s.byId['k1']?.request).toEqual({ command: 'agent.forceNotReady', agent: 'A01', reason: 'coaching' });
    expect(s.order).toEqual(['k1']);
  });

  it('lists newest first, by subject, and forgets the oldest beyond the limit', () => {
    let s = initialCommands();
    s = commandSent(s, 'a', { command: 'agent.forceReady', agent: 'A01' }, 1);
    s = commandSent(s, 'b', { command: 'call.monitor', call: 'C1', mode: 'listen' }, 2);
    s = applyCommandResult(s, command('c', { command: 'break.approve', agent: null, request: 'r9' }), 3, 'hub');
    expect(commandList(s).map((c) => c.id)).toEqual(['c', 'b', 'a']);
    expect(commandList(s, (c) => commandFields(c).agent === 'A01').map((c) => c.id)).toEqual(['a']);
    expect(commandFields(s.byId['b']!)).toMatchObject({ command: 'call.monitor', call: 'C1' });
    expect(commandFields(s.byId['c']!)).toMatchObject({ command: 'break.approve', request: 'r9' });
    for (let i = 0; i < MAX_COMMANDS; i++) s = commandSent(s, `n${i}`, { command: 'agent.forceReady', agent: 'A02' }, 10 + i);
    expect(s.order).toHaveLength(MAX_COMMANDS);
    expect(s.byId['a']).toBeUndefined();
    expect(Object.keys(s.byId)).toHaveLength(MAX_COMMANDS);
  });
});
