import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTER,
  collationRanks,
  compareAgents,
  filterAndSort,
  matchesFilter,
  nextSort,
  type AgentFilter,
  type SortKey,
} from './agentGrid';
import { AGENT_STATES, type AgentView } from '../../lib/api/types';
import { agent } from '../../test/fixtures';
import { rng } from '../../test/randomAgents';

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

describe('agent grid sort, fast path', () => {
  function randomFloor(seed: number, n: number): AgentView[] {
    const r = rng(seed);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const maybe = <T,>(v: T): T | null => (r() < 0.2 ? null : v);
    return Array.from({ length: n }, (_, i) =>
      agent(
        // ids that collate equal (a7 / A7), natural numbers (a2 < a10) and repeats of the same value
        pick([`a${i}`, `A${i}`, `a${i % 7}`, `b-${(i * 37) % 101}`, `${i}`]),
        {
          name: maybe(pick(['Zoe', 'zoe', 'ana', 'Ana', 'Bob', 'Émile', 'emile', 'x10', 'x9'])),
          state: pick(AGENT_STATES),
          reason: maybe(pick(['lunch', 'break', 'Lunch', 'training'])),
          since: maybe(new Date(Date.UTC(2026, 10, 26, 9, Math.floor(r() * 60), Math.floor(r() * 3)) ).toISOString()),
          seat: maybe(`S${Math.floor(r() * 30)}`),
          call: maybe(`C${Math.floor(r() * 12)}`),
          queue: maybe(pick(['sales', 'billing', 'vip'])),
          queues: r() < 0.5 ? ['sales'] : ['billing', 'vip'],
          handled: Math.floor(r() * 5),
          ahtSeconds: maybe(Math.floor(r() * 4) * 60),
          alerts: Array.from({ length: Math.floor(r() * 3) }, () => ({})) as AgentView['alerts'],
        },
      ),
    );
  }
  const KEYS: SortKey[] = ['id', 'name', 'state', 'reason', 'timeInState', 'seat', 'call', 'queue', 'handled', 'aht', 'alerts'];
  const FILTERS: AgentFilter[] = [
    DEFAULT_FILTER,
    { ...DEFAULT_FILTER, state: 'all' },
    { ...DEFAULT_FILTER, state: 'notready', reason: 'lunch' },
    { ...DEFAULT_FILTER, queue: 'vip' },
    { ...DEFAULT_FILTER, state: 'all', text: ' A1 ' },
  ];

  it('gives exactly the order of compareAgents (a stable sort), ties and missing values included', () => {
    for (const seed of [1, 2, 3, 42]) {
      const floor = randomFloor(seed, 400);
      for (const f of FILTERS) {
        for (const key of KEYS) {
          for (const dir of ['asc', 'desc'] as const) {
            const expected = floor.filter((a) => matchesFilter(a, f)).sort(compareAgents(key, dir));
            const got = filterAndSort(floor, f, key, dir);
            // the same objects in the same places, not just the same ids (ids repeat here)
            expect(got.length, `${seed} ${key} ${dir}`).toBe(expected.length);
            expect(got.every((a, i) => a === expected[i]), `${seed} ${key} ${dir} ${JSON.stringify(f)}`).toBe(true);
          }
        }
      }
    }
  });

  it('keeps the order right when agents come and go between calls (the ranks are rebuilt)', () => {
    const first = randomFloor(5, 200);
    expect(filterAndSort(first, DEFAULT_FILTER, 'id', 'asc').map((a) => a.id)).toEqual(
      first.filter((a) => matchesFilter(a, DEFAULT_FILTER)).sort(compareAgents('id', 'asc')).map((a) => a.id),
    );
    const next = [...first.slice(50), agent('a0000'), agent('zz'), agent('A3')];
    expect(filterAndSort(next, DEFAULT_FILTER, 'id', 'asc').map((a) => a.id)).toEqual(
      next.filter((a) => matchesFilter(a, DEFAULT_FILTER)).sort(compareAgents('id', 'asc')).map((a) => a.id),
    );
  });

  it('ranks strings in collation order, equal ones alike, and reuses a ranking that covers the values', () => {
    const ranks = collationRanks('test-kind', ['b10', 'B2', 'b2', 'a']);
    expect([...ranks.entries()].sort((x, y) => x[1] - y[1])).toEqual([
      ['a', 0],
      ['B2', 1],
      ['b2', 1],
      ['b10', 2],
    ]);
    expect(collationRanks('test-kind', ['b2', 'a'])).toBe(ranks);
    const more = collationRanks('test-kind', ['b2', 'c']);
    expect(more).not.toBe(ranks);
    expect(more.get('b2')! < more.get('c')!).toBe(true);
  });
});
