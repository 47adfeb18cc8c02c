import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { interventionsApi } from '../api/interventions';
import type { CommandRequest } from '../api/types';
import { useFloorStore } from '../store/useFloorStore';
import { commandFields, type TrackedCommand } from '../store/commands';
import { CommandTracker } from './commandTracker';

const TrackerContext = createContext<CommandTracker | null>(null);

/** One command tracker for the page's center; its polling stops when the page goes. */
export function CommandsProvider({ center, children }: { center: string; children: ReactNode }) {
  const [tracker, setTracker] = useState<CommandTracker | null>(null);
  useEffect(() => {
    const store = useFloorStore.getState();
    const t = new CommandTracker({
      center,
      send: interventionsApi.send,
      read: interventionsApi.command,
      dispatch: store.dispatchCommands,
      getState: () => useFloorStore.getState().commands,
    });
    setTracker(t);
    return () => t.dispose();
  }, [center]);
  return <TrackerContext.Provider value={tracker}>{children}</TrackerContext.Provider>;
}

export interface CommandRun {
  /** sends it; resolves with the id, or null when the POST was refused (see `error`) */
  run: (request: CommandRequest) => Promise<string | null>;
  /** the id of the last command this caller sent */
  id: string | null;
  sending: boolean;
  /** the POST's error text (a 400 names the field, a 403 says it is not allowed) */
  error: string | null;
}

/** Sends commands from one place on the page and remembers the last one for its outcome. */
export function useCommandRun(): CommandRun {
  const tracker = useContext(TrackerContext);
  const [id, setId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (request: CommandRequest) => {
      if (!tracker) return null;
      setSending(true);
      setError(null);
      try {
        const sent = await tracker.send(request);
        setId(sent);
        return sent;
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return null;
      } finally {
        setSending(false);
      }
    },
    [tracker],
  );
  return { run, id, sending, error };
}

export function useTrackedCommand(id: string | null): TrackedCommand | null {
  return useFloorStore((st) => (id ? (st.commands.byId[id] ?? null) : null));
}

/** The id of the newest command this user sent about an agent, a call or a break request. */
export function useLastCommandAbout(subject: 'agent' | 'call' | 'request', value: string): string | null {
  return useFloorStore((st) => {
    for (const id of st.commands.order) {
      const c = st.commands.byId[id];
      if (c && commandFields(c)[subject] === value) return id;
    }
    return null;
  });
}
