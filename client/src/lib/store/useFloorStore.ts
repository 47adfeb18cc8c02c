import { create } from 'zustand';
import { initialFloor, type FloorState } from './floor';

export interface FloorStore {
  floor: FloorState;
  /** Applies one pure transition; a transition that returns the same state changes nothing. */
  dispatch: (transition: (s: FloorState) => FloorState) => FloorState;
}

/** The one store, fed by the hub (src/lib/hub) and read by every page. */
export const useFloorStore = create<FloorStore>()((set, get) => ({
  floor: initialFloor(),
  dispatch: (transition) => {
    const before = get().floor;
    const after = transition(before);
    if (after !== before) set({ floor: after });
    return after;
  },
}));

export function useFloor<T>(selector: (s: FloorState) => T): T {
  return useFloorStore((st) => selector(st.floor));
}
