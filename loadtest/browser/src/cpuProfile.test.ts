import { describe, expect, it } from 'vitest';
import { summarizeProfile, type CallFrame, type CpuProfile } from './cpuProfile.js';
import { SourceMapLookup, decodeVlq } from './sourceMap.js';

const frame = (functionName: string, url = 'http://x/assets/a.js', lineNumber = 0, columnNumber = 0): CallFrame => ({ functionName, url, lineNumber, columnNumber });

describe('CPU profile summary', () => {
  // root → main → render → sort; main → render → render (recursion); idle; program
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 6, 7] },
      { id: 2, callFrame: frame('main'), children: [3] },
      { id: 3, callFrame: frame('render', 'http://x/assets/b.js'), children: [4, 5] },
      { id: 4, callFrame: frame('sort', 'http://x/assets/b.js', 9) },
      { id: 5, callFrame: frame('render', 'http://x/assets/b.js') },
      { id: 6, callFrame: frame('(idle)', '') },
      { id: 7, callFrame: frame('(program)', '') },
    ],
    startTime: 0,
    endTime: 10_000,
    // each sample lasts until the next: 4, 3, 1, 2, 0 ms
    samples: [4, 5, 2, 6, 7],
    timeDeltas: [0, 4000, 3000, 1000, 2000],
  };
  const s = summarizeProfile(profile, (f) => ({ fn: f.functionName, file: f.url.endsWith('b.js') ? 'src/b.ts' : 'src/a.ts', line: f.lineNumber + 1 }));

  it('counts self time at the leaf and inclusive time once per sample, recursion included', () => {
    expect(s.spanMs).toBe(10);
    expect(s.idleMs).toBe(2);
    expect(s.programMs).toBe(0);
    const row = (name: string) => s.functions.find((r) => r.name === name);
    expect(row('sort src/b.ts:10')).toEqual({ name: 'sort src/b.ts:10', selfMs: 4, totalMs: 4 });
    expect(row('render src/b.ts:1')).toEqual({ name: 'render src/b.ts:1', selfMs: 3, totalMs: 7 });
    expect(row('main src/a.ts:1')).toEqual({ name: 'main src/a.ts:1', selfMs: 1, totalMs: 8 });
    expect(s.functions[0]!.name).toBe('sort src/b.ts:10');
    expect(s.files).toEqual([
      { name: 'src/b.ts', selfMs: 7, totalMs: 7 },
      { name: 'src/a.ts', selfMs: 1, totalMs: 8 },
    ]);
  });
});

describe('source maps', () => {
  it('decodes base-64 VLQ fields', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CADE')).toEqual([1, 0, -1, 2]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('hB')).toEqual([-16]);
    expect(() => decodeVlq('A*')).toThrow();
  });

  it('finds the original position at or before a generated one', () => {
    // line 0: col 0 → a.ts 0:0; col 10 → b.ts 4:2 named "sort"; line 1: col 3 → b.ts 5:0
    const map = new SourceMapLookup({ version: 3, sources: ['a.ts', 'b.ts'], names: ['sort'], mappings: 'AAAA,UCIEA;GACF' });
    expect(map.lookup(0, 0)).toEqual({ source: 'a.ts', line: 0, column: 0, name: null });
    expect(map.lookup(0, 9)).toEqual({ source: 'a.ts', line: 0, column: 0, name: null });
    expect(map.lookup(0, 25)).toEqual({ source: 'b.ts', line: 4, column: 2, name: 'sort' });
    expect(map.lookup(1, 2)).toBeNull();
    expect(map.lookup(1, 3)).toEqual({ source: 'b.ts', line: 5, column: 0, name: null });
    expect(map.lookup(7, 0)).toBeNull();
  });
});
