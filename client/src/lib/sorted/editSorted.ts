// Edits of a sorted list by binary search: a view kept sorted takes out the items that changed
// and puts their new versions in (O(k log n) comparisons and one copy), rather than sorting all n.

/** The first place in `list` whose item is not before `item`. */
export function lowerBound<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `list` without the items at `removed` (ascending places) and with `added` (in order) put in at
 * `places` (each its lowerBound in `list`, so ascending too): one pass.
 */
export function editSorted<T>(list: readonly T[], removed: readonly number[], added: readonly T[], places: readonly number[]): T[] {
  const out = new Array<T>(list.length - removed.length + added.length);
  let from = 0;
  let o = 0;
  let ri = 0;
  for (let ai = 0; ai <= added.length; ai++) {
    const until = ai < added.length ? places[ai]! : list.length;
    for (; from < until; from++) {
      if (ri < removed.length && removed[ri] === from) {
        ri++;
        continue;
      }
      out[o++] = list[from]!;
    }
    if (ai < added.length) out[o++] = added[ai]!;
  }
  return out;
}
