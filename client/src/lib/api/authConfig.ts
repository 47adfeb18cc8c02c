// Which sign-in the server offers (`GET /api/auth/config`): its own users, an OpenID Connect
// authority, or both.

export interface AuthConfig {
  /** The server signs users in itself (user name and password). */
  local: boolean;
  /** The OpenID Connect authority whose tokens the server takes, if any. */
  authority: string | null;
  /** The pages' client at that authority; without it the pages cannot sign in there. */
  clientId: string | null;
  scope: string | null;
}

/** A configuration whose authority the pages can send a user to. */
export type AuthorityConfig = AuthConfig & { authority: string; clientId: string };

/** The pages can send a user to the authority: it and the pages' client id are both set. */
export function offersAuthority(c: AuthConfig): c is AuthorityConfig {
  return !!c.authority && !!c.clientId;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

/** Reads the configuration; an older server without the endpoint, or an unreadable answer, means local sign-in only. */
export async function loadAuthConfig(): Promise<AuthConfig> {
  const local: AuthConfig = { local: true, authority: null, clientId: null, scope: null };
  try {
    const res = await fetch('/api/auth/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return local;
    const o = (await res.json()) as Record<string, unknown>;
    return { local: o['local'] !== false, authority: text(o['authority']), clientId: text(o['clientId']), scope: text(o['scope']) };
  } catch {
    return local;
  }
}
