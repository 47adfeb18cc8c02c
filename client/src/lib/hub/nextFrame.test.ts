import { describe, expect, it } from 'vitest';
import { NO_FRAME_AFTER_MS, nextFrame, type FrameClock } from './nextFrame';

/** A frame clock the test drives: frames and timers run only when the test says so. */
function manualClock() {
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { f: () => void; ms: number }>();
  let next = 1;
  const clock: FrameClock = {
    requestFrame: (f) => (frames.set(next, f), next++),
    cancelFrame: (h) => void frames.delete(h as number),
    setTimer: (f, ms) => (timers.set(next, { f, ms }), next++),
    clearTimer: (h) => void timers.delete(h as number),
  };
  return {
    clock,
    frames,
    timers,
    frame() {
      for (const [h, f] of [...frames]) (frames.delete(h), f());
    },
    timeout() {
      for (const [h, t] of [...timers]) (timers.delete(h), t.f());
    },
  };
}

describe('nextFrame', () => {
  it('runs at the next frame, once, and drops its timer', () => {
    const m = manualClock();
    let runs = 0;
    nextFrame(() => runs++, m.clock);
    expect(runs).toBe(0);
    m.frame();
    expect(runs).toBe(1);
    expect(m.timers.size).toBe(0);
    m.timeout();
    expect(runs).toBe(1);
  });

  it('runs on the timer when no frame comes (a hidden page), once', () => {
    const m = manualClock();
    let runs = 0;
    nextFrame(() => runs++, m.clock);
    expect([...m.timers.values()].map((t) => t.ms)).toEqual([NO_FRAME_AFTER_MS]);
    m.timeout();
    expect(runs).toBe(1);
    expect(m.frames.size).toBe(0);
    m.frame();
    expect(runs).toBe(1);
  });
});
