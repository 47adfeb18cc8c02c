import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AuthorityConfig } from '../../lib/api/authConfig';

// Sign-in through the OpenID Connect authority: the authorization code flow with PKCE, done by
// oidc-client-ts. The authority must know `<origin>/signin-callback` as a redirect address of the
// pages' client.

export const CALLBACK_PATH = '/signin-callback';

function manager(config: AuthorityConfig): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: window.location.origin + CALLBACK_PATH,
    response_type: 'code',
    scope: config.scope ?? 'openid profile',
    // Only the access token is kept, as the local one is; the library's own copy of the user is dropped after.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Leaves for the authority's sign-in page; `next` is where to come back to afterwards. */
export function startAuthoritySignIn(config: AuthorityConfig, next: string | null): Promise<void> {
  return manager(config).signinRedirect({ state: { next } });
}

/** On the way back: the access token, and where the sign-in started from. Throws when the authority refused or the answer is not this sign-in's. */
export async function finishAuthoritySignIn(config: AuthorityConfig): Promise<{ token: string; next: string | null }> {
  const m = manager(config);
  const user = await m.signinRedirectCallback();
  await m.removeUser();
  const state = user.state as { next?: unknown } | undefined;
  return { token: user.access_token, next: typeof state?.next === 'string' ? state.next : null };
}
