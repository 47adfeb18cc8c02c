import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, snapshot, startServer, stopServer, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { Heartbeat, PROBE, PROBE_QUEUES, seedProbe } from '../lib/probe.js';
import { differences, readWallboard, waitConnected, type TileFigures } from '../lib/wallboard.js';

// Last in the run (files run in name order): it stops the shared server and starts it again.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

function figuresOnly(tiles: Record<string, TileFigures & { longestWait: string }>): Record<string, TileFigures> {
  // Longest wait ticks with the clock, so it is left out of "the same figures".
  return Object.fromEntries(Object.entries(tiles).map(([id, { longestWait: _ticking, ...rest }]) => [id, rest]));
}

describe('recovery from a server restart', () => {
  test('the open wallboard goes stale while the server is down and recovers by itself with the same figures', async () => {
    requireClient();
    await seedProbe();
    const heartbeat = new Heartbeat(PROBE);
    await heartbeat.start();
    let serverDown = false;
    try {
      const wall = await token('wall', 'wall-pw');
      const { page } = await openPage(browser, 'wallboard-probe-recovery');
      await page.goto(`${serverInfo().baseUrl}/wallboard/${PROBE}?token=${encodeURIComponent(wall)}`);
      await waitConnected(page, 15_000);
      for (const id of PROBE_QUEUES) await page.locator(`[data-testid="queue-${id}"]`).waitFor({ timeout: 10_000 });
      const apiBefore = (await snapshot(PROBE, wall))!;
      await page.waitForFunction((n) => Number(document.querySelector('[data-seq]')?.getAttribute('data-seq') ?? '-1') >= n, apiBefore.seq, { timeout: 5_000 });
      const before = await readWallboard(page);
      expect(differences(before, apiBefore.queues), 'page agrees with the API before the restart').toEqual([]);
      // A page that reloads itself loses this mark.
      await page.evaluate(() => ((window as unknown as { __fwMark?: string }).__fwMark = 'same document'));
      const navigations: string[] = [];
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) navigations.push(f.url());
      });

      heartbeat.stop();
      const stopped = await stopServer();
      serverDown = true;
      console.log(`[08] server stopped by SIGTERM in ${stopped.ms} ms (exit code ${stopped.code}, signal ${stopped.signal}${stopped.killed ? '; it did not exit and was KILLED' : ''})`);
      expect(stopped.killed, 'the server exits on SIGTERM').toBe(false);

      const downAt = Date.now();
      await page.waitForFunction(
        () => {
          const c = document.querySelector('[data-testid="connection"]');
          return c !== null && c.getAttribute('data-state') !== 'connected' && c.getAttribute('data-stale') === 'true';
        },
        undefined,
        { timeout: 20_000, polling: 100 },
      );
      const whileDown = await readWallboard(page);
      console.log(`[08] page shows state=${whileDown.state} stale=${whileDown.stale} ${Date.now() - downAt} ms after the exit`);
      expect(whileDown.state).not.toBe('connected');
      expect(whileDown.stale).toBe('true');

      const started = await startServer();
      serverDown = false;
      await heartbeat.start();
      const upAt = Date.now();
      console.log(`[08] server started again on the same ports and data in ${started.ms} ms`);

      await waitConnected(page, 45_000);
      console.log(`[08] page connected and not stale ${Date.now() - upAt} ms after the server was up again`);
      const apiAfter = (await snapshot(PROBE, wall))!;
      // The replayed journal gives the same floor; the page shows it without being reloaded.
      await page.waitForFunction(
        (ids) => ids.every((id) => document.querySelector(`[data-testid="queue-${id}"] [data-testid="waiting"]`)),
        [...PROBE_QUEUES],
        { timeout: 10_000 },
      );
      const after = await readWallboard(page);
      const wasShown = figuresOnly(before.tiles);
      const nowShown = figuresOnly(after.tiles);
      const interval = (ms: number): number => Math.floor(ms / 900_000);
      if (interval(before.at) !== interval(after.at)) {
        // A new 15-minute interval began meanwhile: its service level starts afresh.
        console.log('[08] a new interval began during the restart: the interval SL is left out of before/after');
        for (const f of [...Object.values(wasShown), ...Object.values(nowShown)]) f.sl = '(new interval)';
      }
      expect(nowShown, 'figures after the restart, against before').toEqual(wasShown);
      expect(differences(after, apiAfter.queues), 'page agrees with the API after the restart').toEqual([]);
      const mark = await page.evaluate(() => (window as unknown as { __fwMark?: string }).__fwMark ?? null);
      expect(mark, 'the page recovered in the same document (no reload)').toBe('same document');
      expect(navigations, 'no navigation during the recovery').toEqual([]);
    } finally {
      heartbeat.stop();
      if (serverDown) {
        // Leave the server running for whatever runs next, whatever failed here.
        await startServer().catch((e: unknown) => console.error(`[08] could not start the server again: ${String(e)}`));
      }
    }
  });
});
