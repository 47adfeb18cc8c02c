import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { serverInfo, token, until } from '../lib/api.js';
import { openPage, requireClient } from '../lib/browser.js';
import { calmSuite } from '../lib/calmSuite.js';
import { CALM, CALM_AGENT } from '../lib/calm.js';
import { readCommand, sendCommand } from '../lib/commands.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { shoot, signIn } from '../lib/shots.js';
import { waitConnected } from '../lib/wallboard.js';

// The duty manager's and the agent's views in Chinese, as pictures for a person to look at, and
// read for translation keys left on screen.
const browser = calmSuite();

/** Text on screen that looks like an i18n key of the client (e.g. `breakState.taken`), which i18next shows when a key is missing. */
async function rawKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return [...text.matchAll(/\b(?:nav|side|breaks|breakState|agentPage|agent|actions|alert|alertKind|audit|command|commandName|state|reason|severity|common|fig|monitor|supervisor|quality)\.[A-Za-z_]+(?:\.[A-Za-z_]+)*/g)].map((m) => m[0]);
}

async function shootChinese(page: Page, name: string): Promise<void> {
  expect(await rawKeys(page), `translation keys on screen in ${name}`).toEqual([]);
  await shoot(page, name);
}

describe('the new views', () => {
  test('an agent scoped to every center signs in, lands on their own page and picks a center there', async () => {
    requireClient();
    await waitForDemoFloor(await token('admin', 'admin-pw'));
    const { page } = await openPage(browser(), 'agent-landing');
    await signIn(page, 'A08', 'agent-pw');
    await page.waitForURL('**/agent', { timeout: 10_000 });

    // The choice lists the centers the agent belongs to (here: every one).
    const choice = page.locator('[data-testid="agent-centers"]');
    await choice.waitFor({ timeout: 10_000 });
    await choice.locator(`[data-testid="agent-center-${DEMO}"]`).waitFor({ timeout: 5_000 });
    await choice.locator(`[data-testid="agent-center-${CALM}"]`).waitFor({ timeout: 5_000 });
    // The header offers the agent's page, not the floor's.
    expect(await page.locator('header nav a[href="/agent"]').count()).toBe(1);
    expect(await page.locator('header nav a[href="/"], header nav a[href="/staffing"], header nav a[href^="/supervisor/"]').count()).toBe(0);
    await shoot(page, 'agent-choose-center');

    await choice.locator(`[data-testid="agent-center-${DEMO}"]`).click();
    await page.waitForURL(`**/agent?center=${DEMO}`, { timeout: 5_000 });
    await page.locator('[data-testid="agent-self"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="agent-self"]').textContent()).toContain('A08');
  });

  test('supervisor side panels, the action drawer and the agent page in Chinese', async () => {
    requireClient();
    const duty = await token('duty', 'duty-pw');
    // One request waiting, so the approval queue has something to show.
    const request = await sendCommand(CALM, { command: 'break.request', agent: 'c3', reason: 'training', minutes: 45 }, duty);
    await until('the request to be filed', async () => (await readCommand(CALM, request, duty)).state === 'done', 10_000);

    const { page } = await openPage(browser(), 'views-zh', { locale: 'zh-CN' });
    await signIn(page, 'duty', 'duty-pw');
    await page.goto(`${serverInfo().baseUrl}/supervisor/${CALM}`);
    await page.locator('[data-testid="supervisor"]').waitFor({ timeout: 15_000 });
    await waitConnected(page, 20_000);
    expect(await page.locator('header').textContent()).toContain('值班经理');

    await page.locator('[data-testid="side-tab-alerts"]').click();
    await page.locator('[data-testid="alert-panel"]').waitFor({ timeout: 5_000 });
    await shootChinese(page, 'zh-supervisor-alerts');

    await page.locator('[data-testid="side-tab-breaks"]').click();
    await page.locator(`[data-testid="break-${request}"][data-state="pending"]`).waitFor({ timeout: 10_000 });
    await shootChinese(page, 'zh-supervisor-breaks');

    await page.locator('[data-testid="side-tab-audit"]').click();
    await page.locator('[data-testid="audit-entry-0"]').waitFor({ timeout: 10_000 });
    await shootChinese(page, 'zh-supervisor-audit');

    await page.locator('[role="row"][data-testid="agent-c4"]').click();
    await page.locator('[data-testid="agent-actions"][data-agent="c4"]').waitFor({ timeout: 5_000 });
    await shootChinese(page, 'zh-supervisor-actions');

    const agent = await openPage(browser(), 'agent-zh', { locale: 'zh-CN' });
    await signIn(agent.page, CALM_AGENT, 'agent-pw');
    await agent.page.goto(`${serverInfo().baseUrl}/agent?center=${CALM}`);
    await agent.page.locator('[data-testid="agent-self"]').waitFor({ timeout: 15_000 });
    await shootChinese(agent.page, 'zh-agent');
  });
});
