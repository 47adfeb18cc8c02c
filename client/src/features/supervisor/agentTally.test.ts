import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../lib/api/types';
import { agent } from '../../test/fixtures';
import { pick, randomAgent, randomIds, rng } from '../../test/randomAgents';
import { changedKeys, noteCopy } from '../../lib/store/mapChanges';
import { queueChoices, queuesOfAgent, reasonOfAgent, tallyAgents, updateTally, type AgentTally } from './agentTally';

const byId = (agents: AgentView[]) => new Map(agents.map((a) => [a.id, a]));

describe('the filter lists of the agent grid', () => {
  const floor = byId([
    agent('A10', { state: 'notready', reason: 'away', queues: ['billing'] }),
    agent('A2', { state: 'available', reason: 'lunch', queues: ['billing', 'sales'] }),
    agent('A3', { state: 'loggedout', queues: [] }),
    agent('A4', { state: 'notready', reason: 'lunch', queues: ['vip'] }),
  ]);

  it('lists the reasons of agents not ready, and the queues of the list and of the agents', () => {
    expect(tallyAgents(floor, reasonOfAgent).values).toEqual(['away', 'lunch']);
    expect(queueChoices(['billing', 'overflow'], tallyAgents(floor, queuesOfAgent).values)).toEqual(['billing', 'overflow', 'sales', 'vip']);
  });

  it('orders values that collate alike by their code units, whatever came first', () => {
    expect(queueChoices(['b', 'q10', 'Q2'], ['q2', 'a'])).toEqual(['a', 'b', 'Q2', 'q2', 'q10']);
    expect(queueChoices(['q2'], ['Q2'])).toEqual(['Q2', 'q2']);
  });

  it('counts each value an agent has once', () => {
    expect(tallyAgents(byId([agent('A1', { queues: ['vip', 'vip'] })]), queuesOfAgent).counts.get('vip')).toBe(1);
  });
});

describe('the tally kept by the agents each delta changes', () => {
  it('equals a full count after random deltas (many seeds), and keeps its list while the values stay', () => {
    let keptList = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      let agents = byId(randomIds(r, 20 + Math.floor(r() * 100)).map((id) => randomAgent(r, id)));
      const valuesOf = pick(r, [queuesOfAgent, reasonOfAgent]);
      let tally: AgentTally<AgentView> = tallyAgents(agents, valuesOf);
      for (let step = 0; step < 40; step++) {
        const ids = [...agents.keys()];
        const set = Array.from({ length: 1 + Math.floor(r() * 6) }, (_, i) => (r() < 0.05 ? `new-${step}-${i}` : pick(r, ids)));
        const next = new Map(agents);
        for (const id of set) next.set(id, randomAgent(r, id));
        noteCopy(agents, next, set);
        const prev = tally;
        tally = updateTally(prev, next, valuesOf, changedKeys(agents, next));
        agents = next;
        const full = tallyAgents(agents, valuesOf);
        expect(new Map([...tally.counts].sort()), `seed ${seed} step ${step}`).toEqual(new Map([...full.counts].sort()));
        expect(tally.values, `seed ${seed} step ${step}`).toEqual(full.values);
        if (tally.values === prev.values) keptList++;
      }
    }
    expect(keptList).toBeGreaterThan(100);
  });
});
