// The supervisor's agent list, filtered and sorted, kept up to date by the agents a delta changed:
// each changed agent leaves its place and comes back in by binary search, O(k log n) comparisons
// and one copy of the list, where filtering and sorting all n agents again was the largest part of
// the grid's work per delta. The order is exactly filterAndSort's: by sort value (missing last),
// then by id in collation order, then in the floor's own order (the Map's), in which the stable
// full sort leaves agents whose ids collate equal. A change of filter, sort key or direction, an
// agent new to the floor, or changes not known sort in full again.

import type { AgentView } from '../../lib/api/types';
import { editSorted, lowerBound } from '../../lib/sorted/editSorted';
import {
  agentMatcher,
  collationRanks,
  collator,
  filterAndSort,
  sortValue,
  type AgentFilter,
  type SortDir,
  type SortKey,
  type SortValue,
} from './agentGrid';

interface Entry<T> {
  readonly agent: T;
  readonly value: SortValue;
  /** the value's rank in the ranking of the last full sort; -1 when it was not there (the collator decides) */
  readonly rank: number;
  readonly idRank: number;
  /** the agent's place in the floor's Map at the last full sort */
  readonly seq: number;
}

/** What the last full sort fixed: how an agent becomes an entry. */
interface Ranking {
  readonly matches: (a: AgentView) => boolean;
  readonly sign: 1 | -1;
  readonly idRanks: ReadonlyMap<string, number>;
  readonly valueRanks: ReadonlyMap<string, number> | null;
  readonly seqOf: ReadonlyMap<string, number>;
}

export interface SortedAgents<T extends AgentView> {
  /** the floor the list was made from */
  readonly agents: ReadonlyMap<string, T>;
  readonly filter: AgentFilter;
  readonly key: SortKey;
  readonly dir: SortDir;
  /** the agents that pass the filter, in order: a new array whenever an agent in it changes */
  readonly rows: readonly T[];
  /** their ids: the same array while the order is the same */
  readonly ids: readonly string[];
  readonly entries: readonly Entry<T>[];
  readonly ranking: Ranking;
}

function entryOf<T extends AgentView>(agent: T, key: SortKey, r: Ranking, idRank: number, seq: number): Entry<T> {
  const value = sortValue(agent, key);
  const rank = typeof value === 'string' ? (r.valueRanks?.get(value) ?? -1) : -1;
  return { agent, value, rank, idRank, seq };
}

/** compareAgents' order on entries, with the floor's order as the last tie-break. */
function compareEntries<T extends AgentView>(a: Entry<T>, b: Entry<T>, sign: 1 | -1): number {
  const x = a.value;
  const y = b.value;
  if (x === null || y === null) {
    if (x !== y) return x === null ? 1 : -1;
  } else if (x !== y) {
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : a.rank >= 0 && b.rank >= 0
          ? a.rank - b.rank
          : collator.compare(String(x), String(y));
    if (c !== 0) return sign * c;
  }
  return a.idRank - b.idRank || a.seq - b.seq;
}

function sameFilter(a: AgentFilter, b: AgentFilter): boolean {
  return a === b || (a.state === b.state && a.queue === b.queue && a.reason === b.reason && a.text === b.text);
}

/** Filters and sorts the whole floor (filterAndSort), keeping what the next update needs. */
export function sortAgents<T extends AgentView>(agents: ReadonlyMap<string, T>, filter: AgentFilter, key: SortKey, dir: SortDir): SortedAgents<T> {
  const all = Array.from(agents.values());
  // every agent's id and value ranked, not just those shown: one that comes into the filter has its rank
  const idRanks = collationRanks('id', all.map((a) => a.id));
  const values = all.map((a) => sortValue(a, key));
  const strings = values.filter((v): v is string => typeof v === 'string');
  const ranking: Ranking = {
    matches: agentMatcher(filter),
    sign: dir === 'asc' ? 1 : -1,
    idRanks,
    valueRanks: strings.length > 0 ? collationRanks(key, strings) : null,
    seqOf: new Map(all.map((a, i) => [a.id, i])),
  };
  const rows = filterAndSort(all, filter, key, dir);
  const entries = rows.map((a) => entryOf(a, key, ranking, idRanks.get(a.id)!, ranking.seqOf.get(a.id)!));
  return { agents, filter, key, dir, rows, ids: rows.map((a) => a.id), entries, ranking };
}

/**
 * The list for `agents`, from the list made for an earlier floor and the ids of the agents set
 * since (`changed`, null when not known: then, and after a change of filter or sort, in full).
 */
export function updateSortedAgents<T extends AgentView>(
  prev: SortedAgents<T> | null,
  agents: ReadonlyMap<string, T>,
  filter: AgentFilter,
  key: SortKey,
  dir: SortDir,
  changed: readonly string[] | null,
): SortedAgents<T> {
  if (!prev || changed === null || !sameFilter(prev.filter, filter) || prev.key !== key || prev.dir !== dir) {
    return sortAgents(agents, filter, key, dir);
  }
  const r = prev.ranking;
  const { entries } = prev;
  const cmp = (a: Entry<T>, b: Entry<T>) => compareEntries(a, b, r.sign);
  const removed: number[] = [];
  const added: Entry<T>[] = [];
  // an agent whose sort value is the same keeps its slot (with the default sort by id, every agent)
  const replaced: [number, Entry<T>][] = [];
  for (const id of changed) {
    const before: T | undefined = prev.agents.get(id);
    const after = agents.get(id);
    if (before === after) continue;
    const idRank = r.idRanks.get(id);
    const seq = r.seqOf.get(id);
    // an agent new to the floor: its place among ids that collate alike is the Map's, known only in full
    if (idRank === undefined || seq === undefined) return sortAgents(agents, filter, key, dir);
    const next = after && r.matches(after) ? entryOf(after, key, r, idRank, seq) : null;
    if (before && r.matches(before)) {
      const old: Entry<T> = entryOf(before, key, r, idRank, seq);
      const at = lowerBound(entries, old, cmp);
      // not where the order puts it: the list does not belong to that floor
      if (entries[at]?.agent !== before) return sortAgents(agents, filter, key, dir);
      if (next && cmp(old, next) === 0) {
        replaced.push([at, next]);
        continue;
      }
      removed.push(at);
    }
    if (next) added.push(next);
  }
  if (removed.length === 0 && added.length === 0 && replaced.length === 0) return { ...prev, agents };
  // the replaced first: each new entry compares as its old one did, so the places below hold
  const base = replaced.length > 0 ? entries.slice() : entries;
  for (const [at, e] of replaced) (base as Entry<T>[])[at] = e;
  removed.sort((a, b) => a - b);
  added.sort(cmp);
  const places = added.map((e) => lowerBound(base, e, cmp));
  const out = removed.length === 0 && added.length === 0 ? (base as Entry<T>[]) : editSorted(base, removed, added, places);
  const rows = out.map((e) => e.agent);
  return { ...prev, agents, rows, ids: sameSlots(base, removed, added, places) ? prev.ids : rows.map((a) => a.id), entries: out };
}

/**
 * True when every added entry took the very slot its agent left (sorted both ways, each added one
 * lands right before or right after its old self), so the ids are in the same order as before.
 */
function sameSlots<T extends AgentView>(entries: readonly Entry<T>[], removed: readonly number[], added: readonly Entry<T>[], places: readonly number[]): boolean {
  if (removed.length !== added.length) return false;
  for (let i = 0; i < added.length; i++) {
    const at = removed[i]!;
    if (entries[at]!.agent.id !== added[i]!.agent.id) return false;
    if (places[i] !== at && places[i] !== at + 1) return false;
  }
  return true;
}
