import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, snapshot, token } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { agreeAtSameSeq, pageSeq } from '../lib/seq.js';
import { AGENT_STATES, readAgents, readCalls, shownOfTotal } from '../lib/views.js';
import { waitConnected } from '../lib/wallboard.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('sign-in, supervisor and quality views', () => {
  test('admin signs in through the form, sees the centers, filters the demo agents by state, and sees live calls', async () => {
    requireClient();
    const admin = await token('admin', 'admin-pw');
    await waitForDemoFloor(admin);
    const { page } = await openPage(browser, 'signin-supervisor-quality');

    // Sign in through the form.
    await page.goto(`${serverInfo().baseUrl}/`);
    const form = page.locator('[data-testid="signin-form"]');
    await form.waitFor({ timeout: 15_000 });
    await form.locator('input[name="user"]').fill('admin');
    await form.locator('input[name="password"]').fill('admin-pw');
    await form.locator('button[type="submit"]').click();

    // The list of centers, demo among them.
    const demoCard = page.locator(`[data-testid="center-${DEMO}"]`);
    await demoCard.waitFor({ timeout: 15_000 });
    const centers = await page.locator('[data-testid^="center-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('center-'.length)));
    console.log(`[06] centers listed after sign-in: ${centers.join(', ')}`);
    expect(centers).toContain(DEMO);

    // Follow the card's link to the supervisor view.
    await demoCard.locator(`a[href="/supervisor/${DEMO}"]`).click();
    await page.waitForURL(`**/supervisor/${DEMO}`, { timeout: 10_000 });
    await page.locator('[data-testid="supervisor"]').waitFor({ timeout: 10_000 });
    await waitConnected(page, 20_000);
    await page.locator('[role="row"][data-testid^="agent-"]').first().waitFor({ timeout: 15_000 });

    // Rows carry states, and at the same seq they are the API's (default filter: logged in).
    const agreed = await agreeAtSameSeq(page, DEMO, admin, readAgents, (read, api) => {
      const diff: string[] = [];
      const byId = new Map(api.agents.map((a) => [a.id, a]));
      for (const [id, state] of Object.entries(read.rows)) {
        if (!(AGENT_STATES as readonly string[]).includes(state)) diff.push(`${id}: unknown state ${state}`);
        const a = byId.get(id);
        if (!a) diff.push(`${id}: on screen, not in the API`);
        else if (a.state !== state) diff.push(`${id}: page ${state}, API ${a.state}`);
        if (state === 'loggedout') diff.push(`${id}: logged out, shown under the default filter (logged in)`);
      }
      const loggedIn = api.agents.filter((a) => a.state !== 'loggedout').length;
      const count = shownOfTotal(read.countText);
      if (!count || count.shown !== loggedIn) diff.push(`count "${read.countText}": API has ${loggedIn} agents logged in`);
      if (Object.keys(read.rows).length === 0) diff.push('no agent rows');
      return diff;
    });
    console.log(`[06] supervisor: ${Object.keys(agreed.read.rows).length} rows in view, "${agreed.read.countText}", at seq ${agreed.api.seq}`);

    // Filter by the state most agents are in now.
    const tally = new Map<string, number>();
    for (const a of agreed.api.agents) if (a.state !== 'loggedout') tally.set(a.state, (tally.get(a.state) ?? 0) + 1);
    const [state] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]!;
    await page.locator('[data-testid="filter-state"]').selectOption(state);
    await page.waitForFunction(
      (s) => {
        const rows = Array.from(document.querySelectorAll('[role="row"][data-testid^="agent-"]'));
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-state') === s);
      },
      state,
      { timeout: 10_000 },
    );
    // And it stays so while the floor moves: three more deltas, each rendering only that state.
    for (let i = 0; i < 3; i++) {
      const seq = (await pageSeq(page)) ?? -1;
      await page.waitForFunction((n) => Number(document.querySelector('[data-seq]')?.getAttribute('data-seq') || '-1') > n, seq, { timeout: 10_000 });
      const read = await readAgents(page);
      const others = Object.entries(read.rows).filter(([, s]) => s !== state);
      expect(others, `rows not "${state}" under that filter at seq ${read.seq}`).toEqual([]);
    }
    const filtered = await agreeAtSameSeq(page, DEMO, admin, readAgents, (read, api) => {
      const want = api.agents.filter((a) => a.state === state).length;
      const count = shownOfTotal(read.countText);
      return count && count.shown === want ? [] : [`count "${read.countText}": API has ${want} agents ${state}`];
    });
    console.log(`[06] filter state=${state}: "${filtered.read.countText}"`);

    // Quality view of demo, through the header's link.
    await page.locator(`header a[href="/quality/${DEMO}"]`).click();
    await page.waitForURL(`**/quality/${DEMO}`, { timeout: 10_000 });
    await page.locator('[data-testid="quality"]').waitFor({ timeout: 10_000 });
    await waitConnected(page, 20_000);
    await page.locator('[role="row"][data-testid^="call-"]').first().waitFor({ timeout: 20_000 });
    const calls = await agreeAtSameSeq(page, DEMO, admin, readCalls, (read, api) => {
      const diff: string[] = [];
      const ids = new Set(api.calls.map((c) => c.call));
      for (const id of Object.keys(read.rows)) if (!ids.has(id)) diff.push(`call ${id}: on screen, not live in the API`);
      const count = shownOfTotal(read.countText);
      if (!count || count.total !== api.calls.length) diff.push(`count "${read.countText}": API has ${api.calls.length} live calls`);
      if (Object.keys(read.rows).length === 0) diff.push('no call rows');
      return diff;
    });
    console.log(`[06] quality: ${Object.keys(calls.read.rows).length} call rows in view, "${calls.read.countText}", at seq ${calls.api.seq}`);

    // Every live call shows its wait or talk time, calls that began after the page opened too:
    // wait for three more deltas and look again.
    for (let i = 0; i < 3; i++) {
      const seq = (await pageSeq(page)) ?? -1;
      await page.waitForFunction((n) => Number(document.querySelector('[data-seq]')?.getAttribute('data-seq') || '-1') > n, seq, { timeout: 15_000 });
    }
    const later = await readCalls(page);
    const untimed = Object.entries(later.times ?? {}).filter(([, text]) => !/^\d+:\d\d(:\d\d)?$/.test(text));
    expect(untimed, `calls shown without a wait/talk time at seq ${later.seq} (API at about that time: ${JSON.stringify((await snapshot(DEMO, admin))?.calls.filter((c) => untimed.some(([id]) => id === c.call)))})`).toEqual([]);
  });
});
