// An agent's own feed over the hub `/hubs/floor`: connects, invokes `JoinAgent(center)` (the
// server takes the agent id from the token's user name), folds `agentSelf`, `message`, `notice` and
// `breakRequest` into the store, joins again after every reconnect, and never gives up.

import { HubConnectionState, type IRetryPolicy, type RetryContext } from '@microsoft/signalr';
import type { AgentMessage, AgentNotice, AgentSelf, BreakRequest, Command } from '../api/types';
import {
  applyAgentBreak,
  applyAgentMessage,
  applyAgentNotice,
  applyAgentSelf,
  beginAgentJoin,
  setAgentConnection,
  setAgentNotAllowed,
  type AgentDeskState,
} from '../store/agentDesk';
import { isRefusal, isUnauthorized, retryDelay, RETRY_EVERY_MS, type HubLike } from './floorFeed';

export interface AgentFeedOptions {
  center: string;
  connect: (retryPolicy: IRetryPolicy) => HubLike;
  dispatch: (transition: (s: AgentDeskState) => AgentDeskState) => AgentDeskState;
  /** a command this user sent (a break request) changed state */
  onCommandResult?: (command: Command) => void;
  now?: () => number;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** the token was refused: sign in again */
  onUnauthorized?: () => void;
}

export class AgentFeed {
  private readonly opts: AgentFeedOptions;
  private readonly now: () => number;
  private readonly setTimer: (f: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private conn: HubLike | null = null;
  private timer: unknown = null;
  private attempts = 0;
  private disposed = false;

  constructor(opts: AgentFeedOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.setTimer = opts.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  start(): void {
    const { center, dispatch } = this.opts;
    dispatch((s) => setAgentConnection(beginAgentJoin(s, center), 'connecting', this.now()));
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
    const fold = (f: (s: AgentDeskState, at: number) => AgentDeskState) => {
      if (!this.disposed) dispatch((s) => f(s, this.now()));
    };
    conn.on('agentSelf', (self: AgentSelf) => fold((s, at) => applyAgentSelf(s, self, at)));
    conn.on('message', (m: AgentMessage) => fold((s, at) => applyAgentMessage(s, m, at)));
    conn.on('notice', (n: AgentNotice) => fold((s, at) => applyAgentNotice(s, n, at)));
    conn.on('breakRequest', (r: BreakRequest) => fold((s, at) => applyAgentBreak(s, r, at)));
    conn.on('commandResult', (c: Command) => {
      if (!this.disposed) this.opts.onCommandResult?.(c);
    });
    conn.onreconnecting(() => fold((s, at) => setAgentConnection(s, 'reconnecting', at)));
    conn.onreconnected(() => {
      if (this.disposed) return;
      fold((s, at) => setAgentConnection(s, 'connected', at));
      void this.join();
    });
    conn.onclose(() => {
      if (this.disposed) return;
      fold((s, at) => setAgentConnection(s, 'disconnected', at));
      this.schedule(() => void this.connect(), RETRY_EVERY_MS);
    });
    void this.connect();
  }

  async stop(): Promise<void> {
    this.disposed = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    try {
      await this.conn?.stop();
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
    if (!conn || this.disposed || conn.state !== HubConnectionState.Disconnected) return;
    try {
      await conn.start();
    } catch (error) {
      if (this.disposed) return;
      if (isUnauthorized(error)) {
        this.opts.onUnauthorized?.();
        return;
      }
      this.opts.dispatch((s) => setAgentConnection(s, this.attempts === 0 && !s.self ? 'connecting' : 'disconnected', this.now()));
      this.schedule(() => void this.connect(), retryDelay(this.attempts++) || 500);
      return;
    }
    if (this.disposed) return;
    this.attempts = 0;
    this.opts.dispatch((s) => setAgentConnection(s, 'connected', this.now()));
    await this.join();
  }

  private async join(): Promise<void> {
    const conn = this.conn;
    if (!conn || this.disposed) return;
    const { center, dispatch } = this.opts;
    dispatch((s) => beginAgentJoin(s, center));
    try {
      await conn.invoke('JoinAgent', center);
    } catch (error) {
      if (this.disposed || conn.state !== HubConnectionState.Connected) return; // the reconnect joins again
      if (isRefusal(error)) {
        dispatch(setAgentNotAllowed);
        return;
      }
      this.schedule(() => void this.join(), 2000);
    }
  }
}
