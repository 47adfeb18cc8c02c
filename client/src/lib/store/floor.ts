// The floor of one center as the client knows it: pure functions from (state, message) to state,
// fed by the hub (src/lib/hub) and read by every page. Nothing here touches timers, the network
// or the clock: callers pass the time a message was received (`at`, client milliseconds).

import type { Alert, AgentView, Delta, Feed, LiveCall, QueueView, RowChange, Snapshot } from '../api/types';
import { parseTs } from '../time/time';
import { noteCopy } from './mapChanges';
import { compareAlerts } from './openAlertList';

/**
 * idle: no center; joining: JoinCenter invoked (first join or after a reconnect), waiting for the
 * snapshot; resyncing: a gap in `seq` was seen, JoinCenter invoked again; live: folding deltas.
 */
export type Phase = 'idle' | 'joining' | 'resyncing' | 'live';

/** `connecting` is the first start, shown as reconnecting. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** A pushed object with the server time (`asOf`, ms) at which its figures were true. */
export type Stamped<T> = T & { readonly asOfMs: number | null };

export interface FloorState {
  center: string | null;
  name: string | null;
  phase: Phase;
  /** the last delta seq folded in; null before the first snapshot (or one without seq) */
  seq: number | null;
  hasData: boolean;
  asOfMs: number | null;
  totals: Stamped<QueueView> | null;
  queueOrder: string[];
  queues: Record<string, Stamped<QueueView>>;
  /** a Map, not a record: a delta copies it (5,000 agents) far faster, and its values need no key walk */
  agents: ReadonlyMap<string, Stamped<AgentView>>;
  /** a Map, like the agents: a busy floor has thousands of live calls, and a delta copies them */
  calls: ReadonlyMap<string, Stamped<LiveCall>>;
  /** open and acknowledged alerts; resolved ones leave (a Map: a busy floor has thousands, copied on every change) */
  alerts: ReadonlyMap<string, Alert>;
  feed: Feed | null;
  /** deltas received while joining or resyncing, applied after the snapshot if they continue it */
  buffer: Delta[];
  connection: ConnectionState;
  /** client ms when the connection was lost; cleared only by the next snapshot */
  connectionLostAt: number | null;
  /** client ms when the last snapshot or delta was folded in */
  lastUpdateAt: number | null;
  /** client clock − server clock, ms (from receipt time − asOf); ticking runs on the server's clock */
  clockOffsetMs: number;
  /** snapshots taken so far (pages refetch side data on each (re)join) */
  joins: number;
  /** gaps seen so far */
  resyncs: number;
  /** JoinCenter was refused */
  notAllowed: boolean;
}

export const MAX_BUFFER = 2000;

export function initialFloor(center: string | null = null): FloorState {
  return {
    center,
    name: null,
    phase: center ? 'joining' : 'idle',
    seq: null,
    hasData: false,
    asOfMs: null,
    totals: null,
    queueOrder: [],
    queues: {},
    agents: new Map(),
    calls: new Map(),
    alerts: new Map(),
    feed: null,
    buffer: [],
    connection: 'connecting',
    connectionLostAt: null,
    lastUpdateAt: null,
    clockOffsetMs: 0,
    joins: 0,
    resyncs: 0,
    notAllowed: false,
  };
}

function stamp<T extends object>(value: T, asOfMs: number | null): Stamped<T> {
  return { ...value, asOfMs };
}

function byId<T extends object>(items: readonly T[] | null | undefined, key: keyof T, asOfMs: number | null): Record<string, Stamped<T>> {
  const out: Record<string, Stamped<T>> = {};
  for (const item of items ?? []) out[String(item[key])] = stamp(item, asOfMs);
  return out;
}

function callsById(items: readonly LiveCall[] | null | undefined, asOfMs: number | null): Map<string, Stamped<LiveCall>> {
  const out = new Map<string, Stamped<LiveCall>>();
  for (const item of items ?? []) out.set(item.call, stamp(item, asOfMs));
  return out;
}

function mapById<T extends { id: string }>(items: readonly T[] | null | undefined, asOfMs: number | null): Map<string, Stamped<T>> {
  const out = new Map<string, Stamped<T>>();
  for (const item of items ?? []) out.set(item.id, stamp(item, asOfMs));
  return out;
}

/** Keeps the client/server clock offset steady: small jitter is smoothed, a real jump is taken at once. */
export function nextClockOffset(previous: number, hasPrevious: boolean, asOfMs: number | null, at: number): number {
  if (asOfMs === null) return previous;
  const sample = at - asOfMs;
  if (!hasPrevious || Math.abs(sample - previous) > 2000) return sample;
  // a push is never received before it is stamped: the smallest sample is the closest to the truth
  return sample < previous ? sample : previous + (sample - previous) * 0.1;
}

/** Invoked with JoinCenter: a first join or a rejoin after a reconnect (`join`), or after a gap (`resync`). */
export function beginJoin(s: FloorState, center: string, reason: 'join' | 'resync'): FloorState {
  if (s.center !== center) return { ...initialFloor(center), connection: s.connection };
  return {
    ...s,
    phase: reason === 'resync' ? 'resyncing' : 'joining',
    // after a reconnect the old connection's deltas are of no use (the server may even have restarted)
    buffer: reason === 'resync' ? s.buffer : [],
    notAllowed: false,
  };
}

export function applySnapshot(s: FloorState, snap: Snapshot, at: number): FloorState {
  if (s.center !== null && snap.center !== s.center) return s;
  const asOfMs = parseTs(snap.asOf);
  const queueOrder = (snap.queues ?? []).map((q) => q.id);
  const alerts = new Map<string, Alert>();
  for (const a of snap.alerts ?? []) if (a.state !== 'resolved') alerts.set(a.id, a);
  const seq = typeof snap.seq === 'number' ? snap.seq : null;
  let next: FloorState = {
    ...s,
    center: snap.center,
    name: snap.name ?? null,
    phase: 'live',
    seq,
    hasData: true,
    asOfMs,
    totals: snap.totals ? stamp(snap.totals, asOfMs) : null,
    queueOrder,
    queues: byId(snap.queues, 'id', asOfMs),
    agents: mapById(snap.agents, asOfMs),
    calls: callsById(snap.calls, asOfMs),
    alerts,
    feed: snap.feed ?? null,
    buffer: [],
    connectionLostAt: null,
    lastUpdateAt: at,
    clockOffsetMs: nextClockOffset(s.clockOffsetMs, s.lastUpdateAt !== null, asOfMs, at),
    joins: s.joins + 1,
    notAllowed: false,
  };
  if (seq === null) return next; // cannot tell which buffered deltas it holds: the next delta starts the count
  const buffered = [...s.buffer].sort((a, b) => a.seq - b.seq);
  for (let i = 0; i < buffered.length; i++) {
    const d = buffered[i]!;
    if (next.seq !== null && d.seq <= next.seq) continue;
    if (next.seq !== null && d.seq !== next.seq + 1) {
      return { ...next, phase: 'resyncing', buffer: buffered.slice(i), resyncs: next.resyncs + 1 };
    }
    next = foldDelta(next, d, at);
  }
  return next;
}

/**
 * A delta: folded in when it continues `seq`; ignored when already included (seq ≤ state.seq);
 * a gap marks the state `resyncing` (the hub then invokes JoinCenter again); while joining or
 * resyncing it is buffered.
 */
export function applyDelta(s: FloorState, d: Delta, at: number): FloorState {
  if (d.center !== s.center) return s;
  if (s.phase !== 'live') {
    if (s.phase === 'idle') return s;
    // not filtered by the old seq: after a server restart the count starts again; the snapshot decides
    const buffer = s.buffer.length >= MAX_BUFFER ? [...s.buffer.slice(1), d] : [...s.buffer, d];
    return { ...s, buffer };
  }
  if (s.seq !== null) {
    if (d.seq <= s.seq) return s;
    if (d.seq !== s.seq + 1) return { ...s, phase: 'resyncing', buffer: [d], resyncs: s.resyncs + 1 };
  }
  return foldDelta(s, d, at);
}

/**
 * A row of a delta over the one held: a row holds its id and what changed (and of a queue's `now`,
 * `interval`, `today` and `settings`, and of an agent's `secondsByState`, what changed in them); the
 * first one of an id is whole, and a whole row, as a snapshot's, replaces every field.
 */
function merged<T extends { id: string }>(held: Stamped<T> | undefined, change: RowChange<T>, asOfMs: number | null): Stamped<T> {
  if (!held) return stamp(change as T, asOfMs);
  const out: Record<string, unknown> = { ...held, ...change };
  const before = held as Record<string, unknown>;
  const after = change as Record<string, unknown>;
  for (const key of NESTED_FIELDS) {
    if (isRecord(before[key]) && isRecord(after[key])) out[key] = { ...before[key], ...after[key] };
  }
  return stamp(out as T, asOfMs);
}

/** A queue's and an agent's objects of fixed fields, which a row of changes also holds only the changed fields of. */
const NESTED_FIELDS = ['now', 'interval', 'today', 'settings', 'secondsByState'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeAll<T extends { id: string }>(
  current: Record<string, Stamped<T>>,
  items: readonly RowChange<T>[] | null | undefined,
  asOfMs: number | null,
): Record<string, Stamped<T>> {
  if (!items || items.length === 0) return current;
  const out = { ...current };
  for (const item of items) out[item.id] = merged(current[item.id], item, asOfMs);
  return out;
}

function mergeInMap<T extends { id: string }>(
  current: ReadonlyMap<string, Stamped<T>>,
  items: readonly RowChange<T>[] | null | undefined,
  asOfMs: number | null,
): ReadonlyMap<string, Stamped<T>> {
  if (!items || items.length === 0) return current;
  const out = new Map(current);
  for (const item of items) out.set(item.id, merged(current.get(item.id), item, asOfMs));
  noteCopy(current, out, items.map((item) => item.id));
  return out;
}

/** Queues, agents and the totals merge by id; calls replace by id; ended calls leave. */
export function foldDelta(s: FloorState, d: Delta, at: number): FloorState {
  const asOfMs = parseTs(d.asOf) ?? s.asOfMs;
  let queueOrder = s.queueOrder;
  for (const q of d.queues ?? []) {
    if (!(q.id in s.queues) && !queueOrder.includes(q.id)) queueOrder = [...queueOrder, q.id];
  }
  let calls = s.calls;
  if ((d.calls && d.calls.length > 0) || (d.endedCalls && d.endedCalls.length > 0)) {
    const next = new Map(s.calls);
    for (const c of d.calls ?? []) next.set(c.call, stamp(c, asOfMs));
    for (const id of d.endedCalls ?? []) next.delete(id);
    calls = next;
  }
  return {
    ...s,
    seq: d.seq,
    asOfMs,
    totals: d.totals ? merged(s.totals ?? undefined, d.totals, asOfMs) : s.totals,
    queueOrder,
    queues: mergeAll(s.queues, d.queues, asOfMs),
    agents: mergeInMap(s.agents, d.agents, asOfMs),
    calls,
    feed: d.feed ?? s.feed,
    lastUpdateAt: at,
    clockOffsetMs: nextClockOffset(s.clockOffsetMs, s.lastUpdateAt !== null, asOfMs, at),
  };
}

/** Alerts replace by id; a resolved one leaves the open list. */
export function applyAlert(s: FloorState, alert: Alert): FloorState {
  return applyAlerts(s, [alert]);
}

/** Several alerts in the order received, with one copy of the open list. */
export function applyAlerts(s: FloorState, list: readonly Alert[]): FloorState {
  let alerts: Map<string, Alert> | null = null;
  const touched: string[] = [];
  for (const alert of list) {
    if (s.center !== null && alert.center && alert.center !== s.center) continue;
    if (alert.state === 'resolved' && !(alerts ?? s.alerts).has(alert.id)) continue;
    alerts ??= new Map(s.alerts);
    if (alert.state === 'resolved') alerts.delete(alert.id);
    else alerts.set(alert.id, alert);
    touched.push(alert.id);
  }
  if (!alerts) return s;
  noteCopy(s.alerts, alerts, touched);
  return { ...s, alerts };
}

export function setConnection(s: FloorState, connection: ConnectionState, at: number): FloorState {
  if (s.connection === connection) return s;
  const lost = connection === 'reconnecting' || connection === 'disconnected';
  return {
    ...s,
    connection,
    // the figures stay stale until a fresh snapshot after the reconnect, not just until the socket is back
    connectionLostAt: lost ? (s.connectionLostAt ?? at) : s.connectionLostAt,
  };
}

export function setNotAllowed(s: FloorState): FloorState {
  return { ...s, notAllowed: true };
}

export interface Staleness {
  stale: boolean;
  /** server-clock ms since when the figures are stale, or null when they are not (or unknown) */
  since: number | null;
  reason: 'connection' | 'feed' | null;
}

/** Figures are stale while the connection is lost (until the next snapshot) or the switch feed is down. */
export function staleness(s: FloorState): Staleness {
  if (s.connection !== 'connected' || s.connectionLostAt !== null) {
    if (!s.hasData) return { stale: true, since: null, reason: 'connection' };
    const lost = s.connectionLostAt ?? s.lastUpdateAt;
    return { stale: true, since: lost === null ? null : lost - s.clockOffsetMs, reason: 'connection' };
  }
  if (s.feed?.status === 'down') {
    return { stale: true, since: parseTs(s.feed.lastHeardAt) ?? parseTs(s.feed.lastEventTs), reason: 'feed' };
  }
  return { stale: false, since: null, reason: null };
}

/** The server's clock now, from the client's clock and the measured offset. */
export function serverNow(clientNow: number, s: Pick<FloorState, 'clockOffsetMs'>): number {
  return clientNow - s.clockOffsetMs;
}

export function queueList(s: Pick<FloorState, 'queueOrder' | 'queues'>): Stamped<QueueView>[] {
  const out: Stamped<QueueView>[] = [];
  for (const id of s.queueOrder) {
    const q = s.queues[id];
    if (q) out.push(q);
  }
  return out;
}

/** Open (and acknowledged) alerts, newest first (those raised at the same moment by id). */
export function openAlerts(s: Pick<FloorState, 'alerts'>): Alert[] {
  return Array.from(s.alerts.values()).sort(compareAlerts);
}
