// Wire shapes of CONTRACT.md sections 2–5, as the server sends them (camelCase JSON).

export type AgentStateName = 'loggedout' | 'notready' | 'available' | 'ringing' | 'oncall' | 'wrapup';

export const AGENT_STATES: readonly AgentStateName[] = [
  'available',
  'ringing',
  'oncall',
  'wrapup',
  'notready',
  'loggedout',
];

export interface Figures {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  overflowed: number;
  transferredOut: number;
  answeredWithinThreshold: number;
  /** 0..1, null when the denominator is 0 */
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  handled: number;
  ahtSeconds: number | null;
  occupancy: number | null;
}

export interface QueueNow {
  waiting: number;
  longestWaitSeconds: number;
  staffed: number;
  available: number;
  ringing: number;
  onCall: number;
  wrapUp: number;
  notReady: number;
  notReadyByReason: Record<string, number>;
  requiredAgents: number | null;
  estimatedWaitSeconds: number | null;
}

export interface QueueSettings {
  name: string | null;
  slThresholdSeconds: number;
  slTarget: number;
  shortAbandonSeconds: number;
  slFormula: string;
  wrapUpSeconds: number;
}

export interface QueueView {
  id: string;
  name: string | null;
  now: QueueNow;
  interval: Figures;
  today: Figures;
  requiredAgents: number | null;
  settings: QueueSettings | null;
}

export interface AgentView {
  id: string;
  name: string | null;
  state: AgentStateName;
  reason: string | null;
  /** RFC 3339, when the current state started */
  since: string | null;
  seat: string | null;
  queues: string[];
  call: string | null;
  queue: string | null;
  talkSeconds: number | null;
  held: boolean;
  vip: boolean;
  handled: number;
  ahtSeconds: number | null;
  secondsByState: Record<string, number>;
  secondsByReason: Record<string, number>;
  missedOffers: number;
  alerts: unknown[];
}

export interface LiveCall {
  call: string;
  queue: string | null;
  position: number | null;
  waitSeconds: number | null;
  agent: string | null;
  talkSeconds: number | null;
  held: boolean;
  vip: boolean;
  tags: string[];
  monitoredBy: string[];
  /** when the wait (waiting call) or the talk (connected call) began */
  since?: string | null;
}

export type AlertState = 'open' | 'acknowledged' | 'resolved';

export type AlertSeverity = 'warning' | 'critical';

export interface Alert {
  id: string;
  kind: string;
  severity: AlertSeverity;
  center: string;
  agent?: string | null;
  queue?: string | null;
  call?: string | null;
  raisedAt: string;
  state: AlertState;
  /** who acknowledged it */
  by?: string | null;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  escalatedAt?: string | null;
  detail: string | null;
}

export type FeedStatus = 'none' | 'up' | 'down';

export interface Feed {
  status: FeedStatus;
  lastHeardAt: string | null;
  lastEventTs: string | null;
  eventsApplied: number;
  journalSeq: number;
  anomalies: number;
  recentAnomalies: unknown[];
}

export interface Snapshot {
  center: string;
  name: string | null;
  asOf: string;
  /** the last delta seq already folded into this snapshot (hub message; the REST snapshot may lack it) */
  seq?: number;
  totals: QueueView;
  queues: QueueView[];
  agents: AgentView[];
  calls: LiveCall[];
  alerts: Alert[];
  feed: Feed;
}

/** A row of a delta: its id and the fields that changed since the row last sent (all of them the first time). */
export type RowChange<T extends { id: string }> = Pick<T, 'id'> & Partial<T>;

export interface Delta {
  center: string;
  seq: number;
  asOf: string;
  oldestEventTs: string | null;
  newestEventTs: string | null;
  totals: RowChange<QueueView> | null;
  queues: RowChange<QueueView>[];
  agents: RowChange<AgentView>[];
  calls: LiveCall[];
  endedCalls: string[];
  feed: Feed | null;
}

export interface CenterSummary {
  id: string;
  name: string | null;
  asOf: string | null;
  headline: QueueView | null;
}

export interface IntervalRow extends Figures {
  start: string;
  end: string;
}

export interface IntervalsResponse {
  center: string;
  date: string;
  queue: string | null;
  intervals: IntervalRow[];
}

export interface ErlangCResult {
  agents: number;
  serviceLevel: number;
  occupancy: number;
  asaSeconds: number;
  probabilityOfWait: number;
}

// Section 5 and 6: commands, break requests, what the agent sees, the audit log.

export type NotReadyReason = 'away' | 'break' | 'lunch' | 'meeting' | 'training' | 'restroom' | 'coaching';

export const NOT_READY_REASONS: readonly NotReadyReason[] = ['away', 'break', 'lunch', 'meeting', 'training', 'restroom', 'coaching'];

/** The reasons that need a duty manager's approval (contract §5 `approvalRequired`), offered in a break request. */
export const BREAK_REASONS: readonly NotReadyReason[] = ['break', 'lunch', 'meeting', 'training'];

export type MonitorMode = 'listen' | 'whisper' | 'barge' | 'intercept';

export const MONITOR_MODES: readonly MonitorMode[] = ['listen', 'whisper', 'barge', 'intercept'];

/** The body of `POST /api/centers/{c}/commands`. */
export type CommandRequest =
  | { command: 'agent.forceReady'; agent: string }
  | { command: 'agent.forceNotReady'; agent: string; reason: NotReadyReason }
  | { command: 'agent.forceLogout'; agent: string }
  | { command: 'agent.setQueues'; agent: string; queues: string[] }
  | { command: 'agent.message'; agent: string; text: string }
  | { command: 'break.request'; agent: string; reason: NotReadyReason; minutes: number }
  | { command: 'break.approve'; request: string }
  | { command: 'break.deny'; request: string; why: string }
  | { command: 'call.monitor'; call: string; mode: MonitorMode };

export type CommandName = CommandRequest['command'];

export type CommandState = 'pending' | 'done' | 'failed' | 'refused';

export interface Command {
  id: string;
  center: string;
  command: CommandName | string;
  agent?: string | null;
  reason?: string | null;
  queues?: string[] | null;
  text?: string | null;
  call?: string | null;
  mode?: string | null;
  request?: string | null;
  minutes?: number | null;
  why?: string | null;
  by: string;
  at: string;
  state: CommandState;
  /** why it failed or was refused, or what confirmed it */
  outcome?: string | null;
  finishedAt?: string | null;
}

export type BreakState = 'pending' | 'approved' | 'denied' | 'refused' | 'taken' | 'ended';

export interface BreakRequest {
  id: string;
  center: string;
  agent: string;
  reason: string;
  minutes: number;
  requestedBy: string;
  requestedAt: string;
  state: BreakState;
  decidedBy?: string | null;
  decidedAt?: string | null;
  /** why it was denied or refused */
  why?: string | null;
}

export interface AgentMessage {
  at: string;
  from: string;
  text: string;
}

/** To the agent only, at 80 % of a not-ready limit. */
export interface AgentNotice {
  kind: 'notready.overtime' | string;
  detail: string;
  at: string;
  limitSeconds: number;
  /** when the not-ready spell began */
  since: string;
}

/** `GET /api/centers/{c}/agents/{agent}` and the hub's `agentSelf`. */
export interface AgentSelf {
  center: string;
  agent: AgentView;
  breaks: BreakRequest[];
  messages: AgentMessage[];
  notice: AgentNotice | null;
}

export interface AuditEntry {
  at: string;
  user: string;
  center: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  outcome: string;
}

export interface Me {
  user: string;
  roles: string[];
  /** "*" = every center */
  centers: string[];
}
