import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, compareAgents, filterAndSort, matchesFilter, nextSort, queuesOf, reasonsOf } from './agentGrid';
import { agent } from '../../test/fixtures';

const floor = [
  agent('A10', { name: 'Zoe', state: 'notready', reason: 'away', since: '2026-11-26T09:50:00Z', seat: 'S10', queues: ['billing'], handled: 3 }),
  agent('A2', { name: 'ana', state: 'available', since: '2026-11-26T09:59:00Z', seat: 'S02', queues: ['billing', 'sales'], handled: 12 }),
  agent('A1', { name: 'Bob', state: 'oncall', since: '2026-11-26T09:58:00Z', seat: 'S01', queues: ['sales'], call: 'C1', queue: 'sales', handled: 7, ahtSeconds: 200 }),
  agent('A3', { name: null, state: 'loggedout', since: '2026-11-26T08:00:00Z', seat: null, queues: [], handled: 0 }),
  agent('A4', { name: 'Dee', state: 'notready', reason: 'lunch', since: '2026-11-26T09:30:00Z', seat: 'S04', queues: ['vip'], handled: 7, alerts: [{}, {}] }),
];

const ids = (xs: { id: string }[]) => xs.map((a) => a.id);

describe('agent grid filter', () => {
  it('by default shows everyone logged in', () => {
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'id', 'asc'))).toEqual(['A1', 'A2', 'A4', 'A10']);
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, state: 'all' }, 'id', 'asc'))).toEqual(['A1', 'A2', 'A3', 'A4', 'A10']);
  });
  it('by state, queue (membership or current call), reason and text', () => {
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, state: 'notready' }, 'id', 'asc'))).toEqual(['A4', 'A10']);
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, queue: 'sales' }, 'id', 'asc'))).toEqual(['A1', 'A2']);
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, reason: 'away' }, 'id', 'asc'))).toEqual(['A10']);
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, text: 'ANA' }, 'id', 'asc'))).toEqual(['A2']);
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, text: 's04' }, 'id', 'asc'))).toEqual(['A4']);
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, state: 'notready', queue: 'vip' }, 'id', 'asc'))).toEqual(['A4']);
    expect(matchesFilter(floor[0]!, { ...DEFAULT_FILTER, state: 'available' })).toBe(false);
  });
  it('lists the reasons and queues present', () => {
    expect(reasonsOf(floor)).toEqual(['away', 'lunch']);
    expect(queuesOf(floor, ['billing', 'overflow'])).toEqual(['billing', 'overflow', 'sales', 'vip']);
  });
});

describe('agent grid sort', () => {
  it('ids sort naturally (A2 before A10), both ways', () => {
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'id', 'asc'))).toEqual(['A1', 'A2', 'A4', 'A10']);
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'id', 'desc'))).toEqual(['A10', 'A4', 'A2', 'A1']);
  });
  it('time in state: descending puts the longest first', () => {
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'timeInState', 'desc'))).toEqual(['A4', 'A10', 'A1', 'A2']);
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'timeInState', 'asc'))).toEqual(['A2', 'A1', 'A10', 'A4']);
  });
  it('state in floor order, ties broken by id', () => {
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'state', 'asc'))).toEqual(['A2', 'A1', 'A4', 'A10']);
  });
  it('numbers, with ties by id', () => {
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'handled', 'desc'))).toEqual(['A2', 'A1', 'A4', 'A10']);
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'alerts', 'desc'))[0]).toBe('A4');
  });
  it('missing values go last whichever the direction', () => {
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'aht', 'asc'))).toEqual(['A1', 'A2', 'A4', 'A10']);
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'aht', 'desc'))).toEqual(['A1', 'A2', 'A4', 'A10']);
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'reason', 'asc'))).toEqual(['A10', 'A4', 'A1', 'A2']);
    expect(ids(filterAndSort(floor, DEFAULT_FILTER, 'reason', 'desc'))).toEqual(['A4', 'A10', 'A1', 'A2']);
    expect(ids(filterAndSort(floor, { ...DEFAULT_FILTER, state: 'all' }, 'name', 'asc'))).toEqual(['A2', 'A1', 'A4', 'A10', 'A3']);
  });
  it('is a consistent comparator', () => {
    const cmp = compareAgents('name', 'asc');
    expect(cmp(floor[1]!, floor[1]!)).toBe(0);
    expect(Math.sign(cmp(floor[1]!, floor[2]!))).toBe(-Math.sign(cmp(floor[2]!, floor[1]!)));
  });
  it('a click on the same column flips it; a new column starts in its natural direction', () => {
    expect(nextSort({ key: 'id', dir: 'asc' }, 'id')).toEqual({ key: 'id', dir: 'desc' });
    expect(nextSort({ key: 'id', dir: 'asc' }, 'timeInState')).toEqual({ key: 'timeInState', dir: 'desc' });
    expect(nextSort({ key: 'timeInState', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
  it('5,000 agents filter and sort without trouble', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      agent(`A${i}`, { state: i % 5 === 0 ? 'notready' : 'available', reason: i % 5 === 0 ? 'break' : null, since: new Date(Date.UTC(2026, 10, 26, 9, 0, i % 3600)).toISOString() }),
    );
    const rows = filterAndSort(many, { ...DEFAULT_FILTER, state: 'notready' }, 'timeInState', 'desc');
    expect(rows).toHaveLength(1000);
    expect(rows[0]!.id).toBe('A0');
  });
});
