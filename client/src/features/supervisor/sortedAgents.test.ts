import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../lib/api/types';
import { applyDelta, applySnapshot, initialFloor, type FloorState, type Stamped } from '../../lib/store/floor';
import { changedKeys } from '../../lib/store/mapChanges';
import { delta, snapshot } from '../../test/fixtures';
import { pick, randomAgent, randomIds, rng, type Random } from '../../test/randomAgents';
import { DEFAULT_FILTER, filterAndSort, type AgentFilter, type SortDir, type SortKey } from './agentGrid';
import { sortAgents, updateSortedAgents, type SortedAgents } from './sortedAgents';

type Floor = ReadonlyMap<string, Stamped<AgentView>>;
type Sorted = SortedAgents<Stamped<AgentView>>;

const KEYS: SortKey[] = ['id', 'name', 'state', 'reason', 'timeInState', 'seat', 'call', 'queue', 'handled', 'aht', 'alerts'];
const FILTERS: AgentFilter[] = [
  DEFAULT_FILTER,
  { ...DEFAULT_FILTER, state: 'all' },
  { ...DEFAULT_FILTER, state: 'notready' },
  { ...DEFAULT_FILTER, state: 'notready', reason: 'lunch' },
  { ...DEFAULT_FILTER, queue: 'vip' },
  { ...DEFAULT_FILTER, state: 'all', text: 'a1' },
  { ...DEFAULT_FILTER, text: 'zoe' },
];

/** A floor in the store, as the hub leaves it: a snapshot, then deltas folded one by one. */
function floorOf(r: Random, n: number): FloorState {
  const agents = randomIds(r, n).map((id) => randomAgent(r, id));
  return applySnapshot(initialFloor('c1'), snapshot({ agents, seq: 1 }), 0);
}

/** A delta that sets `k` agents: mostly new values for known ids, now and then an agent new to the floor. */
function randomDelta(r: Random, s: FloorState, k: number, newShare = 0.01): FloorState {
  const ids = [...s.agents.keys()];
  const agents: AgentView[] = [];
  for (let i = 0; i < k; i++) {
    const id = r() < newShare ? `new-${s.seq}-${i}` : pick(r, ids);
    const old = s.agents.get(id);
    // a small change (one field) keeps most agents in place; a whole new agent moves it anywhere
    agents.push(old && r() < 0.5 ? { ...old, handled: (old.handled ?? 0) + 1 } : randomAgent(r, id));
  }
  return applyDelta(s, delta(s.seq! + 1, { agents }), 0);
}

function expectSameAsFullSort(got: Sorted, agents: Floor, f: AgentFilter, key: SortKey, dir: SortDir, what: string): void {
  const expected = filterAndSort(agents.values(), f, key, dir);
  expect(got.rows.length, what).toBe(expected.length);
  // the same objects in the same places, ties included
  const firstDiff = got.rows.findIndex((a, i) => a !== expected[i]);
  expect(firstDiff, `${what}: first difference at`).toBe(-1);
  expect(got.ids, what).toEqual(expected.map((a) => a.id));
}

describe('the agent list kept by the agents each delta changes', () => {
  it('equals a full filter and sort after random deltas, filter and sort changes (many seeds)', () => {
    let incremental = 0;
    let keptOrder = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      let s = floorOf(r, 30 + Math.floor(r() * 300));
      let f = pick(r, FILTERS);
      let key = pick(r, KEYS);
      let dir: SortDir = r() < 0.5 ? 'asc' : 'desc';
      let view: Sorted = sortAgents(s.agents, f, key, dir);
      expectSameAsFullSort(view, s.agents, f, key, dir, `seed ${seed} start`);
      for (let step = 0; step < 60; step++) {
        const what = `seed ${seed} step ${step}`;
        const roll = r();
        if (roll < 0.08) f = pick(r, FILTERS);
        else if (roll < 0.16) key = pick(r, KEYS);
        else if (roll < 0.2) dir = dir === 'asc' ? 'desc' : 'asc';
        else {
          // one delta or several folded before the view catches up (a frame that folds a burst)
          for (let d = 1 + Math.floor(r() * 3); d > 0; d--) s = randomDelta(r, s, 1 + Math.floor(r() * 12));
        }
        const prev = view;
        view = updateSortedAgents(prev, s.agents, f, key, dir, changedKeys(prev.agents, s.agents));
        expectSameAsFullSort(view, s.agents, f, key, dir, what);
        if (view.ranking === prev.ranking) incremental++;
        if (view.ids === prev.ids) {
          keptOrder++;
          expect(prev.ids, `${what}: kept ids`).toEqual(view.rows.map((a) => a.id));
        }
      }
    }
    // most steps were deltas under the same filter and sort, taken without a full sort
    expect(incremental).toBeGreaterThan(1000);
    expect(keptOrder).toBeGreaterThan(100);
  });

  it('sorts in full when the changes are not known, and follows the floor by them when they are', () => {
    const r = rng(99);
    let s = floorOf(r, 50);
    const first = sortAgents(s.agents, DEFAULT_FILTER, 'name', 'asc');
    s = randomDelta(r, s, 5, 0);
    const unknown = updateSortedAgents(first, s.agents, DEFAULT_FILTER, 'name', 'asc', null);
    expect(unknown.ranking).not.toBe(first.ranking);
    const followed = updateSortedAgents(first, s.agents, DEFAULT_FILTER, 'name', 'asc', changedKeys(first.agents, s.agents));
    expect(followed.ranking).toBe(first.ranking);
    expect(followed.rows).toEqual(unknown.rows);
  });

  it('keeps the rows when the agents that changed are all outside the filter', () => {
    const r = rng(7);
    const s = floorOf(r, 40);
    const f: AgentFilter = { ...DEFAULT_FILTER, state: 'all', text: 'no such agent' };
    const view = sortAgents(s.agents, f, 'id', 'asc');
    const next = randomDelta(r, s, 10, 0);
    const after = updateSortedAgents(view, next.agents, f, 'id', 'asc', changedKeys(s.agents, next.agents));
    expect(after.rows).toBe(view.rows);
    expect(after.agents).toBe(next.agents);
  });

  it('a changed value moves the agent to its new place; an unchanged order keeps the ids', () => {
    let s = applySnapshot(
      initialFloor('c1'),
      snapshot({ seq: 1, agents: ['A1', 'A2', 'A3'].map((id, i) => ({ ...randomAgent(rng(i), id), state: 'available' as const, handled: i })) }),
      0,
    );
    const view = sortAgents(s.agents, DEFAULT_FILTER, 'handled', 'asc');
    expect(view.ids).toEqual(['A1', 'A2', 'A3']);
    s = applyDelta(s, delta(2, { agents: [{ ...s.agents.get('A1')!, handled: 9 }] }), 0);
    const moved = updateSortedAgents(view, s.agents, DEFAULT_FILTER, 'handled', 'asc', changedKeys(view.agents, s.agents));
    expect(moved.ids).toEqual(['A2', 'A3', 'A1']);
    s = applyDelta(s, delta(3, { agents: [{ ...s.agents.get('A3')!, name: 'someone else' }] }), 0);
    const same = updateSortedAgents(moved, s.agents, DEFAULT_FILTER, 'handled', 'asc', changedKeys(moved.agents, s.agents));
    expect(same.ids).toBe(moved.ids);
    expect(same.rows).not.toBe(moved.rows);
    expect(same.rows[1]).toBe(s.agents.get('A3'));
  });
});
