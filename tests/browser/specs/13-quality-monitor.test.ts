import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, snapshot, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { readAudit, readCommand } from '../lib/commands.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { shoot, signIn } from '../lib/shots.js';
import { waitConnected } from '../lib/wallboard.js';

// Monitoring a live call of the demo center from the quality view.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('the quality inspector listens in', () => {
  test('listen on a connected call: the outcome is done and audited', async () => {
    requireClient();
    const admin = await token('admin', 'admin-pw');
    await waitForDemoFloor(admin);
    const { page } = await openPage(browser, 'quality-monitor');
    await signIn(page, 'admin', 'admin-pw');
    await page.goto(`${serverInfo().baseUrl}/quality/${DEMO}`);
    await page.locator('[data-testid="quality"]').waitFor({ timeout: 15_000 });
    await waitConnected(page, 20_000);

    // A connected call offers the four modes (a waiting one offers none).
    await page.locator('[data-testid^="monitor-"][data-testid$="-listen"]').first().waitFor({ timeout: 60_000 });
    // The call that connected last, so it is unlikely to end while the test looks at it.
    const call = await page.evaluate(() => {
      let best: { id: string; seconds: number } | null = null;
      for (const row of Array.from(document.querySelectorAll('[role="row"][data-testid^="call-"]'))) {
        if (!row.querySelector('[data-testid$="-listen"]')) continue;
        const seconds = (row.querySelector('[data-testid="call-time"]')?.textContent ?? '').split(':').reduce((a, p) => a * 60 + Number(p), 0);
        const id = row.getAttribute('data-testid')!.slice('call-'.length);
        if (!best || seconds < best.seconds) best = { id, seconds };
      }
      return best!.id;
    });
    await page.locator(`[data-testid="monitor-${call}-listen"]`).click();
    const result = page.locator(`[data-testid="monitor-result-${call}"]`);
    await page.locator(`[data-testid="monitor-result-${call}"][data-state="done"]`).waitFor({ timeout: 10_000 });
    // The call now says who listens in.
    await page.locator(`[role="row"][data-testid="call-${call}"] [data-testid="call-monitored-by"]`, { hasText: 'admin' }).waitFor({ timeout: 10_000 });
    expect((await snapshot(DEMO, admin))?.calls.find((c) => c.call === call)?.monitoredBy).toEqual(['admin']);
    // The state word is on screen whole, not cut off by the column.
    const state = await page.locator(`[data-testid="monitor-result-${call}"]`).evaluate((el) => {
      const word = el.firstChild!;
      const range = document.createRange();
      range.selectNodeContents(word);
      return { word: word.textContent, fits: range.getBoundingClientRect().right <= el.getBoundingClientRect().right + 0.5 };
    });
    expect(state).toEqual({ word: 'Done', fits: true });
    await shoot(page, 'quality-monitor');

    const log = page.locator('[data-testid="monitor-log"] [data-testid^="monitor-log-"][data-state="done"]').first();
    await log.waitFor({ timeout: 5_000 });
    const id = (await log.getAttribute('data-testid'))!.slice('monitor-log-'.length);
    const record = await readCommand(DEMO, id, admin);
    expect(record).toMatchObject({ command: 'call.monitor', state: 'done', by: 'admin' });
    expect(await result.getAttribute('data-state')).toBe('done');
    const audited = (await readAudit(DEMO, admin)).find((e) => e.action === 'call.monitor' && e.target === call);
    expect(audited?.outcome).toMatch(/^done/);
  });
});
