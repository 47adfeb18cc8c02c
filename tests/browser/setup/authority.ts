import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

// An OpenID Connect authority for the browser tests: discovery, keys, and the authorization code
// flow with PKCE, as an identity provider serves them. It signs in one user without asking (there
// is no identity provider on this machine to run instead). The server takes its access tokens;
// the pages reach it through oidc-client-ts.

export const CLIENT_ID = 'floorwatch-pages';
export const AUDIENCE = 'floorwatch-api';

/** Who the authority signs in: a duty manager of the demo center. */
export const SSO_USER = { name: 'Li Na', username: 'li.na', roles: ['supervisor'], centers: ['demo'] };

export interface TestAuthority {
  issuer: string;
  close(): Promise<void>;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

function jwt(key: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the authority on a free loopback port; it sends codes only back to `pagesOrigin`. */
export async function startAuthority(pagesOrigin: string): Promise<TestAuthority> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'browser-test-key';
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  let issuer = '';

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...headers });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer || 'http://localhost');
    (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST' });
        return res.end();
      }
      switch (`${req.method} ${url.pathname}`) {
        case 'GET /.well-known/openid-configuration':
          return answer(res, 200, {
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            jwks_uri: `${issuer}/jwks`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
            code_challenge_methods_supported: ['S256'],
          });
        case 'GET /jwks':
          return answer(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
        case 'GET /authorize': {
          const q = url.searchParams;
          const redirectUri = q.get('redirect_uri') ?? '';
          if (q.get('client_id') !== CLIENT_ID || !redirectUri.startsWith(`${pagesOrigin}/`) || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
            return answer(res, 400, { error: 'invalid_request' });
          }
          const code = randomBytes(16).toString('hex');
          codes.set(code, { challenge: q.get('code_challenge')!, redirectUri });
          const back = new URL(redirectUri);
          back.searchParams.set('code', code);
          back.searchParams.set('state', q.get('state') ?? '');
          res.writeHead(302, { location: back.toString() });
          return res.end();
        }
        case 'POST /token': {
          const f = await form(req);
          const grant = codes.get(f.get('code') ?? '');
          codes.delete(f.get('code') ?? '');
          const verified = grant && b64url(createHash('sha256').update(f.get('code_verifier') ?? '').digest()) === grant.challenge;
          if (!verified || f.get('redirect_uri') !== grant.redirectUri || f.get('client_id') !== CLIENT_ID) {
            return answer(res, 400, { error: 'invalid_grant' });
          }
          const now = Math.floor(Date.now() / 1000);
          const common = { iss: issuer, sub: `sub-${SSO_USER.username}`, iat: now, nbf: now, exp: now + 3600 };
          return answer(res, 200, {
            token_type: 'Bearer',
            expires_in: 3600,
            scope: 'openid profile',
            access_token: jwt(privateKey, kid, { ...common, aud: AUDIENCE, name: SSO_USER.name, preferred_username: SSO_USER.username, roles: SSO_USER.roles, centers: SSO_USER.centers }),
            id_token: jwt(privateKey, kid, { ...common, aud: CLIENT_ID, name: SSO_USER.name, preferred_username: SSO_USER.username }),
          }, { 'cache-control': 'no-store' });
        }
        default:
          return answer(res, 404, { error: `no ${req.method} ${url.pathname}` });
      }
    })().catch((e: unknown) => answer(res, 500, { error: e instanceof Error ? e.message : String(e) }));
  });

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test authority has no port');
  issuer = `http://127.0.0.1:${address.port}`;
  return { issuer, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
