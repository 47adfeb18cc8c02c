import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { get, postEvents, rfc3339, serverInfo, token, until } from '../lib/api.js';
import { openPage, requireClient } from '../lib/browser.js';
import { calmSuite } from '../lib/calmSuite.js';
import { CALM, CALM_AGENT } from '../lib/calm.js';
import { readBreaks, readCommand, sendCommand, type CommandRecord } from '../lib/commands.js';
import { DEMO, waitForDemoFloor } from '../lib/demo.js';
import { shoot, signIn } from '../lib/shots.js';

// The agent user A07 (their user name is their agent id), in "calm" (fed over HTTP) and in the
// live demo center.
const browser = calmSuite();

async function finished(center: string, id: string, bearer: string): Promise<CommandRecord> {
  return until(`command ${id} to end`, async () => {
    const c = await readCommand(center, id, bearer);
    return c.state !== 'pending' ? c : false;
  }, 20_000);
}

async function waitAgentPage(page: Page, center: string): Promise<void> {
  await page.locator(`[data-testid="agent-page"][data-center="${center}"]`).waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="agent-self"]').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === 'connected', undefined, { timeout: 15_000 });
}

describe('the agent page', () => {
  test('an agent files a break request and sees the duty manager approve it', async () => {
    requireClient();
    const duty = await token('duty', 'duty-pw');
    const { page } = await openPage(browser(), 'agent-break');
    await signIn(page, CALM_AGENT, 'agent-pw');
    await page.goto(`${serverInfo().baseUrl}/agent?center=${CALM}`);
    await waitAgentPage(page, CALM);
    expect(await page.locator('[data-testid="agent-state"]').getAttribute('data-state')).toBe('available');

    // The form: a 20-minute break.
    await page.locator('[data-testid="break-reason"]').selectOption('break');
    await page.locator('[data-testid="break-minutes"]').fill('20');
    await page.locator('[data-testid="break-submit"]').click();
    const result = page.locator('[data-testid="break-form-result"]');
    await page.locator('[data-testid="break-form-result"][data-state="done"]').waitFor({ timeout: 10_000 });
    const requestId = (await result.getAttribute('data-command-id'))!;
    expect(requestId).toBeTruthy();
    const said = (await page.locator('[data-testid="break-form-result-text"]').textContent()) ?? '';
    expect(said).toContain('waits for a duty manager');
    expect(said, 'the agent reads the outcome: no command id in it').not.toContain(requestId);
    const mine = page.locator(`[data-testid="agent-break-${requestId}"]`);
    await page.locator(`[data-testid="agent-break-${requestId}"][data-state="pending"]`).waitFor({ timeout: 10_000 });
    await shoot(page, 'agent-break-pending');

    const filed = (await readBreaks(CALM, 'pending', duty)).find((r) => r.id === requestId);
    expect(filed).toMatchObject({ agent: CALM_AGENT, reason: 'break', minutes: 20, requestedBy: CALM_AGENT, state: 'pending' });

    // The duty manager approves; the page hears of it over the hub.
    const approve = await finished(CALM, await sendCommand(CALM, { command: 'break.approve', request: requestId }, duty), duty);
    expect(approve.state, `break.approve: ${approve.outcome}`).toBe('done');
    await page.locator(`[data-testid="agent-break-${requestId}"][data-state="approved"]`).waitFor({ timeout: 10_000 });
    expect(await mine.textContent()).toContain('duty');
    // "waits for a duty manager" is gone from the form once answered.
    expect(await page.locator('[data-testid="break-form-result"]').count()).toBe(0);
    await shoot(page, 'agent-break-approved');

    // The agent goes on the break at the phone (the switch says so): the request is taken, then ended.
    await postEvents([{ id: `calm-a07-break-${requestId}`, ts: rfc3339(Date.now()), center: CALM, type: 'agent.notready', agent: CALM_AGENT, reason: 'break' }]);
    await page.locator('[data-testid="agent-state"][data-state="notready"]').waitFor({ timeout: 10_000 });
    await page.locator(`[data-testid="agent-break-${requestId}"][data-state="taken"]`).waitFor({ timeout: 10_000 });
    await shoot(page, 'agent-break-taken');
    await postEvents([{ id: `calm-a07-back-${requestId}`, ts: rfc3339(Date.now()), center: CALM, type: 'agent.ready', agent: CALM_AGENT }]);
    await page.locator('[data-testid="agent-state"][data-state="available"]').waitFor({ timeout: 10_000 });
    await page.locator(`[data-testid="agent-break-${requestId}"][data-state="ended"]`).waitFor({ timeout: 10_000 });
    expect((await readBreaks(CALM, 'all', duty)).find((r) => r.id === requestId)?.state).toBe('ended');
  });

  test('an agent of the live center sees their state, a message from the duty manager, and new queues', async () => {
    requireClient();
    const duty = await token('duty', 'duty-pw');
    await waitForDemoFloor(duty);
    const { page } = await openPage(browser(), 'agent-demo');
    await signIn(page, CALM_AGENT, 'agent-pw');
    await page.goto(`${serverInfo().baseUrl}/agent?center=${DEMO}`);
    await waitAgentPage(page, DEMO);

    // The state on the page is the API's.
    const own = await token(CALM_AGENT, 'agent-pw');
    await until(
      'the agent page to show the state the API has',
      async () => {
        const api = await get<{ agent: { state: string } }>(`/api/centers/${DEMO}/agents/${CALM_AGENT}`, own);
        return (await page.locator('[data-testid="agent-state"]').getAttribute('data-state')) === api.agent.state;
      },
      10_000,
    );

    // The duty manager sends a message; it shows on the page.
    const text = `Please see the team lead at 3 (${Date.now()})`;
    const sent = await finished(DEMO, await sendCommand(DEMO, { command: 'agent.message', agent: CALM_AGENT, text }, duty), duty);
    expect(sent.state, `agent.message: ${sent.outcome}`).toBe('done');
    const messages = page.locator('[data-testid="agent-messages"]');
    await messages.locator('[data-testid="agent-message-0"]', { hasText: text }).waitFor({ timeout: 10_000 });
    expect(await messages.locator('[data-testid="agent-message-0"]').textContent()).toContain('duty');

    // New queues (the switch applies them at once, on a call or not) reach the page through agentSelf.
    const before = await get<{ agent: { queues: string[] } }>(`/api/centers/${DEMO}/agents/${CALM_AGENT}`, own);
    const queues = before.agent.queues.join() === 'billing,tech' ? ['sales', 'vip'] : ['billing', 'tech'];
    const set = await finished(DEMO, await sendCommand(DEMO, { command: 'agent.setQueues', agent: CALM_AGENT, queues }, duty), duty);
    expect(set.state, `agent.setQueues: ${set.outcome}`).toBe('done');
    await page.locator('[data-testid="agent-self"]', { hasText: queues.join(', ') }).waitFor({ timeout: 10_000 });
    await shoot(page, 'agent-demo-message');
  });
});
