import { get, serverInfo } from './api.js';

export interface CommandRecord {
  id: string;
  command: string;
  agent?: string | null;
  request?: string | null;
  by: string;
  state: 'pending' | 'done' | 'failed' | 'refused';
  outcome?: string | null;
}

export interface BreakRequest {
  id: string;
  agent: string;
  reason: string;
  minutes: number;
  requestedBy: string;
  state: string;
  decidedBy?: string | null;
  why?: string | null;
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

const centerPath = (center: string): string => `/api/centers/${encodeURIComponent(center)}`;

/** POST .../commands; answers the command's id (202), or throws with the server's answer. */
export async function sendCommand(center: string, body: Record<string, unknown>, bearer: string): Promise<string> {
  const res = await fetch(`${serverInfo().baseUrl}${centerPath(center)}/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 202) throw new Error(`POST commands ${JSON.stringify(body)}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { id: string }).id;
}

export function readCommand(center: string, id: string, bearer: string): Promise<CommandRecord> {
  return get<CommandRecord>(`${centerPath(center)}/commands/${encodeURIComponent(id)}`, bearer);
}

export async function readBreaks(center: string, state: 'pending' | 'all', bearer: string): Promise<BreakRequest[]> {
  return (await get<{ requests: BreakRequest[] }>(`${centerPath(center)}/breaks?state=${state}`, bearer)).requests;
}

export async function readAudit(center: string, bearer: string): Promise<AuditEntry[]> {
  return (await get<{ entries: AuditEntry[] }>(`${centerPath(center)}/audit`, bearer)).entries;
}
