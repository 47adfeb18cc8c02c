// How many agents carry each value (a queue they belong to, the reason of one not ready), for the
// grid's filter lists, kept by the agents a delta changed rather than by walking the floor, and
// the sorted list of values changed only when a value comes or goes.

import type { AgentView } from '../../lib/api/types';
import { collator } from './agentGrid';

/** The values an agent counts for (each once). */
export type ValuesOf = (a: AgentView) => readonly string[];

export interface AgentTally<T extends AgentView> {
  readonly agents: ReadonlyMap<string, T>;
  readonly counts: ReadonlyMap<string, number>;
  /** the values with a count, in collation order: the same array while they are the same */
  readonly values: readonly string[];
}

/** The queues an agent belongs to. */
export const queuesOfAgent: ValuesOf = (a) => a.queues ?? [];

/** The reason of an agent not ready. */
export const reasonOfAgent: ValuesOf = (a) => (a.reason && a.state === 'notready' ? [a.reason] : []);

/** Collation order; values that collate alike (Lunch, lunch) in code-unit order, so the order never depends on history. */
export function compareValues(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function sorted(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.keys()].sort(compareValues);
}

/** The queues to choose from: those of the queue list and those agents belong to. */
export function queueChoices(known: readonly string[], tallied: readonly string[]): string[] {
  return [...new Set([...known, ...tallied])].sort(compareValues);
}

export function tallyAgents<T extends AgentView>(agents: ReadonlyMap<string, T>, valuesOf: ValuesOf): AgentTally<T> {
  const counts = new Map<string, number>();
  for (const a of agents.values()) for (const v of new Set(valuesOf(a))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return { agents, counts, values: sorted(counts) };
}

/** The tally of `agents` from that of an earlier floor and the ids set since (null: not known, counted in full). */
export function updateTally<T extends AgentView>(
  prev: AgentTally<T> | null,
  agents: ReadonlyMap<string, T>,
  valuesOf: ValuesOf,
  changed: readonly string[] | null,
): AgentTally<T> {
  if (!prev || changed === null) return tallyAgents(agents, valuesOf);
  let counts: Map<string, number> | null = null;
  let cameOrWent = false;
  for (const id of changed) {
    const before = prev.agents.get(id);
    const after = agents.get(id);
    if (before === after) continue;
    const was = before ? new Set(valuesOf(before)) : null;
    const is = after ? new Set(valuesOf(after)) : null;
    for (const v of was ?? []) {
      if (is?.has(v)) continue;
      counts ??= new Map(prev.counts);
      const n = (counts.get(v) ?? 0) - 1;
      if (n > 0) counts.set(v, n);
      else {
        counts.delete(v);
        cameOrWent = true;
      }
    }
    for (const v of is ?? []) {
      if (was?.has(v)) continue;
      counts ??= new Map(prev.counts);
      const n = (counts.get(v) ?? 0) + 1;
      counts.set(v, n);
      if (n === 1) cameOrWent = true;
    }
  }
  if (!counts) return { ...prev, agents };
  return { agents, counts, values: cameOrWent ? sorted(counts) : prev.values };
}
