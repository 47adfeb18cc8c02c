import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { SupervisorPage } from './SupervisorPage';
import { fakeLayout, loadFloor, renderAt } from '../../test/render';
import { stubFetch } from '../../test/fetchStub';
import { agent, alert, breakRequest, command, snapshot, T0_MS } from '../../test/fixtures';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { applyCommandResult, initialCommands } from '../../lib/store/commands';
import { applyBreakRequest, initialBreaks } from '../../lib/store/breaks';
import { FALLBACK_AFTER_MS } from '../../lib/commands/commandTracker';
import type { BreakRequest, Command } from '../../lib/api/types';

vi.mock('../../lib/hub/useCenterFeed', () => ({ useCenterFeed: () => undefined }));

/** Lets effects, fetches and their answers run. */
const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

/** What the hub would send. */
const hubResult = (c: Command) => act(() => void useFloorStore.getState().dispatchCommands((s) => applyCommandResult(s, c, Date.now(), 'hub')));
const hubBreak = (r: BreakRequest) => act(() => void useFloorStore.getState().dispatchBreaks((s) => applyBreakRequest(s, r)));

function floor() {
  return snapshot({
    agents: [
      agent('A01'),
      agent('A02', { state: 'oncall', call: 'C1', queue: 'billing', talkSeconds: 30 }),
    ],
    alerts: [alert('x1', { kind: 'notready.overtime', agent: 'A01' })],
  });
}

describe('supervisor: stepping in', () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0_MS);
    restoreLayout = fakeLayout(1200, 720);
    useFloorStore.setState({ commands: initialCommands(), breaks: initialBreaks() });
    loadFloor(floor(), T0_MS);
  });
  afterEach(() => {
    restoreLayout();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('selecting an agent opens its actions; force not ready sends the reason and shows the hub’s result', async () => {
    const f = stubFetch({ 'POST /api/centers/c1/commands': { status: 202, body: { id: 'k1' } } });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    expect(screen.queryByTestId('agent-actions')).toBeNull();
    fireEvent.click(within(screen.getByTestId('agent-A01')).getByText('A01'));
    const panel = screen.getByTestId('agent-actions');
    expect(panel.getAttribute('data-agent')).toBe('A01');
    fireEvent.change(within(panel).getByTestId('action-notready-reason'), { target: { value: 'coaching' } });
    fireEvent.click(within(panel).getByTestId('action-force-notready'));
    await settle();
    expect(f.posts().map((p) => p.body)).toEqual([{ command: 'agent.forceNotReady', agent: 'A01', reason: 'coaching' }]);
    expect(screen.getByTestId('action-result').getAttribute('data-state')).toBe('pending');
    hubResult(command('k1', { state: 'done', outcome: 'agent.notready coaching seen' }));
    expect(screen.getByTestId('action-result').getAttribute('data-state')).toBe('done');
    expect(screen.getByTestId('action-result-text').textContent).toContain('agent.notready coaching seen');
    expect(within(screen.getByTestId('agent-commands')).getByTestId('agent-command-k1').getAttribute('data-state')).toBe('done');
    // the hub answered: nothing is polled
    await act(async () => void (await vi.advanceTimersByTimeAsync(FALLBACK_AFTER_MS * 2)));
    expect(f.sent.filter((s) => s.url.includes('/commands/k1'))).toEqual([]);
  });

  it('force logout asks first, says it waits for the end of the call, and sends only when confirmed', async () => {
    const f = stubFetch({ 'POST /api/centers/c1/commands': { status: 202, body: { id: 'k2' } } });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    fireEvent.click(screen.getByTestId('agent-A02'));
    fireEvent.click(screen.getByTestId('action-force-logout'));
    expect(screen.getByTestId('logout-on-call').textContent).toBe('A02 is on a call: the logout waits until the call ends.');
    fireEvent.click(screen.getByTestId('logout-confirm-no'));
    expect(screen.queryByTestId('logout-confirm')).toBeNull();
    expect(f.posts()).toEqual([]);
    fireEvent.click(screen.getByTestId('action-force-logout'));
    fireEvent.click(screen.getByTestId('logout-confirm-yes'));
    await settle();
    expect(f.posts().map((p) => p.body)).toEqual([{ command: 'agent.forceLogout', agent: 'A02' }]);
    // an agent not on a call gets no such note
    fireEvent.click(screen.getByTestId('actions-close'));
    fireEvent.click(screen.getByTestId('agent-A01'));
    fireEvent.click(screen.getByTestId('action-force-logout'));
    expect(screen.queryByTestId('logout-on-call')).toBeNull();
  });

  it('sets queues and sends a message', async () => {
    const ids = ['k3', 'k4'];
    const f = stubFetch({ 'POST /api/centers/c1/commands': () => ({ status: 202, body: { id: ids.shift() } }) });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    fireEvent.click(screen.getByTestId('agent-A01'));
    expect((screen.getByTestId('action-queue-billing') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('action-queue-sales'));
    fireEvent.click(screen.getByTestId('action-set-queues'));
    await settle();
    fireEvent.change(screen.getByTestId('action-message-text'), { target: { value: '  please call back the VIP  ' } });
    fireEvent.click(screen.getByTestId('action-send-message'));
    await settle();
    expect(f.posts().map((p) => p.body)).toEqual([
      { command: 'agent.setQueues', agent: 'A01', queues: ['billing', 'sales'] },
      { command: 'agent.message', agent: 'A01', text: 'please call back the VIP' },
    ]);
  });

  it('when the hub says nothing for 12 s, the outcome is read from the server', async () => {
    const f = stubFetch({
      'POST /api/centers/c1/commands': { status: 202, body: { id: 'k5' } },
      'GET /api/centers/c1/commands/k5': { status: 200, body: command('k5', { command: 'agent.forceReady', state: 'refused', outcome: 'agent A01 is not logged in' }) },
    });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    fireEvent.click(screen.getByTestId('agent-A01'));
    fireEvent.click(screen.getByTestId('action-force-ready'));
    await settle();
    await act(async () => void (await vi.advanceTimersByTimeAsync(FALLBACK_AFTER_MS - 100)));
    expect(f.sent.filter((s) => s.url === '/api/centers/c1/commands/k5')).toHaveLength(0);
    await act(async () => void (await vi.advanceTimersByTimeAsync(100)));
    expect(f.sent.filter((s) => s.url === '/api/centers/c1/commands/k5')).toHaveLength(1);
    expect(screen.getByTestId('action-result').getAttribute('data-state')).toBe('refused');
    expect(screen.getByTestId('action-result').textContent).toContain('agent A01 is not logged in');
  });

  it('a command the server will not take shows its error', async () => {
    stubFetch({ 'POST /api/centers/c1/commands': { status: 403, body: { error: 'not allowed' } } });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    fireEvent.click(screen.getByTestId('agent-A01'));
    fireEvent.click(screen.getByTestId('action-force-ready'));
    await settle();
    expect(screen.getByTestId('action-result').getAttribute('data-state')).toBe('error');
    expect(screen.getByTestId('action-result').textContent).toBe('Not sent: not allowed');
  });

  it('acknowledges an open alert; a resolved one answers 409 and says so', async () => {
    const f = stubFetch({
      'POST /api/centers/c1/alerts/x1/acknowledge': { status: 200, body: alert('x1', { state: 'acknowledged', by: 'sup' }) },
    });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    fireEvent.click(screen.getByTestId('alert-ack-x1'));
    await settle();
    expect(f.posts().map((p) => p.url)).toEqual(['/api/centers/c1/alerts/x1/acknowledge']);
    const item = screen.getByTestId('alert-x1');
    expect(item.getAttribute('data-state')).toBe('acknowledged');
    expect(item.textContent).toContain('Acknowledged by sup');
    expect(screen.queryByTestId('alert-ack-x1')).toBeNull();

    act(() => void useFloorStore.getState().dispatch((s) => ({ ...s, alerts: new Map(s.alerts).set('x2', alert('x2')) })));
    f.routes['POST /api/centers/c1/alerts/x2/acknowledge'] = { status: 409, body: { error: 'alert x2 is resolved' } };
    fireEvent.click(screen.getByTestId('alert-ack-x2'));
    await settle();
    expect(screen.getByTestId('alert-ack-error-x2').textContent).toBe('Not acknowledged: alert x2 is resolved');
  });

  it('the approval queue: read at join, Approve sends break.approve, a refusal shows its why', async () => {
    const f = stubFetch({
      'GET /api/centers/c1/breaks?state=pending': { status: 200, body: { center: 'c1', requests: [breakRequest('b1'), breakRequest('b2', { agent: 'A02', reason: 'lunch', minutes: 60 })] } },
      'POST /api/centers/c1/commands': { status: 202, body: { id: 'k6' } },
    });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    expect(screen.getByTestId('side-tab-breaks-count').textContent).toBe('2');
    fireEvent.click(screen.getByTestId('side-tab-breaks'));
    expect(screen.getByTestId('break-b2').textContent).toContain('Lunch');
    fireEvent.click(screen.getByTestId('break-approve-b1'));
    await settle();
    expect(f.posts().map((p) => p.body)).toEqual([{ command: 'break.approve', request: 'b1' }]);
    hubResult(command('k6', { command: 'break.approve', agent: null, request: 'b1', state: 'refused', outcome: 'queue billing: 3 of 12 staffed already on break (quota 20%)' }));
    expect(screen.getByTestId('break-result-b1').getAttribute('data-state')).toBe('refused');
    expect(screen.getByTestId('break-result-b1-text').textContent).toContain('queue billing: 3 of 12 staffed already on break (quota 20%)');
    hubBreak(breakRequest('b1', { state: 'refused', why: 'queue billing: 3 of 12 staffed already on break (quota 20%)', decidedAt: new Date(T0_MS + 1000).toISOString() }));
    expect(screen.getByTestId('break-b1').getAttribute('data-state')).toBe('refused');
    expect(screen.getByTestId('break-why-b1').textContent).toBe('queue billing: 3 of 12 staffed already on break (quota 20%)');
    expect(screen.getByTestId('break-result-b1').getAttribute('data-state')).toBe('refused');
    expect(screen.getByTestId('side-tab-breaks-count').textContent).toBe('1');
    // a new request over the hub joins the queue
    hubBreak(breakRequest('b3', { agent: 'A03' }));
    expect(screen.getByTestId('break-b3').getAttribute('data-state')).toBe('pending');
  });

  it('Deny asks why, and sends it', async () => {
    const f = stubFetch({
      'GET /api/centers/c1/breaks?state=pending': { status: 200, body: { center: 'c1', requests: [breakRequest('b1')] } },
      'POST /api/centers/c1/commands': { status: 202, body: { id: 'k7' } },
    });
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    fireEvent.click(screen.getByTestId('side-tab-breaks'));
    fireEvent.click(screen.getByTestId('break-deny-b1'));
    fireEvent.click(screen.getByTestId('break-deny-confirm-b1'));
    expect(screen.getByTestId('break-deny-error-b1').textContent).toBe('Say why it is denied.');
    expect(f.posts()).toEqual([]);
    fireEvent.change(screen.getByTestId('break-deny-why-b1'), { target: { value: 'two out already' } });
    fireEvent.click(screen.getByTestId('break-deny-confirm-b1'));
    await settle();
    expect(f.posts().map((p) => p.body)).toEqual([{ command: 'break.deny', request: 'b1', why: 'two out already' }]);
  });

  it('the audit log is read when opened and again after a command of mine ends', async () => {
    const entries = [
      { at: new Date(T0_MS).toISOString(), user: 'sup', center: 'c1', action: 'agent.forceReady', target: 'A01', before: 'notready', after: 'available', outcome: 'done' },
      { at: new Date(T0_MS - 1000).toISOString(), user: 'sup', center: 'c1', action: 'alert.acknowledge', target: 'al-1', before: 'open', after: 'acknowledged', outcome: 'done' },
    ];
    const f = stubFetch({
      'GET /api/centers/c1/audit': () => ({ status: 200, body: { center: 'c1', entries } }),
      'POST /api/centers/c1/commands': { status: 202, body: { id: 'k8' } },
    });
    const audits = () => f.sent.filter((s) => s.url === '/api/centers/c1/audit').length;
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    await settle();
    expect(audits()).toBe(0);
    fireEvent.click(screen.getByTestId('side-tab-audit'));
    await settle();
    expect(audits()).toBe(1);
    expect(screen.getByTestId('audit-entry-0').getAttribute('data-action')).toBe('agent.forceReady');
    expect(screen.getByTestId('audit-entry-0').textContent).toContain('notready → available');
    // Actions are named in the page's language, not as the wire writes them.
    expect(screen.getByTestId('audit-entry-0').textContent).toContain('Force ready');
    expect(screen.getByTestId('audit-entry-1').textContent).toContain('Acknowledge alert');
    expect(screen.getByTestId('audit-entry-1').textContent).not.toContain('alert.acknowledge');
    fireEvent.click(screen.getByTestId('agent-A01'));
    fireEvent.click(screen.getByTestId('action-force-ready'));
    await settle();
    expect(audits()).toBe(1);
    hubResult(command('k8', { command: 'agent.forceReady', state: 'done' }));
    await settle();
    expect(audits()).toBe(2);
    fireEvent.click(screen.getByTestId('audit-refresh'));
    await settle();
    expect(audits()).toBe(3);
  });
});
