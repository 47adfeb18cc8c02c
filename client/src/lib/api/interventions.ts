// The HTTP side of contract §5: alerts, commands, break requests, the audit log, the agent's own
// view, and who the user is.

import { apiFetch, postJson } from './client';
import type { AgentSelf, Alert, AuditEntry, BreakRequest, Command, CommandRequest, Me } from './types';

const centerPath = (center: string) => `/api/centers/${encodeURIComponent(center)}`;

export const interventionsApi = {
  me: () => apiFetch<Me>('/api/me'),

  /** open = open or acknowledged; newest first */
  alerts: (center: string, state: 'open' | 'all' = 'open') =>
    apiFetch<{ center: string; state: string; alerts: Alert[] }>(`${centerPath(center)}/alerts?state=${state}`).then((r) => r.alerts ?? []),

  acknowledge: (center: string, alertId: string) =>
    postJson<Alert>(`${centerPath(center)}/alerts/${encodeURIComponent(alertId)}/acknowledge`),

  /** Answered 202 with the command's id (for `break.request` also the request's id). */
  send: (center: string, request: CommandRequest) =>
    postJson<{ id: string }>(`${centerPath(center)}/commands`, request).then((r) => r.id),

  command: (center: string, id: string) => apiFetch<Command>(`${centerPath(center)}/commands/${encodeURIComponent(id)}`),

  /** newest first */
  breaks: (center: string, state: 'pending' | 'all' = 'pending') =>
    apiFetch<{ center: string; requests: BreakRequest[] }>(`${centerPath(center)}/breaks?state=${state}`).then((r) => r.requests ?? []),

  /** newest first */
  audit: (center: string) =>
    apiFetch<{ center: string; entries: AuditEntry[] }>(`${centerPath(center)}/audit`).then((r) => r.entries ?? []),

  agentSelf: (center: string, agent: string) =>
    apiFetch<AgentSelf>(`${centerPath(center)}/agents/${encodeURIComponent(agent)}`),
};
