import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { QualityPage } from './QualityPage';
import { fakeLayout, loadFloor, renderAt } from '../../test/render';
import { stubFetch } from '../../test/fetchStub';
import { call, command, snapshot, T0_MS } from '../../test/fixtures';
import { useFloorStore } from '../../lib/store/useFloorStore';
import { applyCommandResult, initialCommands } from '../../lib/store/commands';

vi.mock('../../lib/hub/useCenterFeed', () => ({ useCenterFeed: () => undefined }));

const settle = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

describe('quality: monitoring a call', () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0_MS);
    restoreLayout = fakeLayout();
    useFloorStore.setState({ commands: initialCommands() });
    loadFloor(
      snapshot({
        calls: [call('C1', { agent: 'A02', position: null, waitSeconds: null, talkSeconds: 85 }), call('C2', { position: 1, waitSeconds: 20 })],
      }),
      T0_MS,
    );
  });
  afterEach(() => {
    restoreLayout();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('a connected call offers the four modes; a waiting call none', () => {
    stubFetch();
    renderAt('/quality/c1', '/quality/:center', <QualityPage />);
    const row = screen.getByTestId('call-C1');
    expect(['listen', 'whisper', 'barge', 'intercept'].map((m) => within(row).getByTestId(`monitor-C1-${m}`).textContent)).toEqual([
      'Listen',
      'Whisper',
      'Barge in',
      'Intercept',
    ]);
    expect(within(screen.getByTestId('call-C2')).queryByTestId('monitor-C2-listen')).toBeNull();
  });

  it('sends call.monitor with the mode and shows the outcome, a refusal with its reason', async () => {
    const ids = ['m1', 'm2'];
    const f = stubFetch({ 'POST /api/centers/c1/commands': () => ({ status: 202, body: { id: ids.shift() } }) });
    renderAt('/quality/c1', '/quality/:center', <QualityPage />);
    await settle();
    fireEvent.click(screen.getByTestId('monitor-C1-whisper'));
    await settle();
    expect(f.posts().map((p) => p.body)).toEqual([{ command: 'call.monitor', call: 'C1', mode: 'whisper' }]);
    expect(screen.getByTestId('monitor-result-C1').getAttribute('data-state')).toBe('pending');
    act(() => void useFloorStore.getState().dispatchCommands((s) => applyCommandResult(s, command('m1', { command: 'call.monitor', agent: null, call: 'C1', mode: 'whisper', state: 'done', outcome: 'monitor started' }), T0_MS, 'hub')));
    expect(screen.getByTestId('monitor-result-C1').getAttribute('data-state')).toBe('done');
    fireEvent.click(screen.getByTestId('monitor-C1-intercept'));
    await settle();
    act(() => void useFloorStore.getState().dispatchCommands((s) => applyCommandResult(s, command('m2', { command: 'call.monitor', agent: null, call: 'C1', mode: 'intercept', state: 'refused', outcome: 'mode intercept is not allowed for quality' }), T0_MS, 'hub')));
    expect(screen.getByTestId('monitor-result-C1').getAttribute('data-state')).toBe('refused');
    expect(screen.getByTestId('monitor-result-C1').textContent).toContain('mode intercept is not allowed for quality');
    expect(screen.getByTestId('monitor-log-m2').textContent).toContain('Intercept');
    expect(screen.getByTestId('monitor-log-m2-text').textContent).toContain('mode intercept is not allowed for quality');
    expect(screen.getByTestId('monitor-log-m1').getAttribute('data-state')).toBe('done');
  });
});
