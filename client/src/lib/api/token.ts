// The bearer token: kept in localStorage after sign-in; a `?token=` query parameter (a wallboard
// on a TV) overrides it and is kept in sessionStorage, so only that tab uses it.

const KEY = 'floorwatch.token';

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** Takes `?token=` off the address (so it is not left on screen) and keeps it for this tab. */
export function captureTokenFromUrl(): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  safe(() => window.sessionStorage.setItem(KEY, token), undefined);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function getToken(): string | null {
  const tab = safe(() => window.sessionStorage.getItem(KEY), null);
  if (tab) return tab;
  return safe(() => window.localStorage.getItem(KEY), null);
}

export function setToken(token: string): void {
  safe(() => window.sessionStorage.removeItem(KEY), undefined);
  safe(() => window.localStorage.setItem(KEY, token), undefined);
}

export function clearToken(): void {
  safe(() => window.sessionStorage.removeItem(KEY), undefined);
  safe(() => window.localStorage.removeItem(KEY), undefined);
}

/** The token's JWT payload, or null if unreadable. */
function payloadOf(token: string | null): Record<string, unknown> | null {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const payload: unknown = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The user name in the token (JWT payload `name`/`unique_name`, an authority's `preferred_username`, `sub`), for the header; null if unreadable. */
export function tokenUser(token: string | null): string | null {
  const p = payloadOf(token);
  if (!p) return null;
  for (const k of ['name', 'unique_name', 'preferred_username', 'sub', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name']) {
    const v = p[k];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/**
 * The roles in the token, to choose where a user lands and which links the header offers (the
 * server decides what they may do). The server writes .NET's role claim type; one role is a
 * string, several an array.
 */
export function tokenRoles(token: string | null): string[] {
  const p = payloadOf(token);
  if (!p) return [];
  const roles: string[] = [];
  for (const k of ['role', 'roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role']) {
    const v = p[k];
    if (typeof v === 'string') roles.push(v);
    else if (Array.isArray(v)) roles.push(...v.filter((r): r is string => typeof r === 'string'));
  }
  return roles;
}
