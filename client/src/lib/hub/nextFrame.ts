// When the feed folds the deltas it has received: at the next animation frame, so the deltas of a
// burst render once and just before the frame is drawn. A hidden page gets no frames: the timer
// makes sure the deltas are still folded and do not pile up.

export const NO_FRAME_AFTER_MS = 250;

export interface FrameClock {
  requestFrame: (f: () => void) => unknown;
  cancelFrame: (handle: unknown) => void;
  setTimer: (f: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

const browserClock: FrameClock = {
  requestFrame: (f) => requestAnimationFrame(f),
  cancelFrame: (h) => cancelAnimationFrame(h as number),
  setTimer: (f, ms) => setTimeout(f, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Calls `f` once: at the next animation frame, or after NO_FRAME_AFTER_MS when none comes first. */
export function nextFrame(f: () => void, clock: FrameClock = browserClock): void {
  let frame: unknown = null;
  let timer: unknown = null;
  const run = (): void => {
    clock.cancelFrame(frame);
    clock.clearTimer(timer);
    f();
  };
  frame = clock.requestFrame(run);
  timer = clock.setTimer(run, NO_FRAME_AFTER_MS);
}
