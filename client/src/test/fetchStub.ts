import { vi } from 'vitest';

export interface Sent {
  method: string;
  /** path and query */
  url: string;
  body: unknown;
  headers: Headers;
}

export type Reply = { status: number; body?: unknown };
export type Route = (sent: Sent) => Reply;

/**
 * Stubs `fetch` with answers by "METHOD /path?query"; anything else is a 404. Every request is
 * recorded in `sent`. Routes may be changed while a test runs.
 */
export function stubFetch(routes: Record<string, Route | Reply> = {}) {
  const sent: Sent[] = [];
  const table: Record<string, Route | Reply> = { ...routes };
  const fetch = vi.fn((input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const s: Sent = { method, url, body, headers: new Headers(init?.headers) };
    sent.push(s);
    const r = table[`${method} ${url}`];
    const reply: Reply = typeof r === 'function' ? r(s) : (r ?? { status: 404, body: { error: `no route ${method} ${url}` } });
    return Promise.resolve(
      new Response(reply.body === undefined ? '' : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return {
    sent,
    routes: table,
    /** requests other than GETs */
    posts: () => sent.filter((s) => s.method === 'POST'),
  };
}
