import { describe, expect, test } from 'vitest';
import { serverInfo, token } from '../lib/api.js';
import { closeBrowser, launchBrowser } from '../lib/browser.js';

// What every other test stands on: the server answers, users sign in, Chromium starts.
describe('harness', () => {
  test('the server is up with the configured users and refuses a wrong password', async () => {
    const { baseUrl } = serverInfo();
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect((await token('admin', 'admin-pw')).split('.')).toHaveLength(3);
    expect((await token('wall', 'wall-pw')).split('.')).toHaveLength(3);
    const bad = await fetch(`${baseUrl}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'wall', password: 'nope' }) });
    expect(bad.status).toBe(401);
  });

  test('headless Chromium starts and reaches the server', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const res = await page.goto(`${serverInfo().baseUrl}/healthz`);
      expect(res?.status()).toBe(200);
    } finally {
      await closeBrowser(browser);
    }
  });
});
