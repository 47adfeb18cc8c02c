import { describe, expect, it } from 'vitest';
import { NONE, formatClock, formatCount, formatDuration, formatPercent, formatServiceLevel, slColour } from './format';

describe('durations', () => {
  it('mm:ss under an hour, h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(5)).toBe('00:05');
    expect(formatDuration(65)).toBe('01:05');
    expect(formatDuration(599.99)).toBe('09:59');
    expect(formatDuration(3599)).toBe('59:59');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(36000 + 61)).toBe('10:01:01');
  });
  it('truncates fractions and clamps negatives', () => {
    expect(formatDuration(20.2908469)).toBe('00:20');
    expect(formatDuration(-4)).toBe('00:00');
  });
  it('shows missing values as a dash', () => {
    expect(formatDuration(null)).toBe(NONE);
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});

describe('percentages', () => {
  it('formats shares', () => {
    expect(formatPercent(0.85)).toBe('85%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.0456, 1)).toBe('4.6%');
    expect(formatPercent(0.8892143602010106)).toBe('89%');
    expect(formatPercent(null)).toBe('–');
  });
  it('service level is truncated, never rounded up to a target it missed', () => {
    expect(formatServiceLevel(0.85)).toBe('85%');
    expect(formatServiceLevel(0.7996)).toBe('79%');
    expect(formatServiceLevel(0.29)).toBe('29%'); // 0.29 * 100 = 28.999999999999996
    expect(formatServiceLevel(1)).toBe('100%');
    expect(formatServiceLevel(0)).toBe('0%');
    expect(formatServiceLevel(null)).toBe('–');
  });
  it('counts', () => {
    expect(formatCount(12)).toBe('12');
    expect(formatCount(null)).toBe('–');
  });
  it('clock', () => {
    const d = new Date(2026, 10, 26, 9, 5, 7);
    expect(formatClock(d.getTime())).toBe('09:05:07');
    expect(formatClock(null)).toBe('–');
  });
});

describe('service level colour', () => {
  it('green at or above target, amber within 10 points below, red below that', () => {
    expect(slColour(0.8, 0.8)).toBe('good');
    expect(slColour(0.95, 0.8)).toBe('good');
    expect(slColour(0.7999, 0.8)).toBe('warn');
    expect(slColour(0.7, 0.8)).toBe('warn');
    expect(slColour(0.6999, 0.8)).toBe('bad');
    expect(slColour(0, 0.8)).toBe('bad');
    expect(slColour(0.9, 0.9)).toBe('good');
    expect(slColour(0.85, 0.9)).toBe('warn');
    expect(slColour(0.79, 0.9)).toBe('bad');
  });
  it('floating point at the edges does not flip the colour', () => {
    expect(slColour(0.7 + 1e-12, 0.8)).toBe('warn');
    expect(slColour(0.1 + 0.7, 0.8)).toBe('good'); // 0.7999999999999999
  });
  it('no figure, no colour; no target means 80 %', () => {
    expect(slColour(null, 0.8)).toBe('none');
    expect(slColour(0.75, null)).toBe('warn');
  });
});
