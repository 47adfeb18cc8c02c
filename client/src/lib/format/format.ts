// Display helpers. Every missing figure shows as an en dash.

export const NONE = '–';

function isNum(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Seconds as mm:ss under an hour, h:mm:ss from an hour on; whole seconds (truncated), negatives as 0. */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isNum(seconds)) return NONE;
  const total = Math.max(0, Math.floor(seconds + 1e-9));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${pad2(m)}:${pad2(s)}`;
}

/** A 0..1 share as a percentage, rounded to `digits`. */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (!isNum(value)) return NONE;
  return `${(value * 100).toFixed(digits)}%`;
}

/**
 * Service level as a whole percentage, truncated rather than rounded, so a figure on screen never
 * claims a target that was not reached (79.6 % shows 79 %, in the colour of a miss).
 */
export function formatServiceLevel(value: number | null | undefined): string {
  if (!isNum(value)) return NONE;
  return `${Math.floor(value * 100 + 1e-9)}%`;
}

export function formatCount(value: number | null | undefined): string {
  if (!isNum(value)) return NONE;
  return String(Math.round(value));
}

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (!isNum(value)) return NONE;
  return value.toFixed(digits);
}

/** Local wall-clock time hh:mm:ss (24 h). */
export function formatClock(ms: number | null | undefined): string {
  if (!isNum(ms)) return NONE;
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** Local hh:mm. */
export function formatHourMinute(ms: number | null | undefined): string {
  if (!isNum(ms)) return NONE;
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export type SlColour = 'good' | 'warn' | 'bad' | 'none';

/** Green at or above target, amber within 10 points below it, red below that; none when no figure. */
export function slColour(sl: number | null | undefined, target: number | null | undefined): SlColour {
  if (!isNum(sl)) return 'none';
  const t = isNum(target) ? target : 0.8;
  const eps = 1e-9;
  if (sl >= t - eps) return 'good';
  if (sl >= t - 0.1 - eps) return 'warn';
  return 'bad';
}
