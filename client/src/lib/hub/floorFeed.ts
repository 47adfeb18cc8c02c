// The live feed of one center over the SignalR hub `/hubs/floor`: connects, joins, folds every
// message into the store, rejoins on a seq gap, after a reconnect and after a server restart, and
// never gives up.

import { HubConnectionBuilder, LogLevel, type IRetryPolicy } from '@microsoft/signalr';
import type { Alert, BreakRequest, Command, Delta, Snapshot } from '../api/types';
import {
  applyAlerts,
  applyDelta,
  applySnapshot,
  beginJoin,
  setConnection,
  setNotAllowed,
  type FloorState,
} from '../store/floor';
import { HubSession, type HubLike } from './hubSession';

export { isRefusal, isUnauthorized, retryDelay, RETRY_DELAYS_MS, RETRY_EVERY_MS, type HubLike } from './hubSession';

export interface FloorFeedOptions {
  center: string;
  connect: (retryPolicy: IRetryPolicy) => HubLike;
  dispatch: (transition: (s: FloorState) => FloorState) => FloorState;
  now?: () => number;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** the token was refused: sign in again */
  onUnauthorized?: () => void;
  /** a command this user sent changed state */
  onCommandResult?: (command: Command) => void;
  /** a break request of the center changed (supervisors) */
  onBreakRequest?: (request: BreakRequest) => void;
  /**
   * When given, deltas and alerts wait until it calls back and are folded in one dispatch, so a
   * burst renders once; any other message folds the waiting ones first. Without it each is folded
   * at once.
   */
  defer?: (flush: () => void) => void;
}

type Pending = { delta: Delta; at: number } | { alert: Alert };

export class FloorFeed {
  private readonly opts: FloorFeedOptions;
  private readonly now: () => number;
  private readonly session: HubSession;
  /** deltas (with the time each was received) and alerts waiting for `defer`, in the order received */
  private pending: Pending[] = [];

  constructor(opts: FloorFeedOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.session = new HubSession(
      {
        reconnecting: () => this.dispatch((s) => setConnection(s, 'reconnecting', this.now())),
        connected: () => this.dispatch((s) => setConnection(s, 'connected', this.now())),
        closed: () => this.dispatch((s) => setConnection(s, 'disconnected', this.now())),
        startFailed: (firstTry) => this.dispatch((s) => setConnection(s, firstTry && !s.hasData ? 'connecting' : 'disconnected', this.now())),
        join: () => this.join('join'),
        unauthorized: () => this.opts.onUnauthorized?.(),
      },
      opts,
    );
  }

  private get disposed(): boolean {
    return this.session.disposed;
  }

  start(): void {
    const { center } = this.opts;
    this.dispatch((s) => setConnection(beginJoin(s, center, 'join'), 'connecting', this.now()));
    this.session.open(this.opts.connect, (conn) => {
      // Handlers return nothing: the hub client logs an error for a value returned to a message the server sent without waiting.
      conn.on('snapshot', (snap: Snapshot) => {
        this.onSnapshot(snap);
      });
      conn.on('delta', (delta: Delta) => {
        this.onDelta(delta);
      });
      conn.on('alert', (alert: Alert) => {
        this.onAlert(alert);
      });
      conn.on('commandResult', (command: Command) => {
        this.opts.onCommandResult?.(command);
      });
      conn.on('breakRequest', (request: BreakRequest) => {
        this.opts.onBreakRequest?.(request);
      });
    });
  }

  stop(): Promise<void> {
    return this.session.stop((conn) => conn.invoke('LeaveCenter', this.opts.center));
  }

  private join(reason: 'join' | 'resync'): Promise<void> {
    const { center } = this.opts;
    return this.session.join(
      (conn) => {
        this.dispatch((s) => beginJoin(s, center, reason));
        return conn.invoke('JoinCenter', center);
      },
      () => this.dispatch(setNotAllowed),
    );
  }

  /** Every transition but those of deltas and alerts: the waiting ones come first. */
  private dispatch(transition: (s: FloorState) => FloorState): FloorState {
    this.flushPending();
    return this.opts.dispatch(transition);
  }

  private onSnapshot(snap: Snapshot): void {
    if (this.disposed) return;
    const after = this.dispatch((s) => applySnapshot(s, snap, this.now()));
    // buffered deltas that did not continue the snapshot: join again
    if (after.phase === 'resyncing') void this.join('resync');
  }

  private onDelta(delta: Delta): void {
    if (this.disposed) return;
    this.receive({ delta, at: this.now() });
  }

  private onAlert(alert: Alert): void {
    this.receive({ alert });
  }

  private receive(item: Pending): void {
    const defer = this.opts.defer;
    if (!defer) {
      this.fold([item]);
      return;
    }
    this.pending.push(item);
    if (this.pending.length === 1) defer(() => this.flushPending());
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    if (!this.disposed) this.fold(items);
  }

  private fold(items: readonly Pending[]): void {
    // deltas and alerts change different parts of the floor: each kind in its order, alerts copied once
    let before: FloorState | null = null;
    const after = this.opts.dispatch((s) => {
      before = s;
      const alerts: Alert[] = [];
      let next = s;
      for (const item of items) {
        if ('delta' in item) next = applyDelta(next, item.delta, item.at);
        else alerts.push(item.alert);
      }
      return applyAlerts(next, alerts);
    });
    // once resyncing, the rest of a batch is buffered: one rejoin, as if they had come one by one
    const wasResyncing = (before as FloorState | null)?.phase === 'resyncing';
    if (after.phase === 'resyncing' && !wasResyncing) void this.join('resync');
  }
}

/**
 * The real connection: JSON protocol, token as `access_token` via accessTokenFactory. `rows=changes`:
 * a delta's rows hold their id and only the fields that changed, which the store merges in.
 */
export function connectFloorHub(getToken: () => string | null) {
  return (retryPolicy: IRetryPolicy): HubLike =>
    new HubConnectionBuilder()
      .withUrl('/hubs/floor?rows=changes', { accessTokenFactory: () => getToken() ?? '' })
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(LogLevel.Warning)
      .build();
}
