import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { SupervisorPage } from './SupervisorPage';
import { fakeLayout, loadFloor, renderAt, setFloor } from '../../test/render';
import { agent, alert, delta, snapshot, T0_MS } from '../../test/fixtures';
import { applyAlert, applyDelta } from '../../lib/store/floor';
import type { AgentStateName } from '../../lib/api/types';

vi.mock('../../lib/hub/useCenterFeed', () => ({ useCenterFeed: () => undefined }));

const STATES: AgentStateName[] = ['available', 'oncall', 'wrapup', 'notready', 'ringing'];

function bigFloor(n: number) {
  return snapshot({
    seq: 7,
    agents: Array.from({ length: n }, (_, i) =>
      agent(`A${String(i).padStart(4, '0')}`, {
        name: `Agent ${i}`,
        state: STATES[i % STATES.length]!,
        reason: i % STATES.length === 3 ? (i % 2 ? 'away' : 'lunch') : null,
        since: new Date(T0_MS - (i % 900) * 1000).toISOString(),
        queues: [i % 2 ? 'billing' : 'sales'],
      }),
    ),
  });
}

describe('supervisor', () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0_MS);
    restoreLayout = fakeLayout(1200, 720);
  });
  afterEach(() => {
    restoreLayout();
    vi.useRealTimers();
  });

  it('renders only the rows in view out of 5,000 agents', () => {
    loadFloor(bigFloor(5000), T0_MS);
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    expect(screen.getByTestId('supervisor').getAttribute('data-seq')).toBe('7');
    expect(screen.getByTestId('agent-count').textContent).toBe('5000 of 5000 agents');
    const rows = screen.getAllByTestId(/^agent-A\d+$/);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]!.getAttribute('data-testid')).toBe('agent-A0000');
    expect(rows[0]!.getAttribute('data-state')).toBe('available');
  });

  it('filters by state and reason, and sorts by a column', () => {
    loadFloor(bigFloor(50), T0_MS);
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    fireEvent.change(screen.getByTestId('filter-state'), { target: { value: 'notready' } });
    act(() => void vi.advanceTimersByTime(0));
    expect(screen.getByTestId('agent-count').textContent).toBe('10 of 50 agents');
    for (const r of screen.getAllByTestId(/^agent-A\d+$/)) expect(r.getAttribute('data-state')).toBe('notready');
    fireEvent.change(screen.getByTestId('filter-reason'), { target: { value: 'away' } });
    act(() => void vi.advanceTimersByTime(0));
    expect(screen.getAllByTestId(/^agent-A\d+$/).map((r) => r.getAttribute('data-testid'))).toEqual([
      'agent-A0003',
      'agent-A0013',
      'agent-A0023',
      'agent-A0033',
      'agent-A0043',
    ]);
    fireEvent.click(screen.getByTestId('sort-id'));
    expect(screen.getAllByTestId(/^agent-A\d+$/)[0]!.getAttribute('data-testid')).toBe('agent-A0043');
  });

  it('ticks time in state from `since`, and an away agent over 5 minutes turns red', () => {
    loadFloor(
      snapshot({
        agents: [agent('A01', { state: 'notready', reason: 'away', since: new Date(T0_MS - 295000).toISOString() })],
      }),
      T0_MS,
    );
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    const row = screen.getByTestId('agent-A01');
    const time = () => within(screen.getByTestId('agent-A01')).getByTestId('time-in-state');
    expect(time().textContent).toBe('04:55');
    expect(time().className).not.toContain('st-overtime');
    act(() => void vi.advanceTimersByTime(6000));
    expect(time().textContent).toBe('05:01');
    expect(time().className).toContain('st-overtime');
    expect(row.textContent).toContain('Away');
  });

  it('replaces an agent when a delta says so', () => {
    loadFloor(snapshot({ seq: 10 }), T0_MS);
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    expect(screen.getByTestId('agent-A01').getAttribute('data-state')).toBe('available');
    act(() => setFloor((s) => applyDelta(s, delta(11, { agents: [agent('A01', { state: 'ringing' })] }), T0_MS + 200)));
    expect(screen.getByTestId('agent-A01').getAttribute('data-state')).toBe('ringing');
    expect(screen.getByTestId('supervisor').getAttribute('data-seq')).toBe('11');
  });

  it('lists open alerts', () => {
    loadFloor(snapshot(), T0_MS);
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    expect(screen.getByTestId('alert-panel').textContent).toContain('No open alerts');
    act(() => setFloor((s) => applyAlert(s, alert('x1', { kind: 'login.duplicate', agent: 'A02', severity: 'critical' }))));
    expect(within(screen.getByTestId('alert-panel')).getByTestId('alert-x1').textContent).toContain('Work id at two seats');
  });

  it('shows the queue table with the center total', () => {
    loadFloor(snapshot(), T0_MS);
    renderAt('/supervisor/c1', '/supervisor/:center', <SupervisorPage />);
    expect(screen.getByTestId('queue-row-billing')).toBeTruthy();
    expect(screen.getByTestId('queue-row-sales')).toBeTruthy();
    expect(within(screen.getByTestId('queue-table')).getByTestId('totals')).toBeTruthy();
  });
});
