// An agent's own feed over the hub `/hubs/floor`: connects, invokes `JoinAgent(center)` (the
// server takes the agent id from the token's user name), folds `agentSelf`, `message`, `notice` and
// `breakRequest` into the store, joins again after every reconnect, and never gives up.

import type { IRetryPolicy } from '@microsoft/signalr';
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
import { HubSession, type HubLike } from './hubSession';

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
  private readonly session: HubSession;

  constructor(opts: AgentFeedOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    const connection = (state: 'reconnecting' | 'connected' | 'disconnected') => () => this.fold((s, at) => setAgentConnection(s, state, at));
    this.session = new HubSession(
      {
        reconnecting: connection('reconnecting'),
        connected: connection('connected'),
        closed: connection('disconnected'),
        startFailed: (firstTry) => this.opts.dispatch((s) => setAgentConnection(s, firstTry && !s.self ? 'connecting' : 'disconnected', this.now())),
        join: () => this.join(),
        unauthorized: () => this.opts.onUnauthorized?.(),
      },
      opts,
    );
  }

  private fold(f: (s: AgentDeskState, at: number) => AgentDeskState): void {
    if (!this.session.disposed) this.opts.dispatch((s) => f(s, this.now()));
  }

  start(): void {
    const { center, dispatch } = this.opts;
    dispatch((s) => setAgentConnection(beginAgentJoin(s, center), 'connecting', this.now()));
    this.session.open(this.opts.connect, (conn) => {
      conn.on('agentSelf', (self: AgentSelf) => this.fold((s, at) => applyAgentSelf(s, self, at)));
      conn.on('message', (m: AgentMessage) => this.fold((s, at) => applyAgentMessage(s, m, at)));
      conn.on('notice', (n: AgentNotice) => this.fold((s, at) => applyAgentNotice(s, n, at)));
      conn.on('breakRequest', (r: BreakRequest) => this.fold((s, at) => applyAgentBreak(s, r, at)));
      conn.on('commandResult', (c: Command) => {
        if (!this.session.disposed) this.opts.onCommandResult?.(c);
      });
    });
  }

  stop(): Promise<void> {
    return this.session.stop();
  }

  private join(): Promise<void> {
    const { center, dispatch } = this.opts;
    return this.session.join(
      (conn) => {
        dispatch((s) => beginAgentJoin(s, center));
        return conn.invoke('JoinAgent', center);
      },
      () => dispatch(setAgentNotAllowed),
    );
  }
}
