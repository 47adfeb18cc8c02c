import { describe, expect, it } from 'vitest';
import { applyBreakList, applyBreakRequest, decidedBreaks, initialBreaks, pendingBreaks } from './breaks';
import { breakRequest, T0_MS } from '../../test/fixtures';

const at = (s: number) => new Date(T0_MS + s * 1000).toISOString();

describe('break requests', () => {
  it('the approval queue is the pending requests, first asked first', () => {
    const s = applyBreakList(initialBreaks(), 'c1', [
      breakRequest('b2', { requestedAt: at(20) }),
      breakRequest('b1', { requestedAt: at(10) }),
    ]);
    expect(pendingBreaks(s).map((r) => r.id)).toEqual(['b1', 'b2']);
  });

  it('a decision over the hub moves a request out of the queue; a refusal keeps its why', () => {
    let s = applyBreakList(initialBreaks(), 'c1', [breakRequest('b1')]);
    s = applyBreakRequest(s, breakRequest('b1', { state: 'refused', why: 'service level protected: q1 has 7 waiting', decidedAt: at(5) }));
    expect(pendingBreaks(s)).toEqual([]);
    expect(decidedBreaks(s).map((r) => [r.id, r.state, r.why])).toEqual([['b1', 'refused', 'service level protected: q1 has 7 waiting']]);
  });

  it('never goes back: a pending list read before a decision does not undo it', () => {
    let s = applyBreakList(initialBreaks(), 'c1', []);
    s = applyBreakRequest(s, breakRequest('b1', { state: 'approved' }));
    s = applyBreakList(s, 'c1', [breakRequest('b1')]);
    expect(s.byId['b1']?.state).toBe('approved');
    s = applyBreakRequest(s, breakRequest('b1', { state: 'taken' }));
    s = applyBreakRequest(s, breakRequest('b1', { state: 'approved' }));
    expect(s.byId['b1']?.state).toBe('taken');
  });

  it('a fresh pending list drops requests decided while no one listened', () => {
    let s = applyBreakList(initialBreaks(), 'c1', [breakRequest('b1'), breakRequest('b2')]);
    s = applyBreakList(s, 'c1', [breakRequest('b2')]);
    expect(Object.keys(s.byId)).toEqual(['b2']);
  });

  it('another center’s requests stay out; a list of a new center starts afresh', () => {
    let s = applyBreakList(initialBreaks(), 'c1', [breakRequest('b1')]);
    expect(applyBreakRequest(s, breakRequest('x', { center: 'c2' }))).toBe(s);
    s = applyBreakList(s, 'c2', [breakRequest('b9', { center: 'c2' })]);
    expect(s.center).toBe('c2');
    expect(Object.keys(s.byId)).toEqual(['b9']);
  });
});
