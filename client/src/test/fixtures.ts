import type { AgentSelf, AgentView, Alert, BreakRequest, Command, Delta, Figures, LiveCall, QueueView, Snapshot } from '../lib/api/types';

export const T0 = '2026-11-26T10:00:00+00:00';
export const T0_MS = Date.parse(T0);

export function figures(over: Partial<Figures> = {}): Figures {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    overflowed: 0,
    transferredOut: 0,
    answeredWithinThreshold: 0,
    serviceLevel: null,
    asaSeconds: null,
    abandonRate: null,
    handled: 0,
    ahtSeconds: null,
    occupancy: null,
    ...over,
  };
}

export function queue(id: string, over: Partial<QueueView> = {}, now: Partial<QueueView['now']> = {}): QueueView {
  return {
    id,
    name: id,
    now: {
      waiting: 0,
      longestWaitSeconds: 0,
      staffed: 0,
      available: 0,
      ringing: 0,
      onCall: 0,
      wrapUp: 0,
      notReady: 0,
      notReadyByReason: {},
      requiredAgents: 0,
      estimatedWaitSeconds: null,
      ...now,
    },
    interval: figures(),
    today: figures(),
    requiredAgents: 0,
    settings: { name: null, slThresholdSeconds: 20, slTarget: 0.8, shortAbandonSeconds: 5, slFormula: 'abandonsCount', wrapUpSeconds: 0 },
    ...over,
  };
}

export function agent(id: string, over: Partial<AgentView> = {}): AgentView {
  return {
    id,
    name: `Agent ${id}`,
    state: 'available',
    reason: null,
    since: T0,
    seat: `S${id}`,
    queues: ['billing'],
    call: null,
    queue: null,
    talkSeconds: null,
    held: false,
    vip: false,
    handled: 0,
    ahtSeconds: null,
    secondsByState: {},
    secondsByReason: {},
    missedOffers: 0,
    alerts: [],
    ...over,
  };
}

export function call(id: string, over: Partial<LiveCall> = {}): LiveCall {
  return {
    call: id,
    queue: 'billing',
    position: 1,
    waitSeconds: 10,
    agent: null,
    talkSeconds: null,
    held: false,
    vip: false,
    tags: [],
    monitoredBy: [],
    ...over,
  };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    center: 'c1',
    name: 'Center One',
    asOf: T0,
    seq: 10,
    totals: queue('c1'),
    queues: [queue('billing'), queue('sales')],
    agents: [agent('A01'), agent('A02', { state: 'oncall', call: 'C1', queue: 'billing', talkSeconds: 30 })],
    calls: [call('C1', { agent: 'A02', position: null, waitSeconds: null, talkSeconds: 30 }), call('C2')],
    alerts: [],
    feed: {
      status: 'up',
      lastHeardAt: T0,
      lastEventTs: T0,
      eventsApplied: 6,
      journalSeq: 6,
      anomalies: 0,
      recentAnomalies: [],
    },
    ...over,
  };
}

export function delta(seq: number, over: Partial<Delta> = {}): Delta {
  return {
    center: 'c1',
    seq,
    asOf: new Date(T0_MS + (seq - 10) * 200).toISOString(),
    oldestEventTs: null,
    newestEventTs: null,
    totals: null,
    queues: [],
    agents: [],
    calls: [],
    endedCalls: [],
    feed: null,
    ...over,
  };
}

export function alert(id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    kind: 'notready.overtime',
    severity: 'warning',
    center: 'c1',
    agent: 'A01',
    raisedAt: T0,
    state: 'open',
    detail: 'away for 6 minutes',
    ...over,
  };
}

export function command(id: string, over: Partial<Command> = {}): Command {
  return {
    id,
    center: 'c1',
    command: 'agent.forceNotReady',
    agent: 'A01',
    reason: 'coaching',
    by: 'sup',
    at: T0,
    state: 'pending',
    ...over,
  };
}

export function breakRequest(id: string, over: Partial<BreakRequest> = {}): BreakRequest {
  return {
    id,
    center: 'c1',
    agent: 'A01',
    reason: 'break',
    minutes: 15,
    requestedBy: 'A01',
    requestedAt: T0,
    state: 'pending',
    ...over,
  };
}

export function agentSelf(over: Partial<AgentSelf> = {}): AgentSelf {
  return {
    center: 'c1',
    agent: agent('A01'),
    breaks: [],
    messages: [],
    notice: null,
    ...over,
  };
}
