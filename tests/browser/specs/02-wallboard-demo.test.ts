import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { agreeAtSameSeq } from '../lib/seq.js';
import { differences, readWallboard, waitConnected } from '../lib/wallboard.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('wallboard of the live demo center', () => {
  test('every queue of the API is on screen, with the API figures at the same seq', async () => {
    requireClient();
    const wall = await token('wall', 'wall-pw');
    const floor = await waitForDemoFloor(wall);
    console.log(`[02] demo floor: ${floor.queues.length} queues (${floor.queues.map((q) => q.id).join(', ')}), ${floor.agents.filter((a) => a.state !== 'loggedout').length} agents logged in, seq ${floor.seq}`);

    const { page } = await openPage(browser, 'wallboard-demo');
    await page.goto(`${serverInfo().baseUrl}/wallboard/${DEMO}?token=${encodeURIComponent(wall)}`);
    await waitConnected(page, 20_000);
    for (const q of floor.queues) await page.locator(`[data-testid="queue-${q.id}"]`).waitFor({ timeout: 10_000 });

    const agreed = await agreeAtSameSeq(page, DEMO, wall, readWallboard, (read, api) => {
      const diff = differences(read, api.queues);
      const extra = read.onScreen.filter((id) => !api.queues.some((q) => q.id === id));
      if (extra.length) diff.push(`tiles on screen that the API lacks: ${extra.join(', ')}`);
      return diff;
    });
    if (agreed.tries.length) console.log(`[02] attempts before agreement:\n  ${agreed.tries.join('\n  ')}`);
    expect([...agreed.read.onScreen].sort()).toEqual(agreed.api.queues.map((q) => q.id).sort());
    console.log(`[02] agreed at seq ${agreed.api.seq} on attempt ${agreed.attempt}: ${JSON.stringify(agreed.read.tiles)}`);
  });
});
