import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { WallboardPage } from './WallboardPage';
import { loadFloor, renderAt, setFloor } from '../../test/render';
import { alert, delta, figures, queue, snapshot, T0_MS } from '../../test/fixtures';
import { applyAlert, applyDelta, setConnection, setNotAllowed } from '../../lib/store/floor';
import { initI18n } from '../../lib/i18n';

vi.mock('../../lib/hub/useCenterFeed', () => ({ useCenterFeed: () => undefined }));
vi.mock('../../lib/api/client', async (orig) => ({
  ...(await orig<typeof import('../../lib/api/client')>()),
  api: { intervals: () => Promise.resolve({ center: 'c1', date: '2026-11-26', queue: null, intervals: [] }) },
}));

const wallSnapshot = () =>
  snapshot({
    seq: 41,
    totals: queue('c1', { interval: figures({ serviceLevel: 0.91, offered: 30 }), today: figures({ offered: 250, answered: 240, serviceLevel: 0.88 }) }, { waiting: 3, longestWaitSeconds: 12, available: 9, onCall: 20, wrapUp: 4, notReady: 5 }),
    queues: [
      queue(
        'billing',
        { interval: figures({ serviceLevel: 0.85 }), today: figures({ offered: 120, answered: 110, serviceLevel: 0.81, abandonRate: 0.05 }) },
        { waiting: 2, longestWaitSeconds: 20.29, available: 3, onCall: 7, wrapUp: 1, notReady: 2 },
      ),
      queue('sales', { interval: figures({ serviceLevel: 0.72 }) }, { waiting: 0, longestWaitSeconds: 0 }),
      queue('vip', { interval: figures({ serviceLevel: 0.4 }) }),
      queue('idle', { interval: figures({ serviceLevel: null }) }),
    ],
  });

describe('wallboard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0_MS + 100);
    loadFloor(wallSnapshot(), T0_MS + 100);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows every queue as a tile with plain figures, and the center totals', () => {
    renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
    const root = screen.getByTestId('wallboard');
    expect(root.getAttribute('data-seq')).toBe('41');
    const billing = screen.getByTestId('queue-billing');
    const fig = (id: string) => within(billing).getByTestId(id).textContent;
    expect(fig('sl')).toBe('85%');
    expect(fig('waiting')).toBe('2');
    expect(fig('longest-wait')).toBe('00:20');
    expect(fig('available')).toBe('3');
    expect(fig('on-call')).toBe('7');
    expect(fig('wrap-up')).toBe('1');
    expect(fig('not-ready')).toBe('2');
    expect(fig('offered-today')).toBe('120');
    expect(fig('answered-today')).toBe('110');
    expect(within(screen.getByTestId('queue-idle')).getByTestId('sl').textContent).toBe('–');
    const totals = screen.getByTestId('totals');
    expect(within(totals).getByTestId('sl').textContent).toBe('91%');
    expect(within(totals).getByTestId('waiting').textContent).toBe('3');
    expect(within(totals).getByTestId('offered-today').textContent).toBe('250');
  });

  it('colours each tile against its target', () => {
    renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
    expect(screen.getByTestId('queue-billing').className).toContain('sl-good');
    expect(screen.getByTestId('queue-sales').className).toContain('sl-warn');
    expect(screen.getByTestId('queue-vip').className).toContain('sl-bad');
    expect(screen.getByTestId('queue-idle').className).toContain('sl-none');
  });

  it('ticks the longest wait every second between pushes, and takes the next push', () => {
    renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
    const lw = () => within(screen.getByTestId('queue-billing')).getByTestId('longest-wait').textContent;
    const sales = () => within(screen.getByTestId('queue-sales')).getByTestId('longest-wait').textContent;
    expect(lw()).toBe('00:20');
    act(() => void vi.advanceTimersByTime(5000));
    expect(lw()).toBe('00:25');
    expect(sales()).toBe('00:00'); // nobody waiting: no ticking
    act(() =>
      setFloor((s) =>
        applyDelta(s, delta(42, { asOf: new Date(T0_MS + 5100).toISOString(), queues: [queue('billing', {}, { waiting: 1, longestWaitSeconds: 3 })] }), T0_MS + 5100),
      ),
    );
    expect(lw()).toBe('00:03');
    expect(screen.getByTestId('wallboard').getAttribute('data-seq')).toBe('42');
  });

  it('shows the connection state and marks the figures stale when it is lost', () => {
    renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
    const conn = screen.getByTestId('connection');
    expect(conn.getAttribute('data-state')).toBe('connected');
    expect(conn.getAttribute('data-stale')).toBe('false');
    expect(screen.queryByTestId('stale-badge')).toBeNull();
    act(() => setFloor((s) => setConnection(s, 'reconnecting', T0_MS + 2100)));
    expect(screen.getByTestId('connection').getAttribute('data-state')).toBe('reconnecting');
    expect(screen.getByTestId('connection').getAttribute('data-stale')).toBe('true');
    expect(screen.getByTestId('wallboard').className).toContain('is-stale');
    expect(screen.getByTestId('stale-badge').textContent).toMatch(/^Stale since \d\d:\d\d:\d\d$/);
    act(() => setFloor((s) => setConnection(s, 'disconnected', T0_MS + 9000)));
    expect(screen.getByTestId('connection').getAttribute('data-state')).toBe('disconnected');
  });

  it('marks the figures stale when the switch feed is down', () => {
    renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
    act(() =>
      setFloor((s) => applyDelta(s, delta(42, { feed: { ...s.feed!, status: 'down' } }), T0_MS + 300)),
    );
    const conn = screen.getByTestId('connection');
    expect(conn.getAttribute('data-state')).toBe('connected');
    expect(conn.getAttribute('data-stale')).toBe('true');
    expect(conn.textContent).toContain('Switch feed down');
  });

  it('runs open alerts along the ticker and drops resolved ones', () => {
    renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
    expect(screen.getByTestId('alert-ticker').getAttribute('data-count')).toBe('0');
    act(() => setFloor((s) => applyAlert(s, alert('al1', { kind: 'notready.overtime', agent: 'A07' }))));
    const ticker = screen.getByTestId('alert-ticker');
    expect(ticker.getAttribute('data-count')).toBe('1');
    expect(within(ticker).getByTestId('alert-al1').textContent).toContain('Not ready too long');
    expect(within(ticker).getByTestId('alert-al1').textContent).toContain('A07');
    act(() => setFloor((s) => applyAlert(s, alert('al1', { state: 'resolved' }))));
    expect(screen.getByTestId('alert-ticker').getAttribute('data-count')).toBe('0');
  });

  it('says "not allowed" when the join is refused', () => {
    act(() => setFloor(setNotAllowed));
    renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
    expect(screen.getByTestId('not-allowed').textContent).toContain('Not allowed');
  });

  it('speaks zh-CN with the floor’s words', async () => {
    initI18n('zh-CN');
    try {
      renderAt('/wallboard/c1', '/wallboard/:center', <WallboardPage />);
      const tile = screen.getByTestId('queue-billing');
      expect(tile.textContent).toContain('排队数');
      expect(tile.textContent).toContain('最长等待时长');
      expect(tile.textContent).toContain('空闲');
      expect(tile.textContent).toContain('话后处理');
      expect(screen.getByTestId('connection').textContent).toContain('已连接');
    } finally {
      initI18n('en');
    }
  });
});
