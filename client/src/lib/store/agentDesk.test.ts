import { describe, expect, it } from 'vitest';
import {
  agentDeskStale,
  applyAgentBreak,
  applyAgentMessage,
  applyAgentNotice,
  applyAgentSelf,
  beginAgentJoin,
  currentNotice,
  initialAgentDesk,
  messagesNewestFirst,
  setAgentConnection,
} from './agentDesk';
import { agent, agentSelf, breakRequest, T0, T0_MS } from '../../test/fixtures';
import type { AgentNotice } from '../api/types';

const at = (s: number) => new Date(T0_MS + s * 1000).toISOString();

function live() {
  let s = beginAgentJoin(initialAgentDesk(), 'c1');
  s = setAgentConnection(s, 'connected', T0_MS);
  return applyAgentSelf(s, agentSelf(), T0_MS);
}

const notice: AgentNotice = { kind: 'notready.overtime', detail: 'away 240 s of 300 s', at: at(240), limitSeconds: 300, since: T0 };

describe('agent desk', () => {
  it('takes agentSelf whole; ignores another center’s', () => {
    const s = live();
    expect(s.phase).toBe('live');
    expect(s.self?.agent.id).toBe('A01');
    expect(applyAgentSelf(s, agentSelf({ center: 'c2' }), T0_MS)).toBe(s);
  });

  it('a message is added once (the next agentSelf repeats it), newest first', () => {
    let s = live();
    s = applyAgentMessage(s, { at: at(1), from: 'sup', text: 'first' }, T0_MS + 1000);
    s = applyAgentMessage(s, { at: at(2), from: 'sup', text: 'second' }, T0_MS + 2000);
    const again = applyAgentMessage(s, { at: at(1), from: 'sup', text: 'first' }, T0_MS + 3000);
    expect(again).toBe(s);
    expect(messagesNewestFirst(s.self!.messages).map((m) => m.text)).toEqual(['second', 'first']);
    expect(s.lastUpdateAt).toBe(T0_MS + 2000);
  });

  it('break requests of this agent are replaced by id and only move forward', () => {
    let s = live();
    s = applyAgentBreak(s, breakRequest('b1'), T0_MS);
    s = applyAgentBreak(s, breakRequest('b1', { state: 'denied', why: 'two already out', decidedBy: 'sup' }), T0_MS);
    expect(s.self!.breaks).toEqual([expect.objectContaining({ id: 'b1', state: 'denied', why: 'two already out' })]);
    expect(applyAgentBreak(s, breakRequest('b1'), T0_MS)).toBe(s);
    expect(applyAgentBreak(s, breakRequest('b2', { agent: 'A02' }), T0_MS)).toBe(s);
  });

  it('the 80 % notice shows only while the agent is still in that not-ready spell', () => {
    let s = applyAgentSelf(live(), agentSelf({ agent: agent('A01', { state: 'notready', reason: 'away', since: T0 }) }), T0_MS);
    s = applyAgentNotice(s, notice, T0_MS + 240000);
    expect(currentNotice(s.self)).toEqual(notice);
    const ready = applyAgentSelf(s, { ...s.self!, agent: agent('A01', { state: 'available', since: at(250) }) }, T0_MS);
    expect(currentNotice(ready.self)).toBeNull();
    const nextSpell = applyAgentSelf(s, { ...s.self!, agent: agent('A01', { state: 'notready', reason: 'away', since: at(400) }) }, T0_MS);
    expect(currentNotice(nextSpell.self)).toBeNull();
  });

  it('stale from a lost connection until the next agentSelf', () => {
    let s = live();
    expect(agentDeskStale(s)).toBe(false);
    s = setAgentConnection(s, 'reconnecting', T0_MS + 5000);
    expect(agentDeskStale(s)).toBe(true);
    s = setAgentConnection(s, 'connected', T0_MS + 6000);
    expect(agentDeskStale(s)).toBe(true);
    s = applyAgentSelf(s, agentSelf(), T0_MS + 6100);
    expect(agentDeskStale(s)).toBe(false);
  });
});
