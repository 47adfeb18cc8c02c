import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { readWallboard, waitConnected } from '../lib/wallboard.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('a TV display opened with ?token=', () => {
  test('shows the demo wallboard in a fresh browser context without signing in', async () => {
    requireClient();
    const wall = await token('wall', 'wall-pw');
    const floor = await waitForDemoFloor(wall);
    // openPage makes a new context: no cookies, no storage, nobody signed in.
    const { page } = await openPage(browser, 'display-token', { viewport: { width: 1920, height: 1080 } });
    await page.goto(`${serverInfo().baseUrl}/wallboard/${DEMO}?token=${encodeURIComponent(wall)}`);
    await waitConnected(page, 20_000);
    for (const q of floor.queues) await page.locator(`[data-testid="queue-${q.id}"]`).waitFor({ timeout: 10_000 });
    const read = await readWallboard(page);
    expect(read.onScreen.sort()).toEqual(floor.queues.map((q) => q.id).sort());
    expect(await page.locator('[data-testid="totals"]').count()).toBe(1);
    expect(await page.locator('input[type="password"]').count(), 'no sign-in form on a display').toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/wallboard/${DEMO}`);
  });
});
