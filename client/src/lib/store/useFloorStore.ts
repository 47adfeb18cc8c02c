import { create } from 'zustand';
import { initialFloor, type FloorState } from './floor';
import { initialCommands, type CommandsState } from './commands';
import { initialBreaks, type BreaksState } from './breaks';
import { initialAgentDesk, type AgentDeskState } from './agentDesk';

type Transition<T> = (s: T) => T;

export interface FloorStore {
  floor: FloorState;
  /** Applies one pure transition; a transition that returns the same state changes nothing. */
  dispatch: (transition: Transition<FloorState>) => FloorState;
  /** the commands this user sent, and their outcomes */
  commands: CommandsState;
  dispatchCommands: (transition: Transition<CommandsState>) => CommandsState;
  /** the center's break requests (the duty manager's approval queue) */
  breaks: BreaksState;
  dispatchBreaks: (transition: Transition<BreaksState>) => BreaksState;
  /** the agent's own view */
  agentDesk: AgentDeskState;
  dispatchAgentDesk: (transition: Transition<AgentDeskState>) => AgentDeskState;
}

type SliceKey = 'floor' | 'commands' | 'breaks' | 'agentDesk';

/** The one store, fed by the hub (src/lib/hub) and read by every page. */
export const useFloorStore = create<FloorStore>()((set, get) => {
  const dispatcher =
    <K extends SliceKey>(key: K) =>
    (transition: Transition<FloorStore[K]>): FloorStore[K] => {
      const before = get()[key];
      const after = transition(before);
      if (after !== before) set({ [key]: after } as Pick<FloorStore, K>);
      return after;
    };
  return {
    floor: initialFloor(),
    dispatch: dispatcher('floor'),
    commands: initialCommands(),
    dispatchCommands: dispatcher('commands'),
    breaks: initialBreaks(),
    dispatchBreaks: dispatcher('breaks'),
    agentDesk: initialAgentDesk(),
    dispatchAgentDesk: dispatcher('agentDesk'),
  };
});

export function useFloor<T>(selector: (s: FloorState) => T): T {
  return useFloorStore((st) => selector(st.floor));
}
