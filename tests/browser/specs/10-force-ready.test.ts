import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverInfo, snapshot, token, until } from '../lib/api.js';
import { closeBrowser, launchBrowser, openPage, requireClient } from '../lib/browser.js';
import { readAudit, readCommand, sendCommand } from '../lib/commands.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { shoot, signIn } from '../lib/shots.js';
import { waitConnected } from '../lib/wallboard.js';

// The live demo center: its switch is on the CTI link and obeys commands.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('the duty manager forces an agent ready', () => {
  test('from the action drawer; the outcome is done, and the audit log has it', async () => {
    requireClient();
    const duty = await token('duty', 'duty-pw');
    const floor = await waitForDemoFloor(duty);

    // An agent who is neither on a call nor ringing (a forced state change would wait for the call),
    // put not ready by the API first, so there is something to make ready.
    const candidate = floor.agents.find((a) => a.state === 'available') ?? floor.agents.find((a) => a.state === 'notready' || a.state === 'wrapup');
    expect(candidate, `an agent of demo who is not on a call: ${JSON.stringify(floor.agents.map((a) => a.state))}`).toBeDefined();
    const agent = candidate!.id;
    const notReadyId = await sendCommand(DEMO, { command: 'agent.forceNotReady', agent, reason: 'coaching' }, duty);
    const notReady = await until(`agent.forceNotReady of ${agent} to end`, async () => {
      const c = await readCommand(DEMO, notReadyId, duty);
      return c.state !== 'pending' ? c : false;
    }, 30_000);
    expect(notReady.state, `agent.forceNotReady of ${agent}: ${notReady.outcome}`).toBe('done');

    const { page } = await openPage(browser, 'force-ready');
    await signIn(page, 'duty', 'duty-pw');
    await page.goto(`${serverInfo().baseUrl}/supervisor/${DEMO}`);
    await page.locator('[data-testid="supervisor"]').waitFor({ timeout: 15_000 });
    await waitConnected(page, 20_000);

    // Find the agent's row (the grid is virtualised: search narrows it to that one).
    await page.locator('[data-testid="filter-state"]').selectOption('notready');
    const row = page.locator(`[role="row"][data-testid="agent-${agent}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    const drawer = page.locator(`[data-testid="agent-actions"][data-agent="${agent}"]`);
    await drawer.waitFor({ timeout: 5_000 });
    await shoot(page, 'supervisor-actions-drawer');

    await drawer.locator('[data-testid="action-force-ready"]').click();
    const result = drawer.locator('[data-testid="action-result"]');
    await drawer.locator('[data-testid="action-result"][data-state="done"]').waitFor({ timeout: 15_000 });
    const commandId = await result.getAttribute('data-command-id');
    expect(commandId).toBeTruthy();
    console.log(`[10] ${agent}: ${await result.textContent()}`);
    await drawer.locator(`[data-testid="agent-command-${commandId}"][data-state="done"]`).waitFor({ timeout: 5_000 });
    // The drawer follows the agent's row: no longer not ready (ready, or already given a call).
    await drawer.locator('.sv-act-who .pill:not(.st-notready)').waitFor({ timeout: 5_000 });
    await shoot(page, 'supervisor-actions-done');

    // The server agrees: the command is done and the agent is ready (or has since taken a call).
    expect((await readCommand(DEMO, commandId!, duty)).state).toBe('done');
    const now = await snapshot(DEMO, duty);
    expect(['available', 'ringing', 'oncall', 'wrapup']).toContain(now?.agents.find((a) => a.id === agent)?.state);

    // The audit log, over the API and in the panel.
    const entry = await until(
      `the audit entry of ${commandId}`,
      async () => (await readAudit(DEMO, duty)).find((e) => e.action === 'agent.forceReady' && e.target === agent && e.user === 'duty'),
      10_000,
    );
    expect(entry.outcome).toMatch(/^done/);
    expect(entry.before).toBe('notready/coaching');

    // The drawer lies over the side panel: close it to reach the audit tab.
    await drawer.locator('[data-testid="actions-close"]').click();
    await drawer.waitFor({ state: 'detached', timeout: 5_000 });
    await page.locator('[data-testid="side-tab-audit"]').click();
    const audit = page.locator('[data-testid="audit-log"]');
    await audit.waitFor({ timeout: 5_000 });
    const shown = audit.locator('[data-testid^="audit-entry-"][data-action="agent.forceReady"]', { hasText: agent });
    await shown.first().waitFor({ timeout: 10_000 });
    expect(await shown.first().textContent()).toMatch(/done/);
    await shoot(page, 'supervisor-audit-log');
  });
});
