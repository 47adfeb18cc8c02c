// The open (and acknowledged) alerts, newest first, kept by the alerts each change set or
// resolved: a busy floor has hundreds open and hundreds coming and going every second, and
// sorting all of them again on every change was a large part of a delta's work.

import type { Alert } from '../api/types';
import { editSorted, lowerBound } from '../sorted/editSorted';
import { parseTs } from '../time/time';

/** When each alert was raised, parsed once per alert object. */
const raisedMs = new WeakMap<Alert, number>();

function raisedAt(alert: Alert): number {
  let ms = raisedMs.get(alert);
  if (ms === undefined) raisedMs.set(alert, (ms = parseTs(alert.raisedAt) ?? 0));
  return ms;
}

/** Newest first; alerts raised at the same moment by id, so the order depends on the alerts alone, not on when each arrived. */
export function compareAlerts(a: Alert, b: Alert): number {
  return raisedAt(b) - raisedAt(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface OpenAlertList {
  /** the alerts the list was made from */
  readonly alerts: ReadonlyMap<string, Alert>;
  readonly list: readonly Alert[];
}

export function openAlertList(alerts: ReadonlyMap<string, Alert>): OpenAlertList {
  return { alerts, list: Array.from(alerts.values()).sort(compareAlerts) };
}

/** The list for `alerts`, from the list of earlier alerts and the ids set or removed since (null: not known, sorted in full). */
export function updateOpenAlertList(prev: OpenAlertList | null, alerts: ReadonlyMap<string, Alert>, changed: readonly string[] | null): OpenAlertList {
  if (!prev || changed === null) return openAlertList(alerts);
  const removed: number[] = [];
  const added: Alert[] = [];
  for (const id of changed) {
    const before = prev.alerts.get(id);
    const after = alerts.get(id);
    if (before === after) continue;
    if (before) {
      const at = lowerBound(prev.list, before, compareAlerts);
      // not where the order puts it: the list does not belong to those alerts
      if (prev.list[at] !== before) return openAlertList(alerts);
      removed.push(at);
    }
    if (after) added.push(after);
  }
  if (removed.length === 0 && added.length === 0) return { alerts, list: prev.list };
  removed.sort((a, b) => a - b);
  added.sort(compareAlerts);
  const places = added.map((a) => lowerBound(prev.list, a, compareAlerts));
  return { alerts, list: editSorted(prev.list, removed, added, places) };
}
