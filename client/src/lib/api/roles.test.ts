import { describe, expect, it } from 'vitest';
import { agentOnly, readsFloor } from './roles';

describe('roles', () => {
  it('an agent alone has their own page for home; an agent who also reads the floor keeps the centers', () => {
    expect(agentOnly(['agent'])).toBe(true);
    expect(agentOnly(['agent', 'wallboard'])).toBe(false);
    expect(agentOnly(['supervisor'])).toBe(false);
    expect(agentOnly([])).toBe(false);
  });

  it('the floor is read by wallboards, supervisors, quality staff and admins, not by agents or feeders', () => {
    for (const r of ['wallboard', 'supervisor', 'quality', 'admin']) expect(readsFloor([r])).toBe(true);
    expect(readsFloor(['agent', 'cti'])).toBe(false);
  });
});
