import { describe, expect, it } from 'vitest';
import { FloorFeed } from './floorFeed';
import { initialFloor, type FloorState } from '../store/floor';
import type { BreakRequest, Command } from '../api/types';
import { FakeHub, flush } from '../../test/fakeHub';
import { breakRequest, command } from '../../test/fixtures';

describe('FloorFeed: commands and break requests', () => {
  it('hands `commandResult` and `breakRequest` to the page', async () => {
    let state: FloorState = initialFloor();
    const hub = new FakeHub();
    const results: Command[] = [];
    const requests: BreakRequest[] = [];
    const feed = new FloorFeed({
      center: 'c1',
      connect: () => hub,
      dispatch: (f) => (state = f(state)),
      onCommandResult: (c) => results.push(c),
      onBreakRequest: (r) => requests.push(r),
    });
    feed.start();
    await flush();
    hub.emit('commandResult', command('k1', { state: 'refused', outcome: 'quota' }));
    hub.emit('breakRequest', breakRequest('b1'));
    expect(results).toEqual([expect.objectContaining({ id: 'k1', state: 'refused', outcome: 'quota' })]);
    expect(requests).toEqual([expect.objectContaining({ id: 'b1', state: 'pending' })]);
    expect(state.center).toBe('c1');
    await feed.stop();
  });
});
