import { useEffect } from 'react';
import { getToken } from '../api/token';
import { notifyUnauthorized } from '../api/client';
import { useFloorStore } from '../store/useFloorStore';
import { connectFloorHub, FloorFeed } from './floorFeed';

/** Keeps the store fed with the live floor of `center` while the calling page is mounted. */
export function useCenterFeed(center: string): void {
  useEffect(() => {
    const feed = new FloorFeed({
      center,
      connect: connectFloorHub(getToken),
      dispatch: useFloorStore.getState().dispatch,
      onUnauthorized: notifyUnauthorized,
    });
    feed.start();
    return () => {
      void feed.stop();
    };
  }, [center]);
}
