import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { waitConnected } from '../lib/wallboard.js';
import { SSO_USER } from '../setup/authority.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('single sign-on through an OpenID Connect authority', () => {
  test('a duty manager sent to sign in comes back from the authority to the supervisor view, with its roles and centers', async () => {
    requireClient();
    await waitForDemoFloor(await token('admin', 'admin-pw'));
    const { page } = await openPage(browser, 'single-sign-on');
    const base = serverInfo().baseUrl;

    // Not signed in: the supervisor view sends the visitor to sign-in, which offers both ways.
    await page.goto(`${base}/supervisor/${DEMO}`);
    const sso = page.locator('[data-testid="signin-authority"]');
    await sso.waitFor({ timeout: 15_000 });
    expect(await page.locator('input[name="password"]').count(), 'local users are still offered').toBe(1);

    // To the authority and back (authorization code with PKCE), then on to where the visitor was going.
    const toAuthority = page.waitForRequest((r) => r.url().startsWith(`${serverInfo().authority}/authorize`), { timeout: 15_000 });
    await sso.click();
    const authorize = new URL((await toAuthority).url());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/signin-callback`);
    await page.waitForURL(`**/supervisor/${DEMO}`, { timeout: 20_000 });
    await page.locator('[data-testid="supervisor"]').waitFor({ timeout: 10_000 });
    await waitConnected(page, 20_000);
    await page.locator('[role="row"][data-testid^="agent-"]').first().waitFor({ timeout: 15_000 });

    // The page holds the authority's access token, which the server took for the hub and the API.
    const held = await page.evaluate(() => window.localStorage.getItem('floorwatch.token'));
    expect(held).not.toBeNull();
    const payload = JSON.parse(Buffer.from(held!.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload['iss']).toBe(serverInfo().authority);
    expect(payload['preferred_username']).toBe(SSO_USER.username);
    expect(await page.locator('.page-header').innerText()).toContain(SSO_USER.name);

    // Its centers claim holds demo only: another center is refused with that very token.
    const other = await fetch(`${base}/api/centers/calm/snapshot`, { headers: { authorization: `Bearer ${held}` } });
    expect(other.status).toBe(403);
    const own = await fetch(`${base}/api/centers/${DEMO}/snapshot`, { headers: { authorization: `Bearer ${held}` } });
    expect(own.status).toBe(200);
  });
});
