import { useEffect } from 'react';
import { getToken } from '../api/token';
import { notifyUnauthorized } from '../api/client';
import { useFloorStore } from '../store/useFloorStore';
import { applyCommandResult } from '../store/commands';
import { applyBreakRequest } from '../store/breaks';
import { connectFloorHub, FloorFeed } from './floorFeed';
import { nextFrame } from './nextFrame';

/** Keeps the store fed with the live floor of `center` while the calling page is mounted. */
export function useCenterFeed(center: string): void {
  useEffect(() => {
    const store = useFloorStore.getState();
    const feed = new FloorFeed({
      center,
      connect: connectFloorHub(getToken),
      dispatch: store.dispatch,
      onUnauthorized: notifyUnauthorized,
      onCommandResult: (command) => store.dispatchCommands((s) => applyCommandResult(s, command, Date.now(), 'hub')),
      onBreakRequest: (request) => store.dispatchBreaks((s) => applyBreakRequest(s, request)),
      defer: (flush) => nextFrame(flush),
    });
    feed.start();
    return () => {
      void feed.stop();
    };
  }, [center]);
}
