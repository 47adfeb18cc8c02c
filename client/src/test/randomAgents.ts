// Seeded random agents for property tests: a failure names its seed and replays exactly.

import { AGENT_STATES, type AgentView } from '../lib/api/types';
import { agent } from './fixtures';

export type Random = () => number;

/** A small linear congruential generator: numbers in [0, 1). */
export function rng(seed: number): Random {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

export function pick<T>(r: Random, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/**
 * An agent whose every sort value is drawn from a few, so ties are common: names and reasons that
 * collate alike (Zoe / zoe, Lunch / lunch), natural numbers (x9 < x10), missing values.
 */
export function randomAgent(r: Random, id: string): AgentView {
  const maybe = <T,>(v: T): T | null => (r() < 0.2 ? null : v);
  const state = pick(r, AGENT_STATES);
  return agent(id, {
    name: maybe(pick(r, ['Zoe', 'zoe', 'ana', 'Ana', 'Bob', 'Émile', 'emile', 'x10', 'x9'])),
    state,
    reason: maybe(pick(r, ['lunch', 'break', 'Lunch', 'training'])),
    since: maybe(new Date(Date.UTC(2026, 10, 26, 9, Math.floor(r() * 60), Math.floor(r() * 3))).toISOString()),
    seat: maybe(`S${Math.floor(r() * 30)}`),
    call: maybe(`C${Math.floor(r() * 12)}`),
    queue: maybe(pick(r, ['sales', 'billing', 'vip'])),
    queues: pick(r, [['sales'], ['billing', 'vip'], [], ['vip', 'vip']]),
    handled: Math.floor(r() * 5),
    ahtSeconds: maybe(Math.floor(r() * 4) * 60),
    alerts: Array.from({ length: Math.floor(r() * 3) }, () => ({})) as AgentView['alerts'],
  });
}

/** Ids of a floor: natural numbers, and pairs that collate alike (a7 / A7) as distinct agents. */
export function randomIds(r: Random, n: number): string[] {
  const ids = new Set<string>();
  while (ids.size < n) ids.add(pick(r, [`a${ids.size}`, `A${ids.size}`, `a${Math.floor(r() * n)}`, `A${Math.floor(r() * n)}`, `b-${Math.floor(r() * 3 * n)}`, `${ids.size}`]));
  return [...ids];
}
