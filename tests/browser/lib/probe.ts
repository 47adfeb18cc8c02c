import { postEvents, rfc3339, type CtiEvent, type IngestAnswer } from './api.js';

/**
 * The quiet center "probe", fed over HTTP: two queues, four agents, five calls, all with `ts` in
 * the last 100 seconds. The ids are fixed, so feeding it again from another test file changes
 * nothing (duplicates).
 */
export const PROBE = 'probe';
export const PROBE_QUEUES = ['probeq', 'probeb'] as const;

/** What the feed implies for today (all events land today unless the run straddles midnight UTC). */
export const PROBE_EXPECTED: Record<(typeof PROBE_QUEUES)[number], { waiting: number; available: number; onCall: number; wrapUp: number; notReady: number; offered: number; answered: number; abandoned: number; serviceLevel: number | null }> = {
  // P2 answered after 6 s (within 20 s), P4 abandoned after 30 s, P5 waits: SL 1 / (1 + 1) = 50 %.
  probeq: { waiting: 1, available: 1, onCall: 1, wrapUp: 1, notReady: 0, offered: 3, answered: 1, abandoned: 1, serviceLevel: 0.5 },
  // P1 answered after 26 s (over 20 s), P3 waits: SL 0 / 1 = 0 %.
  probeb: { waiting: 1, available: 1, onCall: 0, wrapUp: 1, notReady: 1, offered: 2, answered: 1, abandoned: 0, serviceLevel: 0 },
};

let seededAt: number | undefined;

export async function seedProbe(): Promise<{ answer: IngestAnswer; baseMs: number }> {
  const baseMs = Date.now() - 100_000;
  seededAt ??= baseMs;
  const ev = (n: number, atSeconds: number, type: string, extra: Record<string, unknown>): CtiEvent => ({
    id: `probe-seed-${String(n).padStart(2, '0')}`,
    ts: rfc3339(baseMs + atSeconds * 1000),
    center: PROBE,
    type,
    ...extra,
  });
  let n = 0;
  const events: CtiEvent[] = [
    ev(++n, 0.0, 'agent.login', { agent: 'p1', seat: 'S-101', queues: ['probeq', 'probeb'], name: 'Li Na' }),
    ev(++n, 0.1, 'agent.login', { agent: 'p2', seat: 'S-102', queues: ['probeq'], name: 'Wang Wei' }),
    ev(++n, 0.2, 'agent.login', { agent: 'p3', seat: 'S-103', queues: ['probeb'], name: 'Zhang Min' }),
    ev(++n, 0.3, 'agent.login', { agent: 'p4', seat: 'S-104', queues: ['probeq', 'probeb'], name: 'Chen Jie' }),
    ev(++n, 1.0, 'agent.ready', { agent: 'p1' }),
    ev(++n, 1.1, 'agent.ready', { agent: 'p2' }),
    ev(++n, 1.2, 'agent.ready', { agent: 'p3' }),
    ev(++n, 1.3, 'agent.ready', { agent: 'p4' }),
    ev(++n, 2, 'call.queued', { call: 'P1', queue: 'probeb', caller: '+8613800000001' }),
    ev(++n, 10, 'call.queued', { call: 'P2', queue: 'probeq', caller: '+8613800000002' }),
    ev(++n, 15, 'call.ringing', { call: 'P2', agent: 'p2' }),
    ev(++n, 16, 'call.answered', { call: 'P2', agent: 'p2' }),
    ev(++n, 20, 'call.queued', { call: 'P4', queue: 'probeq', caller: '+8613800000004' }),
    ev(++n, 27, 'call.ringing', { call: 'P1', agent: 'p1' }),
    ev(++n, 28, 'call.answered', { call: 'P1', agent: 'p1' }),
    ev(++n, 50, 'call.abandoned', { call: 'P4' }),
    ev(++n, 60, 'call.ended', { call: 'P1' }),
    ev(++n, 70, 'agent.notready', { agent: 'p3', reason: 'break' }),
    ev(++n, 80, 'call.queued', { call: 'P3', queue: 'probeb', caller: '+8613800000003' }),
    ev(++n, 90, 'call.queued', { call: 'P5', queue: 'probeq', caller: '+8613800000005', vip: true }),
  ];
  const answer = await postEvents(events);
  if (answer.accepted + answer.duplicates !== events.length) {
    throw new Error(`probe feed: ${events.length} events sent, answer ${JSON.stringify(answer)}`);
  }
  return { answer, baseMs: seededAt };
}

/** True when every seeded event lies in today's business day (UTC, the default time zone). */
export function probeAllToday(baseMs: number, nowMs = Date.now()): boolean {
  const midnight = new Date(nowMs);
  midnight.setUTCHours(0, 0, 0, 0);
  return baseMs >= midnight.getTime();
}

/**
 * `switch.heartbeat` for a center every 2 s over HTTP, so the switch does not look silent
 * (feedSilenceSeconds, 15 s) and the page does not turn stale for that reason. Failed posts
 * (the server being restarted) are counted, not thrown.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private n = 0;
  failures = 0;
  sent = 0;

  constructor(private readonly center: string) {}

  async beat(): Promise<void> {
    try {
      await postEvents([{ id: `hb-${this.center}-${process.pid}-${Date.now()}-${++this.n}`, ts: rfc3339(Date.now()), center: this.center, type: 'switch.heartbeat' }]);
      this.sent += 1;
    } catch {
      this.failures += 1;
    }
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), 2_000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
