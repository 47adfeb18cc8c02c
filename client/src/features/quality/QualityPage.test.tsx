import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { QualityPage } from './QualityPage';
import { fakeLayout, loadFloor, renderAt, setFloor } from '../../test/render';
import { call, delta, snapshot, T0_MS } from '../../test/fixtures';
import { applyDelta } from '../../lib/store/floor';

vi.mock('../../lib/hub/useCenterFeed', () => ({ useCenterFeed: () => undefined }));

describe('quality', () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0_MS);
    restoreLayout = fakeLayout();
    loadFloor(
      snapshot({
        seq: 20,
        calls: [
          call('C1', { agent: 'A02', position: null, waitSeconds: null, talkSeconds: 85.29, vip: true }),
          call('C2', { position: 1, waitSeconds: 20.29, tags: ['complaint'] }),
          call('C3', { agent: 'A03', position: null, waitSeconds: null, talkSeconds: 10, held: true }),
        ],
      }),
      T0_MS,
    );
  });
  afterEach(() => {
    restoreLayout();
    vi.useRealTimers();
  });

  it('lists live calls with ticking talk and wait times, VIP badge, tags and hold', () => {
    renderAt('/quality/c1', '/quality/:center', <QualityPage />);
    expect(screen.getByTestId('quality').getAttribute('data-seq')).toBe('20');
    const time = (id: string) => within(screen.getByTestId(`call-${id}`)).getByTestId('call-time').textContent;
    expect(time('C1')).toBe('01:25');
    expect(time('C2')).toBe('00:20');
    act(() => void vi.advanceTimersByTime(3000));
    expect(time('C1')).toBe('01:28');
    expect(time('C2')).toBe('00:23');
    expect(within(screen.getByTestId('call-C1')).getByTestId('vip')).toBeTruthy();
    expect(screen.getByTestId('call-C2').textContent).toContain('complaint');
    expect(screen.getByTestId('call-C3').textContent).toContain('On hold');
  });

  it('filters VIP and tagged calls', () => {
    renderAt('/quality/c1', '/quality/:center', <QualityPage />);
    fireEvent.click(screen.getByTestId('filter-vip'));
    expect(screen.getAllByTestId(/^call-C\d$/).map((e) => e.getAttribute('data-testid'))).toEqual(['call-C1']);
    fireEvent.click(screen.getByTestId('filter-vip'));
    fireEvent.click(screen.getByTestId('filter-tagged'));
    expect(screen.getAllByTestId(/^call-C\d$/).map((e) => e.getAttribute('data-testid'))).toEqual(['call-C2']);
  });

  it('ended calls leave the table', () => {
    renderAt('/quality/c1', '/quality/:center', <QualityPage />);
    act(() => setFloor((s) => applyDelta(s, delta(21, { endedCalls: ['C3'] }), T0_MS + 200)));
    expect(screen.queryByTestId('call-C3')).toBeNull();
    expect(screen.getByTestId('call-count').textContent).toBe('2 of 2 calls');
  });
});
