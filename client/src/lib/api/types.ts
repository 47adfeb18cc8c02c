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

export interface Alert {
  id: string;
  kind: string;
  severity: string;
  center: string;
  agent?: string | null;
  queue?: string | null;
  call?: string | null;
  raisedAt: string;
  state: AlertState;
  by?: string | null;
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

export interface Delta {
  center: string;
  seq: number;
  asOf: string;
  oldestEventTs: string | null;
  newestEventTs: string | null;
  totals: QueueView | null;
  queues: QueueView[];
  agents: AgentView[];
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
