import { useSyncExternalStore } from 'react';

// One shared 1-second clock for the whole page: every ticking cell reads it, nothing keeps a
// timer of its own. Ticks land on whole seconds so the clock in the header turns over with the
// figures. The timer runs only while something is subscribed.

type Listener = () => void;

const listeners = new Set<Listener>();
let current = Date.now();
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  const delay = 1000 - (Date.now() % 1000) || 1000;
  timer = setTimeout(() => {
    current = Date.now();
    for (const l of [...listeners]) l();
    if (listeners.size > 0) schedule();
    else timer = null;
  }, delay);
}

export function subscribeClock(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

export function clockNow(): number {
  return current;
}

export function clockListenerCount(): number {
  return listeners.size;
}

/** The client's clock, re-rendering once a second. */
export function useClock(): number {
  return useSyncExternalStore(subscribeClock, clockNow, clockNow);
}
