// The agent's break request form: what it may send. The server checks the rules (quota, first hour,
// service level); this only keeps obviously wrong requests from leaving the page.

import { BREAK_REASONS, type NotReadyReason } from '../../lib/api/types';
import { notReadyLimit } from '../../lib/time/time';

/** Longer than any one leave of the seat the manual knows (lunch is 60 minutes). */
export const MAX_BREAK_MINUTES = 240;

export type BreakFormResult =
  | { ok: true; reason: NotReadyReason; minutes: number }
  | { ok: false; field: 'reason' | 'minutes' };

export function validateBreakForm(reason: string, minutesText: string): BreakFormResult {
  if (!(BREAK_REASONS as readonly string[]).includes(reason)) return { ok: false, field: 'reason' };
  const text = minutesText.trim();
  if (!/^\d+$/.test(text)) return { ok: false, field: 'minutes' };
  const minutes = Number(text);
  if (minutes < 1 || minutes > MAX_BREAK_MINUTES) return { ok: false, field: 'minutes' };
  return { ok: true, reason: reason as NotReadyReason, minutes };
}

/** The form's starting length for a reason: its not-ready limit (break 15, lunch 60, others 10). */
export function defaultMinutes(reason: string): number {
  return Math.round(notReadyLimit(reason) / 60);
}
