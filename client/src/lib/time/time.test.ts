import { afterEach, describe, expect, it, vi } from 'vitest';
import { elapsedSeconds, intervalStart, isNotReadyOvertime, notReadyLimit, tickLongestWait, tickSeconds, timeInState } from './time';
import { clockListenerCount, clockNow, subscribeClock } from './clock';

const ASOF = Date.parse('2026-11-26T10:00:00Z');

describe('ticking', () => {
  it('longest wait grows from asOf while calls wait', () => {
    expect(tickLongestWait(2, 20.29, ASOF, ASOF)).toBeCloseTo(20.29);
    expect(tickLongestWait(2, 20.29, ASOF, ASOF + 7000)).toBeCloseTo(27.29);
    expect(tickLongestWait(1, 0, ASOF, ASOF + 61000)).toBeCloseTo(61);
  });

  it('longest wait is 0 when nobody waits, whatever time passes', () => {
    expect(tickLongestWait(0, 35, ASOF, ASOF + 10000)).toBe(0);
  });

  it('never ticks backwards when the clock is behind asOf', () => {
    expect(tickLongestWait(1, 10, ASOF, ASOF - 3000)).toBe(10);
    expect(elapsedSeconds(ASOF, ASOF - 1)).toBe(0);
  });

  it('time in state is now − since', () => {
    expect(timeInState('2026-11-26T09:55:00Z', ASOF)).toBe(300);
    expect(timeInState('2026-11-26T09:59:59.5+00:00', ASOF)).toBeCloseTo(0.5);
    expect(timeInState('2026-11-26T17:59:00+08:00', ASOF)).toBe(60);
    expect(timeInState(null, ASOF)).toBeNull();
    expect(timeInState('not a time', ASOF)).toBeNull();
  });

  it('talk and wait seconds tick from their own push', () => {
    expect(tickSeconds(85.29, ASOF, ASOF + 2000)).toBeCloseTo(87.29);
    expect(tickSeconds(null, ASOF, ASOF + 2000)).toBeNull();
  });

  it('the 15-minute interval', () => {
    expect(intervalStart(Date.parse('2026-11-26T10:14:59.999Z'))).toBe(Date.parse('2026-11-26T10:00:00Z'));
    expect(intervalStart(Date.parse('2026-11-26T10:15:00Z'))).toBe(Date.parse('2026-11-26T10:15:00Z'));
  });

  it('not-ready overtime by reason (away 5 minutes, break 15, lunch 60, others 10)', () => {
    expect(notReadyLimit('away')).toBe(300);
    expect(notReadyLimit('break')).toBe(900);
    expect(notReadyLimit('lunch')).toBe(3600);
    expect(notReadyLimit('meeting')).toBe(600);
    expect(notReadyLimit(null)).toBe(600);
    expect(isNotReadyOvertime('notready', 'away', 300)).toBe(false);
    expect(isNotReadyOvertime('notready', 'away', 301)).toBe(true);
    expect(isNotReadyOvertime('notready', 'lunch', 301)).toBe(false);
    expect(isNotReadyOvertime('available', 'away', 9999)).toBe(false);
    expect(isNotReadyOvertime('notready', 'login', 9999)).toBe(false);
  });
});

describe('the shared clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one timer for every subscriber, ticks on whole seconds, stops when nobody listens', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-26T10:00:00.400Z'));
    const a = vi.fn();
    const b = vi.fn();
    const offA = subscribeClock(a);
    const offB = subscribeClock(b);
    expect(clockListenerCount()).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(599);
    expect(a).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(clockNow()).toBe(Date.parse('2026-11-26T10:00:01.000Z'));
    vi.advanceTimersByTime(3000);
    expect(a).toHaveBeenCalledTimes(4);
    expect(vi.getTimerCount()).toBe(1);
    offA();
    offB();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(a).toHaveBeenCalledTimes(4);
  });
});
