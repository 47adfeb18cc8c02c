// The figures of a run, from what was recorded: pure, so they are tested without a browser.

/** A main-thread task of 50 ms or more, as the long-task API reports it (page clock, ms). */
export interface LongTask {
  start: number;
  duration: number;
  /** the long-task entry's name ('self', 'same-origin-descendant', ...) and its attribution */
  name?: string;
  attribution?: string;
}

/** The long-task API's threshold: a task is long when it takes more than 50 ms. */
export const LONG_TASK_MS = 50;

/** The p-th percentile (0–100) by the nearest-rank method; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0..100 (got ${p})`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface LongTaskSummary {
  count: number;
  /** the longest task, ms (0 when there was none) */
  longestMs: number;
  /** p95 of the long tasks' durations, ms (0 when there was none) */
  p95Ms: number;
  /** all long tasks' time, ms */
  totalMs: number;
  /** time past 50 ms in each long task, added up (Total Blocking Time), ms */
  blockedMs: number;
}

/** Long tasks that started in [from, to) (page clock, ms). */
export function within(tasks: readonly LongTask[], from: number, to: number): LongTask[] {
  return tasks.filter((t) => t.start >= from && t.start < to);
}

export function summarizeLongTasks(tasks: readonly LongTask[]): LongTaskSummary {
  const d = tasks.map((t) => t.duration);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    count: d.length,
    longestMs: d.length ? Math.max(...d) : 0,
    p95Ms: percentile(d, 95) ?? 0,
    totalMs: sum(d),
    blockedMs: sum(d.map((x) => Math.max(0, x - LONG_TASK_MS))),
  };
}

/** One `delta` the page received: when (ms, any clock), how many agents and bytes it carried. */
export interface DeltaSeen {
  at: number;
  agents: number;
  bytes: number;
  seq: number;
}

export interface DeltaSummary {
  count: number;
  perSecond: number;
  agentsPerDeltaMean: number;
  /** deltas that carried no agent */
  withoutAgents: number;
  bytesPerDeltaMean: number;
  /** seq gaps among the deltas received (each gap counted once) */
  seqGaps: number;
}

/** Deltas received in [from, to): their rate over that window and what they carried. */
export function summarizeDeltas(deltas: readonly DeltaSeen[], from: number, to: number): DeltaSummary {
  const seen = deltas.filter((d) => d.at >= from && d.at < to);
  const seconds = (to - from) / 1000;
  let agents = 0;
  let bytes = 0;
  let withoutAgents = 0;
  let seqGaps = 0;
  for (let i = 0; i < seen.length; i++) {
    const d = seen[i]!;
    agents += d.agents;
    bytes += d.bytes;
    if (d.agents === 0) withoutAgents++;
    if (i > 0 && d.seq !== seen[i - 1]!.seq + 1) seqGaps++;
  }
  const n = seen.length;
  return {
    count: n,
    perSecond: seconds > 0 ? n / seconds : 0,
    agentsPerDeltaMean: n ? agents / n : 0,
    withoutAgents,
    bytesPerDeltaMean: n ? bytes / n : 0,
    seqGaps,
  };
}

/**
 * The `delta` invocations in one WebSocket text frame of the SignalR JSON protocol: records end
 * with the 0x1e record separator; an invocation is `{"type":1,"target":"delta","arguments":[delta]}`.
 */
export function deltasInFrame(frame: string, at: number): DeltaSeen[] {
  const out: DeltaSeen[] = [];
  for (const record of frame.split('\u001e')) {
    // a cheap look before parsing: pings, acks and snapshots are not counted
    if (!record.includes('"delta"')) continue;
    let msg: unknown;
    try {
      msg = JSON.parse(record);
    } catch {
      continue;
    }
    if (!msg || typeof msg !== 'object') continue;
    const m = msg as { type?: unknown; target?: unknown; arguments?: unknown };
    if (m.type !== 1 || m.target !== 'delta' || !Array.isArray(m.arguments)) continue;
    const d = m.arguments[0] as { agents?: unknown; seq?: unknown } | undefined;
    out.push({
      at,
      agents: Array.isArray(d?.agents) ? d.agents.length : 0,
      bytes: Buffer.byteLength(record, 'utf8'),
      seq: typeof d?.seq === 'number' ? d.seq : NaN,
    });
  }
  return out;
}

/** A trace event as Chromium writes it (the fields used here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  /** top-level tasks of the renderer's main thread */
  count: number;
  /** tasks that took more than 50 ms of the wall clock (what the long-task API sees) */
  overWallMs: number;
  /** tasks that took more than 50 ms of the main thread's own CPU time */
  overCpuMs: number;
  longestWallMs: number;
  longestCpuMs: number;
  /** p95 of the CPU time of the tasks that took 5 ms of wall clock or more */
  p95CpuMsOfTasksOver5Ms: number;
  /** the main thread's CPU time over the traced span, ms per second */
  cpuMsPerSecond: number;
  /** the longest tasks by CPU time: wall and CPU ms */
  longest: { wallMs: number; cpuMs: number }[];
}

/**
 * The top-level tasks of the busiest renderer main thread in a trace recorded with the
 * `toplevel` category: each task's wall time (`dur`) and the thread's CPU time in it (`tdur`).
 * On a machine whose cores are shared, CPU time is what the page's own work costs; the wall
 * time adds the time the thread waited for a core.
 */
export function mainThreadTasks(events: readonly TraceEvent[]): MainThreadTasks {
  const mains = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (!mains.has(k) || !isTask(e)) continue;
    let list = byThread.get(k);
    if (!list) byThread.set(k, (list = []));
    list.push(e);
  }
  let tasks: TraceEvent[] = [];
  for (const list of byThread.values()) if (list.length > tasks.length) tasks = list;
  tasks = [...tasks].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // top level only: a task that runs inside another (a nested run loop) is part of it
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts < end) continue;
    top.push(t);
    end = t.ts + (t.dur ?? 0);
  }
  const wall = top.map((t) => (t.dur ?? 0) / 1000);
  const cpu = top.map((t) => (t.tdur ?? 0) / 1000);
  const span = top.length ? (top[top.length - 1]!.ts + (top[top.length - 1]!.dur ?? 0) - top[0]!.ts) / 1e6 : 0;
  const cpuSum = cpu.reduce((a, b) => a + b, 0);
  const longest = top
    .map((t, i) => ({ wallMs: wall[i]!, cpuMs: cpu[i]! }))
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .slice(0, 10);
  return {
    count: top.length,
    overWallMs: wall.filter((x) => x > LONG_TASK_MS).length,
    overCpuMs: cpu.filter((x) => x > LONG_TASK_MS).length,
    longestWallMs: wall.length ? Math.max(...wall) : 0,
    longestCpuMs: cpu.length ? Math.max(...cpu) : 0,
    p95CpuMsOfTasksOver5Ms: percentile(cpu.filter((_, i) => wall[i]! >= 5), 95) ?? 0,
    cpuMsPerSecond: span > 0 ? cpuSum / span : 0,
    longest,
  };
}
