import { useEffect } from 'react';
import { getToken } from '../api/token';
import { notifyUnauthorized } from '../api/client';
import { useFloorStore } from '../store/useFloorStore';
import { applyCommandResult } from '../store/commands';
import { AgentFeed } from './agentFeed';
import { connectFloorHub } from './floorFeed';

/** Keeps the store fed with the signed-in agent's own view in `center` (none while `center` is null). */
export function useAgentFeed(center: string | null): void {
  useEffect(() => {
    if (!center) return;
    const store = useFloorStore.getState();
    const feed = new AgentFeed({
      center,
      connect: connectFloorHub(getToken),
      dispatch: store.dispatchAgentDesk,
      onUnauthorized: notifyUnauthorized,
      onCommandResult: (command) => store.dispatchCommands((s) => applyCommandResult(s, command, Date.now(), 'hub')),
    });
    feed.start();
    return () => {
      void feed.stop();
    };
  }, [center]);
}
