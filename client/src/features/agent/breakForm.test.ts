import { describe, expect, it } from 'vitest';
import { defaultMinutes, MAX_BREAK_MINUTES, validateBreakForm } from './breakForm';
import { agentCenters } from './agentCenters';

describe('break request form', () => {
  it('takes a reason needing approval and whole minutes from 1 to the maximum', () => {
    expect(validateBreakForm('lunch', ' 45 ')).toEqual({ ok: true, reason: 'lunch', minutes: 45 });
    expect(validateBreakForm('break', '1')).toMatchObject({ ok: true, minutes: 1 });
    expect(validateBreakForm('break', String(MAX_BREAK_MINUTES))).toMatchObject({ ok: true });
    for (const bad of ['', '0', '-5', '1.5', '1e2', 'ten', String(MAX_BREAK_MINUTES + 1)]) {
      expect(validateBreakForm('break', bad), bad).toEqual({ ok: false, field: 'minutes' });
    }
    expect(validateBreakForm('away', '5')).toEqual({ ok: false, field: 'reason' });
  });

  it('starts at the reason’s not-ready limit', () => {
    expect(defaultMinutes('break')).toBe(15);
    expect(defaultMinutes('lunch')).toBe(60);
    expect(defaultMinutes('meeting')).toBe(10);
  });

  it('an agent scoped to every center picks from the listed ones', () => {
    expect(agentCenters({ user: 'A01', roles: ['agent'], centers: ['c2', 'c1', 'c2'] }, ['x'])).toEqual(['c1', 'c2']);
    expect(agentCenters({ user: 'A01', roles: ['agent'], centers: ['*'] }, ['hz', 'nb'])).toEqual(['hz', 'nb']);
  });
});
