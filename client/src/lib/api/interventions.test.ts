import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interventionsApi } from './interventions';
import { ApiError } from './client';
import { clearToken, setToken } from './token';
import { stubFetch } from '../../test/fetchStub';
import { alert, breakRequest, command } from '../../test/fixtures';

describe('interventions api', () => {
  beforeEach(() => setToken('tok-9'));
  afterEach(() => {
    vi.unstubAllGlobals();
    clearToken();
  });

  it('sends a command as JSON with the bearer token and returns the 202 id', async () => {
    const f = stubFetch({ 'POST /api/centers/c%201/commands': { status: 202, body: { id: 'k1' } } });
    const id = await interventionsApi.send('c 1', { command: 'agent.forceNotReady', agent: 'A01', reason: 'coaching' });
    expect(id).toBe('k1');
    const [s] = f.sent;
    expect(s!.body).toEqual({ command: 'agent.forceNotReady', agent: 'A01', reason: 'coaching' });
    expect(s!.headers.get('Content-Type')).toBe('application/json');
    expect(s!.headers.get('Authorization')).toBe('Bearer tok-9');
  });

  it('a refused command comes back with the server’s words', async () => {
    stubFetch({ 'POST /api/centers/c1/commands': { status: 400, body: { error: 'reason: must be one of away, break, …' } } });
    const sent = interventionsApi.send('c1', { command: 'agent.forceNotReady', agent: 'A01', reason: 'away' });
    await expect(sent).rejects.toThrow('reason: must be one of away, break, …');
    stubFetch({ 'POST /api/centers/c1/commands': { status: 403, body: { error: 'not allowed' } } });
    await expect(interventionsApi.send('c1', { command: 'call.monitor', call: 'C1', mode: 'intercept' })).rejects.toMatchObject({ status: 403 });
  });

  it('acknowledges an alert by POST with no body; 409 when it is already resolved', async () => {
    const f = stubFetch({
      'POST /api/centers/c1/alerts/a%2F1/acknowledge': { status: 200, body: alert('a/1', { state: 'acknowledged', by: 'sup' }) },
      'POST /api/centers/c1/alerts/a2/acknowledge': { status: 409, body: { error: 'alert a2 is resolved' } },
    });
    expect(await interventionsApi.acknowledge('c1', 'a/1')).toMatchObject({ state: 'acknowledged', by: 'sup' });
    expect(f.sent[0]!.body).toBeUndefined();
    const err = await interventionsApi.acknowledge('c1', 'a2').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, message: 'alert a2 is resolved' });
  });

  it('reads alerts, a command, break requests, the audit log, the agent’s own view and who I am', async () => {
    const f = stubFetch({
      'GET /api/centers/c1/alerts?state=all': { status: 200, body: { center: 'c1', state: 'all', alerts: [alert('a1')] } },
      'GET /api/centers/c1/commands/k1': { status: 200, body: command('k1', { state: 'done' }) },
      'GET /api/centers/c1/breaks?state=pending': { status: 200, body: { center: 'c1', requests: [breakRequest('b1')] } },
      'GET /api/centers/c1/audit': {
        status: 200,
        body: { center: 'c1', entries: [{ at: 'x', user: 'sup', center: 'c1', action: 'agent.forceReady', target: 'A01', before: null, after: null, outcome: 'done' }] },
      },
      'GET /api/centers/c1/agents/A01': { status: 200, body: { center: 'c1', agent: { id: 'A01' }, breaks: [], messages: [], notice: null } },
      'GET /api/me': { status: 200, body: { user: 'A01', roles: ['agent'], centers: ['c1', 'c2'] } },
    });
    expect((await interventionsApi.alerts('c1', 'all')).map((a) => a.id)).toEqual(['a1']);
    expect((await interventionsApi.command('c1', 'k1')).state).toBe('done');
    expect((await interventionsApi.breaks('c1')).map((r) => r.id)).toEqual(['b1']);
    expect((await interventionsApi.audit('c1'))[0]!.action).toBe('agent.forceReady');
    expect((await interventionsApi.agentSelf('c1', 'A01')).agent.id).toBe('A01');
    expect(await interventionsApi.me()).toEqual({ user: 'A01', roles: ['agent'], centers: ['c1', 'c2'] });
    expect(f.sent.every((s) => s.method === 'GET')).toBe(true);
  });
});
