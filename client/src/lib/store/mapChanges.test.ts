import { describe, expect, it } from 'vitest';
import { MAX_STEPS, changedKeys, noteCopy } from './mapChanges';
import { applyAlerts, applyDelta, applySnapshot, initialFloor } from './floor';
import { agent, alert, delta, snapshot } from '../../test/fixtures';

function copy(from: Map<string, number>, keys: string[]): Map<string, number> {
  const to = new Map(from);
  for (const k of keys) to.set(k, (to.get(k) ?? 0) + 1);
  noteCopy(from, to, keys);
  return to;
}

describe('the keys a copied Map set', () => {
  it('are known from any earlier copy in the line, each once, in the order first set', () => {
    const m0 = new Map([['a', 0], ['b', 0], ['c', 0]]);
    const m1 = copy(m0, ['b']);
    const m2 = copy(m1, ['c', 'b']);
    const m3 = copy(m2, ['d']);
    expect(changedKeys(m0, m1)).toEqual(['b']);
    expect(changedKeys(m0, m3)).toEqual(['b', 'c', 'd']);
    expect(changedKeys(m1, m3)).toEqual(['c', 'b', 'd']);
    expect(changedKeys(m3, m3)).toEqual([]);
  });

  it('are not known backwards, across lines, or for a Map that was never copied', () => {
    const m0 = new Map([['a', 0]]);
    const m1 = copy(m0, ['a']);
    const other = copy(new Map([['a', 0]]), ['a']);
    expect(changedKeys(m1, m0)).toBeNull();
    expect(changedKeys(m0, other)).toBeNull();
    expect(changedKeys(new Map(), m1)).toBeNull();
  });

  it(`are kept for ${MAX_STEPS} copies back at least, ${2 * MAX_STEPS} at most`, () => {
    const m0 = new Map([['a', 0]]);
    const line = [m0];
    for (let i = 0; i < 3 * MAX_STEPS; i++) {
      line.push(copy(line[line.length - 1]!, [`k${i}`]));
      const newest = line[line.length - 1]!;
      const back = (n: number) => (line.length > n ? changedKeys(line[line.length - 1 - n]!, newest) : null);
      expect(back(MAX_STEPS) ?? (line.length <= MAX_STEPS ? [] : null), `after ${i + 1} copies`).not.toBeNull();
      expect(back(2 * MAX_STEPS), `after ${i + 1} copies`).toBeNull();
    }
    expect(changedKeys(m0, line[line.length - 1]!)).toBeNull();
  });

  it("are noted by the store's deltas: the agents each set", () => {
    const s0 = applySnapshot(initialFloor('c1'), snapshot({ seq: 1, agents: [agent('A1'), agent('A2'), agent('A3')] }), 0);
    const s1 = applyDelta(s0, delta(2, { agents: [agent('A2', { state: 'oncall' })] }), 0);
    const s2 = applyDelta(s1, delta(3, { agents: [agent('A3'), agent('A4')] }), 0);
    const s3 = applyDelta(s2, delta(4, { agents: [] }), 0);
    expect(s3.agents).toBe(s2.agents);
    expect(changedKeys(s0.agents, s3.agents)).toEqual(['A2', 'A3', 'A4']);
    // a snapshot starts again: nothing leads to it
    const again = applySnapshot(s3, snapshot({ seq: 9, agents: [agent('A1')] }), 0);
    expect(changedKeys(s3.agents, again.agents)).toBeNull();
  });

  it("are noted by the store's alerts: those set and those resolved", () => {
    const s0 = applySnapshot(initialFloor('c1'), snapshot({ seq: 1, alerts: [alert('x'), alert('y')] }), 0);
    const s1 = applyAlerts(s0, [alert('y', { state: 'resolved' }), alert('z')]);
    const s2 = applyAlerts(s1, [alert('x', { state: 'acknowledged' }), alert('nope', { state: 'resolved' })]);
    expect([...s2.alerts.keys()]).toEqual(['x', 'z']);
    expect(changedKeys(s0.alerts, s2.alerts)).toEqual(['y', 'z', 'x']);
  });
});
