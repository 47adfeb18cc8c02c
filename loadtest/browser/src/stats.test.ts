import { describe, expect, it } from 'vitest';
import { ArgError, DEFAULTS, parseArgs } from './args.js';
import { deltasInFrame, mainThreadTasks, percentile, summarizeDeltas, summarizeLongTasks, within, type TraceEvent } from './stats.js';

const RS = '\u001e';

describe('percentile (nearest rank)', () => {
  it('picks the value at rank ceil(p/100 · n)', () => {
    expect(percentile([], 95)).toBeNull();
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('long tasks', () => {
  const tasks = [
    { start: 100, duration: 60 },
    { start: 900, duration: 51 },
    { start: 1500, duration: 120 },
    { start: 5000, duration: 80 },
  ];
  it('sums what is past 50 ms (total blocking time) and reports the longest and p95', () => {
    expect(summarizeLongTasks(tasks)).toEqual({ count: 4, longestMs: 120, p95Ms: 120, totalMs: 311, blockedMs: 10 + 1 + 70 + 30 });
    expect(summarizeLongTasks([])).toEqual({ count: 0, longestMs: 0, p95Ms: 0, totalMs: 0, blockedMs: 0 });
  });
  it('keeps the tasks that started in the window', () => {
    expect(within(tasks, 900, 5000).map((t) => t.start)).toEqual([900, 1500]);
  });
});

describe('deltas', () => {
  const invocation = (target: string, arg: unknown) => JSON.stringify({ type: 1, target, arguments: [arg] }) + RS;
  it('finds the delta invocations in a frame of the SignalR JSON protocol', () => {
    const frame =
      invocation('delta', { seq: 4, agents: [{ id: 'a' }, { id: 'b' }] }) +
      JSON.stringify({ type: 6 }) + RS +
      invocation('alert', { id: 'x', note: 'delta' }) +
      invocation('delta', { seq: 5, agents: [] });
    const seen = deltasInFrame(frame, 1234);
    expect(seen.map(({ at, agents, seq }) => ({ at, agents, seq }))).toEqual([
      { at: 1234, agents: 2, seq: 4 },
      { at: 1234, agents: 0, seq: 5 },
    ]);
    expect(seen[0]!.bytes).toBe(Buffer.byteLength(invocation('delta', { seq: 4, agents: [{ id: 'a' }, { id: 'b' }] })) - 1);
    expect(deltasInFrame(invocation('snapshot', { seq: 3, agents: [{}] }), 0)).toEqual([]);
    expect(deltasInFrame('{"type":1,"target":"delta"' + RS, 0)).toEqual([]); // cut short: not counted
  });
  it('gives the rate over the window, agents and bytes per delta, and seq gaps', () => {
    const d = (at: number, seq: number, agents: number) => ({ at, seq, agents, bytes: 1000 });
    const s = summarizeDeltas([d(500, 1, 9), d(1000, 2, 10), d(1100, 3, 0), d(2500, 5, 20), d(3000, 6, 30)], 1000, 3000);
    expect(s).toEqual({ count: 3, perSecond: 1.5, agentsPerDeltaMean: 10, withoutAgents: 1, bytesPerDeltaMean: 1000, seqGaps: 1 });
    expect(summarizeDeltas([], 0, 1000).perSecond).toBe(0);
  });
});

describe('main-thread tasks from a trace', () => {
  const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
  const task = (pid: number, tid: number, ts: number, durMs: number, cpuMs: number): TraceEvent => ({
    name: 'ThreadControllerImpl::RunTask',
    ph: 'X',
    pid,
    tid,
    ts,
    dur: durMs * 1000,
    tdur: cpuMs * 1000,
  });
  it('takes the busiest renderer main thread, top-level tasks only, wall and CPU time apart', () => {
    const events = [
      meta(1, 1, 'CrBrowserMain'),
      meta(2, 2, 'CrRendererMain'),
      meta(3, 3, 'CrRendererMain'), // an idle renderer
      task(1, 1, 0, 500, 500), // the browser process: not the page
      task(3, 3, 0, 70, 70),
      task(2, 2, 1_000_000, 80, 20), // waited for a core: long by the wall clock only
      task(2, 2, 1_010_000, 10, 10), // nested inside the one before
      task(2, 2, 1_200_000, 60, 55),
      task(2, 2, 1_300_000, 4, 4),
      task(2, 2, 2_000_000, 6, 3),
    ];
    const r = mainThreadTasks(events);
    expect(r.count).toBe(4);
    expect(r.overWallMs).toBe(2);
    expect(r.overCpuMs).toBe(1);
    expect(r.longestWallMs).toBe(80);
    expect(r.longestCpuMs).toBe(55);
    expect(r.p95CpuMsOfTasksOver5Ms).toBe(55); // of 20, 55, 3
    expect(r.cpuMsPerSecond).toBeCloseTo(82 / 1.006, 6);
    expect(r.longest[0]).toEqual({ wallMs: 60, cpuMs: 55 });
  });
  it('is empty without a renderer', () => {
    expect(mainThreadTasks([]).count).toBe(0);
  });
});

describe('arguments', () => {
  it('reads numbers and paths, both as --name value and --name=value', () => {
    expect(parseArgs([])).toEqual(DEFAULTS);
    expect(parseArgs(['--agents', '5000', '--seconds=60', '--out', 'x.json'])).toMatchObject({ agents: 5000, seconds: 60, out: 'x.json' });
    expect(parseArgs(['--agents', '10', '--help'])).toBeNull();
  });
  it('refuses what it does not know and numbers out of range', () => {
    expect(() => parseArgs(['--agent', '5'])).toThrow(ArgError);
    expect(() => parseArgs(['--agents', '0'])).toThrow(/between 1 and 10000/);
    expect(() => parseArgs(['--agents', '2.5'])).toThrow(ArgError);
    expect(() => parseArgs(['--seconds'])).toThrow(/got nothing/);
    expect(() => parseArgs(['--out', ''])).toThrow(ArgError);
  });
});
