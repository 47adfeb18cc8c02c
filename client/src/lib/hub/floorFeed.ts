// The live feed of one center over the SignalR hub `/hubs/floor`: connects, joins, folds every
// message into the store, rejoins on a seq gap, after a reconnect and after a server restart, and
// never gives up.

import {
  HubConnectionBuilder,
  HubConnectionState,
  HttpError,
  LogLevel,
  type IRetryPolicy,
  type RetryContext,
} from '@microsoft/signalr';
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

/** The part of a HubConnection the feed uses (a fake stands in for it in tests). */
export interface HubLike {
  readonly state: HubConnectionState | string;
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(method: string, ...args: unknown[]): Promise<unknown>;
  on(method: string, handler: (...args: never[]) => void): void;
  onreconnecting(cb: (error?: Error) => void): void;
  onreconnected(cb: (connectionId?: string) => void): void;
  onclose(cb: (error?: Error) => void): void;
}

/** 0, 1, 2, 5, 10 s, then every 10 s, forever. */
export const RETRY_DELAYS_MS: readonly number[] = [0, 1000, 2000, 5000, 10000];
export const RETRY_EVERY_MS = 10000;

export function retryDelay(previousRetryCount: number): number {
  return RETRY_DELAYS_MS[previousRetryCount] ?? RETRY_EVERY_MS;
}

export function isUnauthorized(error: unknown): boolean {
  if (error instanceof HttpError) return error.statusCode === 401;
  return /Status code '401'/.test(String(error));
}

/** A JoinCenter refused by the server comes back as a HubException. */
export function isRefusal(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /HubException|not allowed|forbidden|unauthori[sz]ed|refused/i.test(text);
}

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
  private readonly setTimer: (f: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private conn: HubLike | null = null;
  private timer: unknown = null;
  private attempts = 0;
  private disposed = false;
  /** deltas (with the time each was received) and alerts waiting for `defer`, in the order received */
  private pending: Pending[] = [];

  constructor(opts: FloorFeedOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.setTimer = opts.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  start(): void {
    const { center } = this.opts;
    this.dispatch((s) => setConnection(beginJoin(s, center, 'join'), 'connecting', this.now()));
    const policy: IRetryPolicy = {
      nextRetryDelayInMilliseconds: (ctx: RetryContext) => {
        if (isUnauthorized(ctx.retryReason)) {
          this.opts.onUnauthorized?.();
          return null;
        }
        return retryDelay(ctx.previousRetryCount);
      },
    };
    const conn = this.opts.connect(policy);
    this.conn = conn;
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
    conn.onreconnecting(() => {
      if (this.disposed) return;
      this.dispatch((s) => setConnection(s, 'reconnecting', this.now()));
    });
    conn.onreconnected(() => {
      if (this.disposed) return;
      this.dispatch((s) => setConnection(s, 'connected', this.now()));
      void this.join('join');
    });
    conn.onclose(() => {
      if (this.disposed) return;
      // the automatic reconnect gave up (or the server closed us): start again on a timer
      this.dispatch((s) => setConnection(s, 'disconnected', this.now()));
      this.schedule(() => void this.connect(), RETRY_EVERY_MS);
    });
    void this.connect();
  }

  async stop(): Promise<void> {
    this.disposed = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const conn = this.conn;
    if (!conn) return;
    try {
      if (conn.state === HubConnectionState.Connected) await conn.invoke('LeaveCenter', this.opts.center);
    } catch {
      // leaving is best effort
    }
    try {
      await conn.stop();
    } catch {
      // already stopped
    }
  }

  private schedule(f: () => void, ms: number): void {
    if (this.disposed) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (!this.disposed) f();
    }, ms);
  }

  private async connect(): Promise<void> {
    const conn = this.conn;
    if (!conn || this.disposed) return;
    if (conn.state !== HubConnectionState.Disconnected) return;
    try {
      await conn.start();
    } catch (error) {
      if (this.disposed) return;
      if (isUnauthorized(error)) {
        this.opts.onUnauthorized?.();
        return;
      }
      this.dispatch((s) => setConnection(s, this.attempts === 0 && !s.hasData ? 'connecting' : 'disconnected', this.now()));
      this.schedule(() => void this.connect(), retryDelay(this.attempts++) || 500);
      return;
    }
    if (this.disposed) return;
    this.attempts = 0;
    this.dispatch((s) => setConnection(s, 'connected', this.now()));
    await this.join('join');
  }

  private async join(reason: 'join' | 'resync'): Promise<void> {
    const conn = this.conn;
    if (!conn || this.disposed) return;
    const { center } = this.opts;
    this.dispatch((s) => beginJoin(s, center, reason));
    try {
      await conn.invoke('JoinCenter', center);
    } catch (error) {
      if (this.disposed || conn.state !== HubConnectionState.Connected) return; // the reconnect joins again
      if (isRefusal(error)) {
        this.dispatch(setNotAllowed);
        return;
      }
      this.schedule(() => void this.join(reason), 2000);
    }
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

/** The real connection: JSON protocol, token as `access_token` via accessTokenFactory. */
export function connectFloorHub(getToken: () => string | null) {
  return (retryPolicy: IRetryPolicy): HubLike =>
    new HubConnectionBuilder()
      .withUrl('/hubs/floor', { accessTokenFactory: () => getToken() ?? '' })
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(LogLevel.Warning)
      .build();
}
