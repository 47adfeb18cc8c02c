import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postEvents, rfc3339, serverInfo, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { Heartbeat, PROBE, seedProbe } from '../lib/probe.js';
import { readWallboard, waitConnected } from '../lib/wallboard.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('an event fed over HTTP', () => {
  test('shows on the wallboard within a second of its acknowledgement', async () => {
    requireClient();
    await seedProbe();
    const heartbeat = new Heartbeat(PROBE);
    await heartbeat.start();
    try {
      const wall = await token('wall', 'wall-pw');
      const { page } = await openPage(browser, 'wallboard-probe-latency');
      await page.goto(`${serverInfo().baseUrl}/wallboard/${PROBE}?token=${encodeURIComponent(wall)}`);
      await waitConnected(page, 15_000);
      const tile = page.locator('[data-testid="queue-probeq"] [data-testid="waiting"]');
      await tile.waitFor({ timeout: 10_000 });
      const before = Number((await readWallboard(page)).tiles.probeq!.waiting);
      expect(Number.isInteger(before), 'waiting of probeq is a number').toBe(true);

      // The page stamps the moment its figure goes up (its Date.now(), the same machine clock as
      // this process), so the measure does not depend on how often the test looks.
      await page.evaluate((was) => {
        const w = window as unknown as { __fwRise?: number };
        delete w.__fwRise;
        const tileEl = document.querySelector('[data-testid="queue-probeq"]')!;
        const check = (): boolean => {
          const now = Number(tileEl.querySelector('[data-testid="waiting"]')?.textContent ?? 'NaN');
          if (now > was) {
            w.__fwRise = Date.now();
            return true;
          }
          return false;
        };
        const mo = new MutationObserver(() => {
          if (check()) mo.disconnect();
        });
        mo.observe(tileEl, { subtree: true, childList: true, characterData: true });
      }, before);

      const call = `L${Date.now()}`;
      const sentAt = Date.now();
      const answer = await postEvents([{ id: `latency-${call}`, ts: rfc3339(sentAt), center: PROBE, type: 'call.queued', call, queue: 'probeq', caller: '+8613900000000' }]);
      const ackAt = Date.now();
      expect(answer.accepted).toBe(1);

      await page.waitForFunction(() => (window as unknown as { __fwRise?: number }).__fwRise !== undefined, undefined, { timeout: 5_000, polling: 50 });
      const riseAt = await page.evaluate(() => (window as unknown as { __fwRise: number }).__fwRise);
      const afterAck = riseAt - ackAt;
      const afterSend = riseAt - sentAt;
      console.log(`[03] latency: waiting of probeq went ${before} -> ${before + 1} on screen ${afterAck} ms after the POST was acknowledged (${afterSend} ms after it was sent; the POST itself took ${ackAt - sentAt} ms)`);
      expect(Number((await readWallboard(page)).tiles.probeq!.waiting)).toBe(before + 1);
      expect(afterAck, 'ms from acknowledgement to the figure on screen').toBeLessThanOrEqual(1000);
    } finally {
      heartbeat.stop();
    }
  });
});
