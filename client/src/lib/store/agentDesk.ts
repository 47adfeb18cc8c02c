// What an agent sees of themselves (`JoinAgent`): their row, break requests, the supervisor's
// messages and the 80 % notice. Pure transitions, fed by src/lib/hub/agentFeed.ts.

import type { AgentMessage, AgentNotice, AgentSelf, BreakRequest } from '../api/types';
import { parseTs } from '../time/time';
import { isLaterBreak } from './breaks';
import type { ConnectionState } from './floor';

export interface AgentDeskState {
  center: string | null;
  /** joining: JoinAgent invoked, waiting for `agentSelf`; live: it came */
  phase: 'idle' | 'joining' | 'live';
  self: AgentSelf | null;
  connection: ConnectionState;
  /** client ms when the connection was lost; cleared by the next `agentSelf` */
  connectionLostAt: number | null;
  /** client ms of the last message folded in */
  lastUpdateAt: number | null;
  /** JoinAgent was refused */
  notAllowed: boolean;
}

export function initialAgentDesk(center: string | null = null): AgentDeskState {
  return {
    center,
    phase: center ? 'joining' : 'idle',
    self: null,
    connection: 'connecting',
    connectionLostAt: null,
    lastUpdateAt: null,
    notAllowed: false,
  };
}

export function beginAgentJoin(s: AgentDeskState, center: string): AgentDeskState {
  if (s.center !== center) return { ...initialAgentDesk(center), connection: s.connection };
  return { ...s, phase: 'joining', notAllowed: false };
}

export function applyAgentSelf(s: AgentDeskState, self: AgentSelf, at: number): AgentDeskState {
  if (s.center !== null && self.center !== s.center) return s;
  return { ...s, center: self.center, phase: 'live', self, connectionLostAt: null, lastUpdateAt: at, notAllowed: false };
}

function sameMessage(a: AgentMessage, b: AgentMessage): boolean {
  return a.at === b.at && a.from === b.from && a.text === b.text;
}

/** A message from the supervisor; the next `agentSelf` carries it too, so a repeat is dropped. */
export function applyAgentMessage(s: AgentDeskState, m: AgentMessage, at: number): AgentDeskState {
  if (!s.self || s.self.messages.some((x) => sameMessage(x, m))) return s;
  return { ...s, self: { ...s.self, messages: [m, ...s.self.messages] }, lastUpdateAt: at };
}

export function applyAgentNotice(s: AgentDeskState, notice: AgentNotice, at: number): AgentDeskState {
  if (!s.self) return s;
  return { ...s, self: { ...s.self, notice }, lastUpdateAt: at };
}

export function applyAgentBreak(s: AgentDeskState, r: BreakRequest, at: number): AgentDeskState {
  if (!s.self || (r.center && r.center !== s.self.center) || r.agent !== s.self.agent.id) return s;
  const breaks = s.self.breaks;
  const i = breaks.findIndex((b) => b.id === r.id);
  if (i >= 0 && !isLaterBreak(breaks[i], r)) return s;
  const next = i >= 0 ? breaks.map((b, j) => (j === i ? r : b)) : [r, ...breaks];
  return { ...s, self: { ...s.self, breaks: next }, lastUpdateAt: at };
}

export function setAgentConnection(s: AgentDeskState, connection: ConnectionState, at: number): AgentDeskState {
  if (s.connection === connection) return s;
  const lost = connection === 'reconnecting' || connection === 'disconnected';
  return { ...s, connection, connectionLostAt: lost ? (s.connectionLostAt ?? at) : s.connectionLostAt };
}

export function setAgentNotAllowed(s: AgentDeskState): AgentDeskState {
  return { ...s, notAllowed: true };
}

/** Stale while the connection is lost, until the next `agentSelf`. */
export function agentDeskStale(s: AgentDeskState): boolean {
  return s.connection !== 'connected' || s.connectionLostAt !== null;
}

export function messagesNewestFirst(messages: readonly AgentMessage[]): AgentMessage[] {
  return [...messages].sort((a, b) => (parseTs(b.at) ?? 0) - (parseTs(a.at) ?? 0));
}

export function breaksNewestFirst(breaks: readonly BreakRequest[]): BreakRequest[] {
  return [...breaks].sort((a, b) => (parseTs(b.requestedAt) ?? 0) - (parseTs(a.requestedAt) ?? 0));
}

/** The 80 % notice while it still applies: the agent is still in the not-ready spell it was raised for. */
export function currentNotice(self: AgentSelf | null): AgentNotice | null {
  const n = self?.notice ?? null;
  if (!n || !self || self.agent.state !== 'notready') return null;
  const since = parseTs(self.agent.since);
  const noticeSince = parseTs(n.since);
  if (since !== null && noticeSince !== null && since !== noticeSince) return null;
  return n;
}
