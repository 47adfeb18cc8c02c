import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/types';
import { alert } from '../../test/fixtures';
import { pick, rng, type Random } from '../../test/randomAgents';
import { applyAlerts, applySnapshot, initialFloor, openAlerts, type FloorState } from './floor';
import { changedKeys } from './mapChanges';
import { snapshot } from '../../test/fixtures';
import { openAlertList, updateOpenAlertList, type OpenAlertList } from './openAlertList';

/** Alerts raised within a few seconds of each other, so many are raised at the same moment. */
function randomAlert(r: Random, id: string): Alert {
  return alert(id, {
    raisedAt: new Date(Date.UTC(2026, 10, 26, 10, 0, Math.floor(r() * 4))).toISOString(),
    state: r() < 0.2 ? 'acknowledged' : r() < 0.25 ? 'resolved' : 'open',
    severity: pick(r, ['warning', 'critical'] as const),
  });
}

describe('the open alerts kept by the alerts each change sets or resolves', () => {
  it('are newest first, those raised at the same moment by id', () => {
    const s = applyAlerts(applySnapshot(initialFloor('c1'), snapshot({ seq: 1, alerts: [] }), 0), [
      alert('b', { raisedAt: '2026-11-26T10:00:01Z' }),
      alert('c', { raisedAt: '2026-11-26T10:00:02Z' }),
      alert('a', { raisedAt: '2026-11-26T10:00:01Z' }),
    ]);
    expect(openAlerts(s).map((a) => a.id)).toEqual(['c', 'a', 'b']);
  });

  it('equal a full sort after random batches of new, changed and resolved alerts (many seeds)', () => {
    let followed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      let s: FloorState = applySnapshot(initialFloor('c1'), snapshot({ seq: 1, alerts: Array.from({ length: 30 }, (_, i) => randomAlert(r, `s${i}`)) }), 0);
      let view: OpenAlertList = openAlertList(s.alerts);
      for (let step = 0; step < 50; step++) {
        // one batch or several before the view catches up; ids are reused, so a resolved alert can come back
        for (let b = 1 + Math.floor(r() * 3); b > 0; b--) {
          s = applyAlerts(s, Array.from({ length: 1 + Math.floor(r() * 8) }, () => randomAlert(r, `a${Math.floor(r() * 60)}`)));
        }
        const changed = changedKeys(view.alerts, s.alerts);
        if (changed !== null) followed++;
        const prev = view;
        view = updateOpenAlertList(prev, s.alerts, changed);
        const sorted = openAlerts(s);
        expect(view.list, `seed ${seed} step ${step}`).toEqual(sorted);
        expect(view.list.every((a, i) => a === sorted[i]), `seed ${seed} step ${step}: the same objects`).toBe(true);
        if (changed?.length === 0) expect(view.list).toBe(prev.list);
      }
    }
    expect(followed).toBeGreaterThan(1500);
  });

  it('sorts in full when the changes are not known', () => {
    const s = applySnapshot(initialFloor('c1'), snapshot({ seq: 1, alerts: [alert('x'), alert('y', { raisedAt: '2026-11-26T11:00:00Z' })] }), 0);
    expect(updateOpenAlertList(null, s.alerts, null).list.map((a) => a.id)).toEqual(['y', 'x']);
    const other = openAlertList(new Map([['x', alert('x')]]));
    // a list of other alerts with unknown changes: made again from these
    expect(updateOpenAlertList(other, s.alerts, null).list.map((a) => a.id)).toEqual(['y', 'x']);
  });
});
