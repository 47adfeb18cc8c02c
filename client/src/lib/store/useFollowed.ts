import { useMemo, useRef } from 'react';
import { changedKeys } from './mapChanges';

/**
 * A view of one of the store's Maps (the agents, the alerts), carried from the last view by the
 * keys set or deleted since (the store notes them: mapChanges), rather than made again from every
 * entry on every delta. `follow` gets the last view (null at first) and those keys (null when not
 * known: it then makes the view in full); `deps` are what else the view depends on.
 */
export function useFollowed<V>(
  map: ReadonlyMap<string, unknown>,
  mapOf: (view: V) => ReadonlyMap<string, unknown>,
  follow: (prev: V | null, changed: readonly string[] | null) => V,
  deps: readonly unknown[],
): V {
  const last = useRef<V | null>(null);
  const view = useMemo(() => {
    const prev = last.current;
    return follow(prev, prev ? changedKeys(mapOf(prev), map) : null);
    // `follow` and `mapOf` are new functions on every render; what they use is `map` and `deps`
  }, [map, ...deps]);
  last.current = view;
  return view;
}
