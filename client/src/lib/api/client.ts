import { getToken } from './token';
import type { CenterSummary, ErlangCResult, IntervalsResponse, Snapshot } from './types';

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** The app registers what a 401 does (forget the token, go to sign-in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

export function notifyUnauthorized(): void {
  onUnauthorized?.();
}

/** Reads the server's error text: `{"error": "..."}`, `{"title"/"detail"}`, ProblemDetails `errors`, or plain text. */
export function errorMessage(body: string, status: number): string {
  const text = body.trim();
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        const o = parsed as Record<string, unknown>;
        for (const k of ['error', 'message', 'detail', 'title']) {
          const v = o[k];
          if (typeof v === 'string' && v) return v;
        }
        const errors = o['errors'];
        if (errors && typeof errors === 'object') {
          const parts = Object.entries(errors as Record<string, unknown>).map(([field, v]) =>
            `${field}: ${Array.isArray(v) ? v.join(' ') : String(v)}`,
          );
          if (parts.length) return parts.join('; ');
        }
      }
      if (typeof parsed === 'string') return parsed;
    } catch {
      return text.length > 300 ? `${text.slice(0, 300)}…` : text;
    }
  }
  return `HTTP ${status}`;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    const body = await res.text().catch(() => '');
    if (res.status === 401) notifyUnauthorized();
    throw new ApiError(res.status, errorMessage(body, res.status));
  }
  return (await res.json()) as T;
}

/** POSTs `body` as JSON (or nothing) and reads the JSON answer. */
export function postJson<T>(path: string, body?: unknown): Promise<T> {
  return apiFetch<T>(path, {
    method: 'POST',
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

export async function signIn(user: string, password: string): Promise<string> {
  const res = await fetch('/api/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  if (!res.ok) {
    const body = await res.text().catch(() => '');
    throw new ApiError(res.status, errorMessage(body, res.status));
  }
  const json = (await res.json()) as { token?: unknown };
  if (typeof json.token !== 'string' || !json.token) throw new ApiError(500, 'no token in the answer');
  return json.token;
}

export const api = {
  centers: () => apiFetch<{ centers: CenterSummary[] }>('/api/centers').then((r) => r.centers ?? []),
  snapshot: (center: string) => apiFetch<Snapshot>(`/api/centers/${encodeURIComponent(center)}/snapshot`),
  intervals: (center: string) =>
    apiFetch<IntervalsResponse>(`/api/centers/${encodeURIComponent(center)}/intervals`),
  erlangC: (p: { callsPerHour: string; ahtSeconds: string; thresholdSeconds: string; target: string }) => {
    const q = new URLSearchParams(p);
    return apiFetch<ErlangCResult>(`/api/staffing/erlangc?${q.toString()}`);
  },
};
