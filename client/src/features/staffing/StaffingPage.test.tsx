import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { StaffingPage, targetShare, trafficErlangs } from './StaffingPage';
import { renderAt } from '../../test/render';

describe('staffing', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('converts the form', () => {
    expect(targetShare('80')).toBe('0.8');
    expect(targetShare('abc')).toBe('abc');
    expect(trafficErlangs('300', '180')).toBe(15);
    expect(trafficErlangs('', '180')).toBeNull();
  });

  it('asks the API and shows the answer', async () => {
    const fetch = vi.fn((_url: string) =>
      Promise.resolve(new Response(JSON.stringify({ agents: 19, serviceLevel: 0.83, occupancy: 0.79, asaSeconds: 12.4, probabilityOfWait: 0.3 }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetch);
    renderAt('/staffing', '/staffing', <StaffingPage />);
    fireEvent.change(screen.getByTestId('staffing-targetPercent'), { target: { value: '95' } });
    fireEvent.submit(screen.getByTestId('staffing-form'));
    await waitFor(() => expect(screen.getByTestId('staffing-agents').textContent).toBe('19'));
    const url = new URL(fetch.mock.calls[0]![0], 'http://x');
    expect(url.pathname).toBe('/api/staffing/erlangc');
    expect(Object.fromEntries(url.searchParams)).toEqual({ callsPerHour: '300', ahtSeconds: '180', thresholdSeconds: '20', target: '0.95' });
  });

  it('shows the server’s error naming the field', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ error: 'ahtSeconds must be greater than 0' }), { status: 400 }))));
    renderAt('/staffing', '/staffing', <StaffingPage />);
    fireEvent.change(screen.getByTestId('staffing-ahtSeconds'), { target: { value: '0' } });
    fireEvent.submit(screen.getByTestId('staffing-form'));
    await waitFor(() => expect(screen.getByTestId('staffing-error').textContent).toBe('ahtSeconds must be greater than 0'));
  });
});
