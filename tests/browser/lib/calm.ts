import { postEvents, rfc3339, type CtiEvent, type IngestAnswer } from './api.js';

/**
 * The quiet center "calm", fed over HTTP: agents who logged in 75 minutes ago (past the first
 * hour in which no leave is approved), all ready, and no calls, so an approval is judged by the
 * break quota alone. Each queue has five agents, so its quota (20 % of staffed) is one.
 * The ids are fixed: feeding it again from another test file changes nothing.
 */
export const CALM = 'calm';

/** The queue of the approval test: c1…c5. */
export const CALM_BREAKS_QUEUE = 'calmq';
export const CALM_BREAKS_AGENTS = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;

/** The queue of the agent page test: A07 (the agent user) with c6…c9. */
export const CALM_AGENT_QUEUE = 'calma';
export const CALM_AGENT = 'A07';

/** An agent of its own queue, for the duplicate-login alert. */
export const CALM_ALERT_QUEUE = 'calmx';
export const CALM_ALERT_AGENT = 'x1';

export async function seedCalm(): Promise<IngestAnswer> {
  const baseMs = Date.now() - 75 * 60_000;
  let n = 0;
  const ev = (atSeconds: number, type: string, extra: Record<string, unknown>): CtiEvent => ({
    id: `calm-seed-${String(++n).padStart(2, '0')}`,
    ts: rfc3339(baseMs + atSeconds * 1000),
    center: CALM,
    type,
    ...extra,
  });
  const seats: [string, string][] = [
    ...CALM_BREAKS_AGENTS.map((a): [string, string] => [a, CALM_BREAKS_QUEUE]),
    [CALM_AGENT, CALM_AGENT_QUEUE],
    ...['c6', 'c7', 'c8', 'c9'].map((a): [string, string] => [a, CALM_AGENT_QUEUE]),
    [CALM_ALERT_AGENT, CALM_ALERT_QUEUE],
  ];
  const events: CtiEvent[] = [
    ...seats.map(([agent, queue], i) => ev(i * 0.1, 'agent.login', { agent, seat: `C-${String(i + 1).padStart(3, '0')}`, queues: [queue] })),
    ...seats.map(([agent], i) => ev(5 + i * 0.1, 'agent.ready', { agent })),
  ];
  const answer = await postEvents(events);
  if (answer.accepted + answer.duplicates !== events.length) {
    throw new Error(`calm feed: ${events.length} events sent, answer ${JSON.stringify(answer)}`);
  }
  return answer;
}
