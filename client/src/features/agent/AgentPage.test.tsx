import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { AgentPage } from './AgentPage';
import { renderAt } from '../../test/render';
import { stubFetch } from '../../test/fetchStub';
import { agent, agentSelf, breakRequest, command, T0, T0_MS } from '../../test/fixtures';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { applyAgentBreak, applyAgentMessage, applyAgentSelf, beginAgentJoin, initialAgentDesk, setAgentConnection } from '../../lib/store/agentDesk';
import { applyCommandResult, initialCommands } from '../../lib/store/commands';
import type { AgentSelf } from '../../lib/api/types';

const joined: string[] = [];
vi.mock('../../lib/hub/useAgentFeed', () => ({ useAgentFeed: (center: string | null) => void (center && joined.push(center)) }));

const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));
const at = (s: number) => new Date(T0_MS + s * 1000).toISOString();

/** What JoinAgent would bring. */
function hubSelf(self: AgentSelf) {
  act(() =>
    void useFloorStore.getState().dispatchAgentDesk((s) => applyAgentSelf(setAgentConnection(beginAgentJoin(s, self.center), 'connected', Date.now()), self, Date.now())),
  );
}

const me = (centers: string[]) => ({ 'GET /api/me': { status: 200, body: { user: 'A01', roles: ['agent'], centers } } });

describe('agent page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0_MS);
    joined.length = 0;
    useFloorStore.setState({ agentDesk: initialAgentDesk(), commands: initialCommands() });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('with one center joins it and shows state, ticking time, the 80 % notice, requests and messages', async () => {
    stubFetch(me(['c1']));
    renderAt('/agent', '/agent', <AgentPage />);
    await settle();
    expect(joined).toEqual(['c1']);
    expect(screen.getByTestId('waiting')).toBeTruthy();
    hubSelf(
      agentSelf({
        agent: agent('A01', { state: 'notready', reason: 'away', since: at(-240) }),
        breaks: [breakRequest('b1', { requestedAt: at(-900), state: 'denied', why: 'two out already', decidedBy: 'sup' }), breakRequest('b2', { requestedAt: at(-60), reason: 'lunch', minutes: 60 })],
        messages: [{ at: at(-300), from: 'sup', text: 'older' }, { at: at(-30), from: 'sup', text: 'newer' }],
        notice: { kind: 'notready.overtime', detail: 'away 240 s of 300 s', at: T0, limitSeconds: 300, since: at(-240) },
      }),
    );
    expect(screen.getByTestId('agent-state').getAttribute('data-state')).toBe('notready');
    expect(screen.getByTestId('agent-reason').textContent).toBe('Away');
    expect(screen.getByTestId('agent-time-in-state').textContent).toBe('04:00');
    expect(screen.getByTestId('agent-notice-left').textContent).toBe('01:00 left');
    act(() => void vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('agent-time-in-state').textContent).toBe('04:03');
    expect(screen.getByTestId('agent-notice-left').textContent).toBe('00:57 left');
    expect(screen.getByTestId('agent-notice').getAttribute('role')).toBe('alert');
    expect(screen.getAllByTestId(/^agent-break-b\d$/).map((e) => e.getAttribute('data-testid'))).toEqual(['agent-break-b2', 'agent-break-b1']);
    expect(screen.getByTestId('agent-break-b1').getAttribute('data-state')).toBe('denied');
    expect(screen.getByTestId('agent-break-why-b1').textContent).toBe('two out already');
    expect(screen.getByTestId('agent-message-0').textContent).toContain('newer');
    act(() => void useFloorStore.getState().dispatchAgentDesk((s) => applyAgentMessage(s, { at: at(2), from: 'sup', text: 'newest' }, Date.now())));
    expect(screen.getByTestId('agent-message-0').textContent).toContain('newest');
    const badge = screen.getByTestId('connection');
    expect(badge.getAttribute('data-state')).toBe('connected');
    expect(badge.textContent).toContain('Updated');
  });

  it('more than one center: the agent chooses, then joins that one', async () => {
    stubFetch(me(['c2', 'c1']));
    renderAt('/agent', '/agent', <AgentPage />);
    await settle();
    expect(joined).toEqual([]);
    const list = screen.getByTestId('agent-centers');
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(['c1', 'c2']);
    fireEvent.click(screen.getByTestId('agent-center-c2'));
    await settle();
    expect(joined).toEqual(['c2']);
    expect(screen.getByTestId('agent-page').getAttribute('data-center')).toBe('c2');
    expect((screen.getByTestId('agent-center-select') as HTMLSelectElement).value).toBe('c2');
  });

  it('scoped to every center: the choice is the centers listed to the agent', async () => {
    stubFetch({ ...me(['*']), 'GET /api/centers': { status: 200, body: { centers: [{ id: 'hz', name: null, asOf: null, headline: null }, { id: 'nb', name: null, asOf: null, headline: null }] } } });
    renderAt('/agent', '/agent', <AgentPage />);
    await settle();
    expect(screen.getByTestId('agent-center-hz')).toBeTruthy();
    expect(screen.getByTestId('agent-center-nb')).toBeTruthy();
  });

  it('the break form refuses wrong minutes, then sends the request and shows what became of it', async () => {
    const f = stubFetch({ ...me(['c1']), 'POST /api/centers/c1/commands': { status: 202, body: { id: 'b7' } } });
    renderAt('/agent', '/agent', <AgentPage />);
    await settle();
    hubSelf(agentSelf());
    const minutes = screen.getByTestId('break-minutes') as HTMLInputElement;
    expect(minutes.value).toBe('15');
    for (const bad of ['0', '1.5', '', '999']) {
      fireEvent.change(minutes, { target: { value: bad } });
      fireEvent.click(screen.getByTestId('break-submit'));
      expect(screen.getByTestId('break-form-error').textContent, bad).toBe('Minutes must be a whole number from 1 to 240.');
    }
    await settle();
    expect(f.posts()).toEqual([]);
    fireEvent.change(screen.getByTestId('break-reason'), { target: { value: 'lunch' } });
    expect(minutes.value).toBe('60');
    fireEvent.change(minutes, { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('break-submit'));
    await settle();
    expect(screen.queryByTestId('break-form-error')).toBeNull();
    expect(f.posts().map((p) => p.body)).toEqual([{ command: 'break.request', agent: 'A01', reason: 'lunch', minutes: 30 }]);
    act(() =>
      void useFloorStore.getState().dispatchCommands((s) =>
        applyCommandResult(s, command('b7', { command: 'break.request', reason: 'lunch', minutes: 30, state: 'refused', outcome: 'no leave in the first 60 minutes after login' }), Date.now(), 'hub'),
      ),
    );
    expect(screen.getByTestId('break-form-result').getAttribute('data-state')).toBe('refused');
    expect(screen.getByTestId('break-form-result-text').textContent).toContain('no leave in the first 60 minutes after login');
  });

  it("the form's outcome gives way to the request's line once the duty manager has answered", async () => {
    stubFetch({ ...me(['c1']), 'POST /api/centers/c1/commands': { status: 202, body: { id: 'b8' } } });
    renderAt('/agent', '/agent', <AgentPage />);
    await settle();
    hubSelf(agentSelf());
    fireEvent.click(screen.getByTestId('break-submit'));
    await settle();
    const result = (state: 'done', outcome: string) =>
      act(() => void useFloorStore.getState().dispatchCommands((s) => applyCommandResult(s, command('b8', { command: 'break.request', state, outcome }), Date.now(), 'hub')));
    result('done', 'break request for A01 (break, 15 min) waits for a duty manager');
    const request = (state: 'pending' | 'approved') => act(() => void useFloorStore.getState().dispatchAgentDesk((s) => applyAgentBreak(s, breakRequest('b8', { state }), Date.now())));
    request('pending');
    expect(screen.getByTestId('break-form-result').getAttribute('data-state')).toBe('done');
    request('approved');
    expect(screen.queryByTestId('break-form-result')).toBeNull();
    expect(screen.getByTestId('agent-break-b8').getAttribute('data-state')).toBe('approved');
  });

  it('a user who is not an agent of the center is told so', async () => {
    stubFetch(me(['c1']));
    renderAt('/agent', '/agent', <AgentPage />);
    await settle();
    act(() => void useFloorStore.getState().dispatchAgentDesk((s) => ({ ...beginAgentJoin(s, 'c1'), notAllowed: true })));
    expect(screen.getByTestId('not-allowed')).toBeTruthy();
  });
});
