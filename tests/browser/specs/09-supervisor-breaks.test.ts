import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { get, postEvents, rfc3339, serverInfo, token, until } from '../lib/api.js';
import { openPage, requireClient } from '../lib/browser.js';
import { calmSuite } from '../lib/calmSuite.js';
import { CALM, CALM_ALERT_AGENT, CALM_BREAKS_AGENTS } from '../lib/calm.js';
import { readBreaks, readCommand, sendCommand } from '../lib/commands.js';
import { shoot, signIn } from '../lib/shots.js';
import { waitConnected } from '../lib/wallboard.js';

// The duty manager (supervisor role alone) on the quiet center "calm": the approval queue and the
// alert panel.
const browser = calmSuite();

interface AlertRead {
  id: string;
  kind: string;
  agent?: string | null;
  state: string;
  by?: string | null;
}

async function openSupervisor(page: Page, user = 'duty', password = 'duty-pw'): Promise<void> {
  await signIn(page, user, password);
  await page.goto(`${serverInfo().baseUrl}/supervisor/${CALM}`);
  await page.locator('[data-testid="supervisor"]').waitFor({ timeout: 15_000 });
  await waitConnected(page, 20_000);
}

describe('the duty manager steps in', () => {
  test('approves a break from the approval queue; a second one over the quota is refused and says why', async () => {
    requireClient();
    const duty = await token('duty', 'duty-pw');
    const [first, second] = CALM_BREAKS_AGENTS;

    // Two requests, filed by the duty manager for two agents of the same queue (quota: one).
    const firstId = await sendCommand(CALM, { command: 'break.request', agent: first, reason: 'break', minutes: 15 }, duty);
    const secondId = await sendCommand(CALM, { command: 'break.request', agent: second, reason: 'lunch', minutes: 30 }, duty);
    for (const id of [firstId, secondId]) {
      const filed = await until(`request ${id} to be filed`, async () => {
        const c = await readCommand(CALM, id, duty);
        return c.state !== 'pending' ? c : false;
      }, 10_000);
      expect(filed.state, `the request command ${id}: ${filed.outcome}`).toBe('done');
    }

    // A second duty manager's page, open meanwhile, hears of every decision over the hub.
    const other = (await openPage(browser(), 'supervisor-breaks-other')).page;
    await openSupervisor(other, 'admin', 'admin-pw');
    await other.locator('[data-testid="side-tab-breaks"]').click();
    await other.locator(`[data-testid="break-${firstId}"][data-state="pending"]`).waitFor({ timeout: 10_000 });

    const { page } = await openPage(browser(), 'supervisor-breaks');
    await openSupervisor(page);
    await page.locator('[data-testid="side-tab-breaks"]').click();
    const queue = page.locator('[data-testid="break-queue"]');
    await queue.waitFor({ timeout: 10_000 });
    await queue.locator(`[data-testid="break-${firstId}"][data-state="pending"]`).waitFor({ timeout: 10_000 });
    await queue.locator(`[data-testid="break-${secondId}"][data-state="pending"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="side-tab-breaks-count"]').textContent()).toBe('2');
    await shoot(page, 'supervisor-breaks-pending');

    // Approve the first: within the quota.
    await page.locator(`[data-testid="break-approve-${firstId}"]`).click();
    await page.locator(`[data-testid="break-${firstId}"][data-state="approved"]`).waitFor({ timeout: 10_000 });
    await page.locator(`[data-testid="break-result-${firstId}"][data-state="done"]`).waitFor({ timeout: 10_000 });

    // Approve the second: the queue's quota is taken by the first (approved, not yet taken).
    await page.locator(`[data-testid="break-approve-${secondId}"]`).click();
    await page.locator(`[data-testid="break-${secondId}"][data-state="refused"]`).waitFor({ timeout: 10_000 });
    const why = (await page.locator(`[data-testid="break-why-${secondId}"]`).textContent())?.trim() ?? '';
    console.log(`[09] refused, the page says why: ${why}`);
    expect(why).toMatch(/quota|concurren|break/i);
    await page.locator(`[data-testid="break-result-${secondId}"][data-state="refused"]`).waitFor({ timeout: 10_000 });
    await shoot(page, 'supervisor-breaks-decided');

    // A third is denied, with the duty manager's reason.
    const thirdId = await sendCommand(CALM, { command: 'break.request', agent: CALM_BREAKS_AGENTS[2], reason: 'meeting', minutes: 20 }, duty);
    await queue.locator(`[data-testid="break-${thirdId}"][data-state="pending"]`).waitFor({ timeout: 10_000 });
    await page.locator(`[data-testid="break-deny-${thirdId}"]`).click();
    await page.locator(`[data-testid="break-deny-why-${thirdId}"]`).fill('the team meeting moved to tomorrow');
    await page.locator(`[data-testid="break-deny-confirm-${thirdId}"]`).click();
    await page.locator(`[data-testid="break-${thirdId}"][data-state="denied"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator(`[data-testid="break-why-${thirdId}"]`).textContent()).toBe('the team meeting moved to tomorrow');

    for (const [id, state] of [[firstId, 'approved'], [secondId, 'refused'], [thirdId, 'denied']] as const) {
      await other.locator(`[data-testid="break-${id}"][data-state="${state}"]`).waitFor({ timeout: 10_000 });
    }

    // The API agrees.
    const all = await readBreaks(CALM, 'all', duty);
    const byId = new Map(all.map((r) => [r.id, r]));
    expect(byId.get(firstId)).toMatchObject({ agent: first, state: 'approved', decidedBy: 'duty' });
    expect(byId.get(secondId)).toMatchObject({ agent: second, state: 'refused' });
    expect(byId.get(secondId)?.why).toBe(why);
    expect(byId.get(thirdId)).toMatchObject({ state: 'denied', decidedBy: 'duty', why: 'the team meeting moved to tomorrow' });
    const pending = await readBreaks(CALM, 'pending', duty);
    expect(pending.map((r) => r.id)).not.toContain(firstId);
    expect(pending.map((r) => r.id)).not.toContain(secondId);
  });

  test('acknowledges a duplicate-login alert from the alert panel', async () => {
    requireClient();
    const duty = await token('duty', 'duty-pw');
    const { page } = await openPage(browser(), 'supervisor-alert');
    await openSupervisor(page);
    const other = (await openPage(browser(), 'supervisor-alert-other')).page;
    await openSupervisor(other, 'admin', 'admin-pw');
    await page.locator('[data-testid="side-tab-alerts"]').click();
    await page.locator('[data-testid="alert-panel"]').waitFor({ timeout: 10_000 });

    // The same agent id logs in at a second seat: 工号盗用.
    await postEvents([{ id: 'calm-dup-01', ts: rfc3339(Date.now()), center: CALM, type: 'agent.login', agent: CALM_ALERT_AGENT, seat: 'C-999', queues: ['calmx'] }]);
    const alert = await until(
      `a login.duplicate alert for ${CALM_ALERT_AGENT}`,
      async () => {
        const { alerts } = await get<{ alerts: AlertRead[] }>(`/api/centers/${CALM}/alerts`, duty);
        return alerts.find((a) => a.kind === 'login.duplicate' && a.agent === CALM_ALERT_AGENT);
      },
      10_000,
    );
    const row = page.locator(`[data-testid="alert-${alert.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-state')).toBe('open');
    await shoot(page, 'supervisor-alert-open');

    await page.locator(`[data-testid="alert-ack-${alert.id}"]`).click();
    await page.locator(`[data-testid="alert-${alert.id}"][data-state="acknowledged"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator(`[data-testid="alert-ack-${alert.id}"]`).count()).toBe(0);
    expect(await row.textContent()).toContain('duty');
    // The other duty manager's page hears of it over the hub.
    await other.locator(`[data-testid="alert-${alert.id}"][data-state="acknowledged"]`).waitFor({ timeout: 10_000 });

    const after = await until(
      'the API to say acknowledged',
      async () => {
        const { alerts } = await get<{ alerts: AlertRead[] }>(`/api/centers/${CALM}/alerts?state=all`, duty);
        const a = alerts.find((x) => x.id === alert.id);
        return a?.state === 'acknowledged' ? a : false;
      },
      5_000,
    );
    expect(after.by).toBe('duty');
    await shoot(page, 'supervisor-alert-acknowledged');
  });
});
