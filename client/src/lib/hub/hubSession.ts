// One hub connection kept up for a page: the retry policy, the start with back-off, the reconnect
// after the automatic one gives up, the join after every (re)connect, and a clean stop. The floor's
// and the agent's feeds share it and differ only in what they join and fold.

import { HttpError, HubConnectionState, type IRetryPolicy, type RetryContext } from '@microsoft/signalr';

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


export interface HubSessionHooks {
  /** the automatic reconnect started */
  reconnecting(): void;
  /** connected (started, or reconnected); the join follows */
  connected(): void;
  /** the connection closed for good; a new start is scheduled */
  closed(): void;
  /** a start failed; `firstTry` when no start has succeeded yet */
  startFailed(firstTry: boolean): void;
  /** joins the page's center (or agent); called after every connect */
  join(): Promise<void>;
  /** the token was refused: sign in again */
  unauthorized?(): void;
}

export interface HubSessionTimers {
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class HubSession {
  private readonly setTimer: (f: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private conn: HubLike | null = null;
  private timer: unknown = null;
  private attempts = 0;
  private stopped = false;

  constructor(
    private readonly hooks: HubSessionHooks,
    timers: HubSessionTimers = {},
  ) {
    this.setTimer = timers.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = timers.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get disposed(): boolean {
    return this.stopped;
  }

  /** Makes the connection (the caller adds its message handlers), then starts it. */
  open(connect: (retryPolicy: IRetryPolicy) => HubLike, handlers: (conn: HubLike) => void): void {
    const policy: IRetryPolicy = {
      nextRetryDelayInMilliseconds: (ctx: RetryContext) => {
        if (isUnauthorized(ctx.retryReason)) {
          this.hooks.unauthorized?.();
          return null;
        }
        return retryDelay(ctx.previousRetryCount);
      },
    };
    const conn = connect(policy);
    this.conn = conn;
    handlers(conn);
    conn.onreconnecting(() => {
      if (this.stopped) return;
      this.hooks.reconnecting();
    });
    conn.onreconnected(() => {
      if (this.stopped) return;
      this.hooks.connected();
      void this.hooks.join();
    });
    conn.onclose(() => {
      if (this.stopped) return;
      // the automatic reconnect gave up (or the server closed us): start again on a timer
      this.hooks.closed();
      this.schedule(() => void this.connect(), RETRY_EVERY_MS);
    });
    void this.connect();
  }

  /** Invokes the join; a refusal is final, any other failure tries again in 2 s (a reconnect joins again by itself). */
  async join(attempt: (conn: HubLike) => Promise<unknown>, refused: () => void): Promise<void> {
    const conn = this.conn;
    if (!conn || this.stopped) return;
    try {
      await attempt(conn);
    } catch (error) {
      if (this.stopped || conn.state !== HubConnectionState.Connected) return;
      if (isRefusal(error)) {
        refused();
        return;
      }
      this.schedule(() => void this.join(attempt, refused), 2000);
    }
  }

  /** Stops for good; `leave` runs first while still connected (best effort). */
  async stop(leave?: (conn: HubLike) => Promise<unknown>): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const conn = this.conn;
    if (!conn) return;
    try {
      if (leave && conn.state === HubConnectionState.Connected) await leave(conn);
    } catch {
      // leaving is best effort
    }
    try {
      await conn.stop();
    } catch {
      // already stopped
    }
  }

  /** Runs `f` after `ms` unless stopped first; one timer at a time. */
  schedule(f: () => void, ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      if (!this.stopped) f();
    }, ms);
  }

  private async connect(): Promise<void> {
    const conn = this.conn;
    if (!conn || this.stopped || conn.state !== HubConnectionState.Disconnected) return;
    try {
      await conn.start();
    } catch (error) {
      if (this.stopped) return;
      if (isUnauthorized(error)) {
        this.hooks.unauthorized?.();
        return;
      }
      this.hooks.startFailed(this.attempts === 0);
      this.schedule(() => void this.connect(), retryDelay(this.attempts++) || 500);
      return;
    }
    if (this.stopped) return;
    this.attempts = 0;
    this.hooks.connected();
    await this.hooks.join();
  }
}
