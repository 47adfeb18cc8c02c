import { inject } from 'vitest';
import type { ServerInfo } from '../setup/global.js';

export function serverInfo(): ServerInfo {
  return inject('server');
}

export interface Figures {
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  [k: string]: unknown;
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
  [k: string]: unknown;
}

export interface QueueView {
  id: string;
  name: string | null;
  now: QueueNow;
  interval: Figures;
  today: Figures;
  settings: { slTarget: number; slThresholdSeconds: number; name?: string | null } | null;
}

export interface AgentView {
  id: string;
  state: string;
  reason: string | null;
  since: string | null;
  seat: string | null;
  queues: string[];
}

export interface LiveCall {
  call: string;
  queue: string | null;
  agent: string | null;
  monitoredBy?: string[];
}

export interface Snapshot {
  center: string;
  name: string | null;
  asOf: string;
  seq: number;
  totals: QueueView;
  queues: QueueView[];
  agents: AgentView[];
  calls: LiveCall[];
  alerts: unknown[];
  feed: { status: string };
}

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: { line: number; error: string }[];
}

export interface CtiEvent {
  id: string;
  ts: string;
  center: string;
  type: string;
  [k: string]: unknown;
}

async function readBody(res: Response): Promise<string> {
  return res.text().catch((e: unknown) => `(body unreadable: ${String(e)})`);
}

async function json<T>(res: Response, what: string): Promise<T> {
  const body = await readBody(res);
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${res.statusText}: ${body.slice(0, 500)}`);
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new Error(`${what}: not JSON: ${body.slice(0, 500)}`);
  }
}

export async function token(user: string, password: string): Promise<string> {
  const res = await fetch(`${serverInfo().baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  const { token: t } = await json<{ token: string }>(res, `POST /api/auth/token as ${user}`);
  return t;
}

export async function get<T>(path: string, bearer: string): Promise<T> {
  const res = await fetch(`${serverInfo().baseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  return json<T>(res, `GET ${path}`);
}

/** The snapshot, or null while the center is unknown (404). */
export async function snapshot(center: string, bearer: string): Promise<Snapshot | null> {
  const path = `/api/centers/${encodeURIComponent(center)}/snapshot`;
  const res = await fetch(`${serverInfo().baseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  if (res.status === 404) {
    await readBody(res);
    return null;
  }
  return json<Snapshot>(res, `GET ${path}`);
}

export async function postEvents(events: CtiEvent[]): Promise<IngestAnswer> {
  const info = serverInfo();
  const res = await fetch(`${info.baseUrl}/api/cti/events`, {
    method: 'POST',
    headers: { 'x-api-key': info.ctiKey, 'content-type': 'application/x-ndjson' },
    body: events.map((e) => JSON.stringify(e)).join('\n') + '\n',
  });
  const answer = await json<IngestAnswer>(res, 'POST /api/cti/events');
  if (answer.rejected.length > 0) {
    throw new Error(`POST /api/cti/events rejected lines: ${JSON.stringify(answer.rejected)}`);
  }
  return answer;
}

/** RFC 3339 in UTC with Z, milliseconds kept. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Polls an HTTP-side condition until it yields a value (not undefined/null/false). A condition
 * wait, not a fixed sleep: it returns as soon as the condition holds.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// The server process belongs to the global setup; these ask it to stop and start it again on the
// same ports and data folder.
async function control<T>(method: string, path: string): Promise<T> {
  const res = await fetch(`${serverInfo().controlUrl}${path}`, { method });
  return json<T>(res, `${method} control ${path}`);
}

export function stopServer(): Promise<{ code: number | null; signal: string | null; ms: number; killed: boolean }> {
  return control('POST', '/stop');
}

export function startServer(): Promise<{ ms: number }> {
  return control('POST', '/start');
}

export async function serverTail(): Promise<string> {
  try {
    return (await control<{ tail: string }>('GET', '/log')).tail;
  } catch (e) {
    return `(server log unavailable: ${String(e)})`;
  }
}
