import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { get, serverInfo, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { waitConnected } from '../lib/wallboard.js';

// Screenshots for a person to look at, in artifacts/screenshots/. Each waits for its page to be
// filled in (connected, rows or tiles on screen) so the picture is of a working page.
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = join(serverInfo().artifactsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
});
afterAll(async () => {
  await closeBrowser(browser);
});

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(dir, `${name}.png`);
  // Let the fonts settle so text is not caught half-laid-out.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path, fullPage: false });
  console.log(`[07] ${path}`);
}

/** Signs in as admin through the form at / and waits for the list of centers. */
async function signInForm(page: Page): Promise<void> {
  const form = page.locator('[data-testid="signin-form"]');
  await form.waitFor({ timeout: 15_000 });
  await form.locator('input[name="user"]').fill('admin');
  await form.locator('input[name="password"]').fill('admin-pw');
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached', timeout: 15_000 });
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${serverInfo().baseUrl}/`);
  await signInForm(page);
  await page.locator(`[data-testid="center-${DEMO}"]`).waitFor({ timeout: 15_000 });
}

describe('screenshots', () => {
  test('sign-in page', async () => {
    requireClient();
    const { page } = await openPage(browser, 'shot-signin', { viewport: { width: 1440, height: 900 } });
    await page.goto(`${serverInfo().baseUrl}/`);
    await page.locator('[data-testid="signin-form"]').waitFor({ timeout: 15_000 });
    await shoot(page, 'signin');
  });

  test('centers list after sign-in', async () => {
    requireClient();
    await waitForDemoFloor(await token('admin', 'admin-pw'));
    const { page } = await openPage(browser, 'shot-centers', { viewport: { width: 1440, height: 900 } });
    await signIn(page);
    await shoot(page, 'centers');
  });

  test('wallboard of demo at 1920x1080', async () => {
    requireClient();
    const wall = await token('wall', 'wall-pw');
    await waitForDemoFloor(wall);
    const { page } = await openPage(browser, 'shot-wallboard', { viewport: { width: 1920, height: 1080 } });
    await page.goto(`${serverInfo().baseUrl}/wallboard/${DEMO}?token=${encodeURIComponent(wall)}`);
    await waitConnected(page, 20_000);
    await page.locator('section[data-testid^="queue-"]').first().waitFor({ timeout: 10_000 });
    await shoot(page, 'wallboard-demo-1920x1080');
    // Nothing of the wall display may need scrolling.
    const overflow = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(overflow, 'the wallboard fits 1920×1080 without scrolling').toEqual({ w: 1920, h: 1080 });
  });

  test('supervisor and quality views of demo', async () => {
    requireClient();
    await waitForDemoFloor(await token('admin', 'admin-pw'));
    const { page } = await openPage(browser, 'shot-views', { viewport: { width: 1600, height: 900 } });
    await signIn(page);

    await page.goto(`${serverInfo().baseUrl}/supervisor/${DEMO}`);
    await waitConnected(page, 20_000);
    await page.locator('[role="row"][data-testid^="agent-"]').first().waitFor({ timeout: 15_000 });
    await shoot(page, 'supervisor-demo');

    await page.goto(`${serverInfo().baseUrl}/quality/${DEMO}`);
    await waitConnected(page, 20_000);
    await page.locator('[role="row"][data-testid^="call-"]').first().waitFor({ timeout: 20_000 });
    await shoot(page, 'quality-demo');
  });

  test('staffing calculator', async () => {
    requireClient();
    const { page } = await openPage(browser, 'shot-staffing', { viewport: { width: 1600, height: 900 } });
    await page.goto(`${serverInfo().baseUrl}/`);
    await signInForm(page);
    await page.goto(`${serverInfo().baseUrl}/staffing`);
    await page.locator('[data-testid="staffing-form"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="staffing-form"] button[type="submit"]').click();
    await page.locator('[data-testid="staffing-agents"]').waitFor({ timeout: 10_000 });
    // The form's defaults (300 calls/h, 180 s, 80 % in 20 s), as the API answers them.
    const api = await get<{ agents: number }>('/api/staffing/erlangc?callsPerHour=300&ahtSeconds=180&thresholdSeconds=20&target=0.8', await token('admin', 'admin-pw'));
    expect(await page.locator('[data-testid="staffing-agents"]').textContent()).toBe(String(api.agents));
    await shoot(page, 'staffing');
  });
});
