// Which keys a copied Map set or deleted, remembered beside the copy, so a view derived from an
// older copy (the supervisor's sorted agents, the open alerts) follows a newer one by the k keys a
// delta changed rather than by walking all n entries. Nothing is kept in the state itself: the note lives in a WeakMap
// keyed by the Map, and goes with it.

interface Step {
  /** keys set (replaced or added) or deleted in this copy, relative to the Map it was copied from */
  readonly keys: readonly string[];
  /** the note of the Map this one was copied from; null where the line starts or was cut */
  from: Step | null;
  /** steps behind this one, until the line is cut */
  depth: number;
}

/** Steps kept behind the newest Map, at least: a view further behind than this may recompute in full. */
export const MAX_STEPS = 64;

const notes = new WeakMap<ReadonlyMap<string, unknown>, Step>();

/** `to` is a copy of `from` with `keys` set or deleted (and no other change). */
export function noteCopy(from: ReadonlyMap<string, unknown>, to: ReadonlyMap<string, unknown>, keys: readonly string[]): void {
  let before = notes.get(from);
  if (!before) {
    // a Map that came from nowhere (a snapshot) starts a line
    before = { keys: [], from: null, depth: 0 };
    notes.set(from, before);
  }
  const step: Step = { keys, from: before, depth: before.depth + 1 };
  notes.set(to, step);
  // a long-lived floor keeps a bounded list of keys: once the line is twice as long as it need be,
  // it is cut MAX_STEPS back (so the walk is made once every MAX_STEPS copies)
  if (step.depth >= 2 * MAX_STEPS) {
    let last = step;
    for (let i = 0; i < MAX_STEPS && last.from; i++) last = last.from;
    last.from = null;
    step.depth = MAX_STEPS;
  }
}

/**
 * The keys set or deleted between `older` and `newer` (each once, in the order first touched), or null when
 * that is not known: `newer` was not copied from `older` by noted steps, or too many lie between.
 */
export function changedKeys(older: ReadonlyMap<string, unknown>, newer: ReadonlyMap<string, unknown>): string[] | null {
  if (older === newer) return [];
  const target = notes.get(older);
  if (!target) return null;
  const steps: Step[] = [];
  let step = notes.get(newer);
  while (step && step !== target) {
    steps.push(step);
    step = step.from ?? undefined;
  }
  if (step !== target) return null;
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    for (const k of steps[i]!.keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(k);
    }
  }
  return out;
}
