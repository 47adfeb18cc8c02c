import { describe, expect, it } from 'vitest';
import { gridFor } from './grid';
import { localHourMinute, trendPoints } from './trend';
import { figures } from '../../test/fixtures';
import type { IntervalRow } from '../../lib/api/types';

describe('wallboard grid', () => {
  it('fits up to 12 queues in the area left on a 1920×1080 screen without an empty row', () => {
    const aspect = 1880 / 700;
    for (let n = 1; n <= 16; n++) {
      const { cols, rows } = gridFor(n, aspect);
      expect(cols * rows).toBeGreaterThanOrEqual(n);
      expect((rows - 1) * cols).toBeLessThan(n);
    }
    expect(gridFor(1, aspect)).toEqual({ cols: 1, rows: 1 });
    expect(gridFor(12, aspect)).toEqual({ cols: 6, rows: 2 });
    expect(gridFor(4, aspect).rows).toBe(1);
    expect(gridFor(0, aspect)).toEqual({ cols: 1, rows: 1 });
  });
  it('a tall area stacks tiles', () => {
    expect(gridFor(4, 0.6).cols).toBeLessThanOrEqual(2);
  });
});

describe('service level trend', () => {
  const row = (start: string, end: string, sl: number | null, offered: number): IntervalRow => ({
    ...figures({ serviceLevel: sl, offered }),
    start,
    end,
  });
  const rows = [
    row('2026-11-26T08:00:00+08:00', '2026-11-26T08:15:00+08:00', 0.9, 10),
    row('2026-11-26T08:15:00+08:00', '2026-11-26T08:30:00+08:00', null, 0),
    row('2026-11-26T08:30:00+08:00', '2026-11-26T08:45:00+08:00', 0.5, 4),
    row('2026-11-26T08:45:00+08:00', '2026-11-26T09:00:00+08:00', null, 0),
  ];

  it('past intervals as fetched, the current one live, future ones empty', () => {
    const now = Date.parse('2026-11-26T08:31:00+08:00');
    const pts = trendPoints(rows, now, 0.75, 6);
    expect(pts.map((p) => p.when)).toEqual(['past', 'past', 'current', 'future']);
    expect(pts.map((p) => p.serviceLevel)).toEqual([0.9, null, 0.75, null]);
    expect(pts[2]!.offered).toBe(6);
    expect(pts.map((p) => p.label)).toEqual(['08:00', '08:15', '08:30', '08:45']);
  });

  it('labels in the center’s own time', () => {
    expect(localHourMinute('2026-11-26T23:45:00-05:00')).toBe('23:45');
  });
});
