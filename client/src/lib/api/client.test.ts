import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, errorMessage, setUnauthorizedHandler, signIn } from './client';
import { captureTokenFromUrl, clearToken, getToken, setToken, tokenRoles, tokenUser } from './token';

function respond(status: number, body: unknown) {
  return vi.fn((_url: string, _init?: RequestInit) =>
    Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
  );
}

describe('api client', () => {
  beforeEach(() => {
    clearToken();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(null);
  });

  it('sends the bearer token', async () => {
    setToken('tok-1');
    const fetch = respond(200, { centers: [] });
    vi.stubGlobal('fetch', fetch);
    await apiFetch('/api/centers');
    const headers = new Headers(fetch.mock.calls[0]![1]!.headers);
    expect(headers.get('Authorization')).toBe('Bearer tok-1');
  });

  it('a 401 calls the sign-in handler; a 403 does not', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal('fetch', respond(401, ''));
    await expect(apiFetch('/api/centers')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    vi.stubGlobal('fetch', respond(403, ''));
    await expect(apiFetch('/api/centers')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('shows the server’s error text naming the field', async () => {
    vi.stubGlobal('fetch', respond(400, { error: 'callsPerHour must be a positive number' }));
    await expect(apiFetch('/api/staffing/erlangc?callsPerHour=-1')).rejects.toThrow('callsPerHour must be a positive number');
    expect(errorMessage('{"errors":{"target":["must be between 0 and 1"]}}', 400)).toBe('target: must be between 0 and 1');
    expect(errorMessage('{"title":"Bad Request"}', 400)).toBe('Bad Request');
    expect(errorMessage('plain words', 500)).toBe('plain words');
    expect(errorMessage('', 502)).toBe('HTTP 502');
  });

  it('signs in', async () => {
    const fetch = respond(200, { token: 'abc' });
    vi.stubGlobal('fetch', fetch);
    expect(await signIn('ana', 'pw')).toBe('abc');
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({ user: 'ana', password: 'pw' });
    vi.stubGlobal('fetch', respond(401, ''));
    await expect(signIn('ana', 'bad')).rejects.toMatchObject({ status: 401 });
  });
});

describe('token', () => {
  beforeEach(() => clearToken());

  it('?token= overrides the stored token for this tab and leaves the address', () => {
    setToken('stored');
    window.history.replaceState(null, '', '/wallboard/c1?token=tv-token&lang=zh-CN');
    captureTokenFromUrl();
    expect(getToken()).toBe('tv-token');
    expect(window.location.pathname + window.location.search).toBe('/wallboard/c1?lang=zh-CN');
    expect(window.localStorage.getItem('floorwatch.token')).toBe('stored');
    clearToken();
    expect(getToken()).toBeNull();
  });

  it('reads the user name from a JWT', () => {
    const payload = btoa(JSON.stringify({ name: 'ana', exp: 1 })).replace(/=+$/, '');
    expect(tokenUser(`x.${payload}.y`)).toBe('ana');
    expect(tokenUser('garbage')).toBeNull();
  });

  it("reads the roles from a JWT as the server writes them: .NET's role claim, one as a string, several as an array", () => {
    const jwt = (payload: object) => `x.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.y`;
    const claim = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
    expect(tokenRoles(jwt({ [claim]: 'agent' }))).toEqual(['agent']);
    expect(tokenRoles(jwt({ [claim]: ['admin', 'supervisor'] }))).toEqual(['admin', 'supervisor']);
    expect(tokenRoles(jwt({ name: 'ana' }))).toEqual([]);
    expect(tokenRoles('garbage')).toEqual([]);
  });
});
