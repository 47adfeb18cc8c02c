import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, snapshot, token, until, type Snapshot } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { PROBE, PROBE_EXPECTED, PROBE_QUEUES, probeAllToday, seedProbe } from '../lib/probe.js';
import { differences, parseDuration, readWallboard, waitConnected, type WallboardRead } from '../lib/wallboard.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('wallboard of a quiet center fed over HTTP', () => {
  test('every queue of the snapshot API is on screen with the same figures', async () => {
    requireClient();
    const { baseMs } = await seedProbe();
    const wall = await token('wall', 'wall-pw');

    // The API first: it must say what the feed implies (else the page is compared with a wrong figure).
    const api = (await snapshot(PROBE, wall))!;
    expect(api, 'snapshot of probe after the feed was acknowledged').not.toBeNull();
    expect(api.queues.map((q) => q.id).sort()).toEqual([...PROBE_QUEUES].sort());
    if (probeAllToday(baseMs)) {
      for (const id of PROBE_QUEUES) {
        const q = api.queues.find((x) => x.id === id)!;
        const want = PROBE_EXPECTED[id];
        expect(
          { waiting: q.now.waiting, available: q.now.available, onCall: q.now.onCall, wrapUp: q.now.wrapUp, notReady: q.now.notReady, offered: q.today.offered, answered: q.today.answered, abandoned: q.today.abandoned, serviceLevel: q.today.serviceLevel },
          `API figures of ${id} against what the probe feed implies`,
        ).toEqual(want);
      }
    }

    const { page } = await openPage(browser, 'wallboard-probe');
    await page.goto(`${serverInfo().baseUrl}/wallboard/${PROBE}?token=${encodeURIComponent(wall)}`);
    await page.locator('[data-testid="wallboard"]').waitFor({ timeout: 15_000 });
    await waitConnected(page, 15_000);
    for (const id of PROBE_QUEUES) await page.locator(`[data-testid="queue-${id}"]`).waitFor({ timeout: 10_000 });

    // The page and the API are read side by side until they agree (an interval may roll over
    // between two reads); 10 s without agreement fails with the last differences.
    let last: { read: WallboardRead; api: Snapshot; diff: string[] } | undefined;
    try {
      await until(
        'the wallboard to show the API figures of probe',
        async () => {
          const read = await readWallboard(page);
          const now = (await snapshot(PROBE, wall))!;
          const diff = differences(read, now.queues);
          const extra = read.onScreen.filter((id) => !now.queues.some((q) => q.id === id));
          if (extra.length) diff.push(`tiles on screen that the API lacks: ${extra.join(', ')}`);
          last = { read, api: now, diff };
          return diff.length === 0;
        },
        10_000,
        200,
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${last?.diff.join('\n') ?? ''}`);
    }

    // Longest wait ticks on the page from the pushed figure; it must be the API's, give or take the time between the reads.
    const { read, api: now } = last!;
    for (const q of now.queues) {
      const shown = parseDuration(read.tiles[q.id]!.longestWait);
      const apiAtRead = q.now.longestWaitSeconds + (q.now.waiting > 0 ? (read.at - Date.parse(now.asOf)) / 1000 : 0);
      expect(Math.abs(shown - apiAtRead), `${q.id} longest wait: page ${read.tiles[q.id]!.longestWait}, API ${q.now.longestWaitSeconds.toFixed(1)} s at ${now.asOf}`).toBeLessThanOrEqual(2.5);
    }
    console.log(`[01] probe on screen: ${JSON.stringify(read.tiles)}`);
  });
});
