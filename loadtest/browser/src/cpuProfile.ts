// Where a V8 CPU profile (`--profile`, the DevTools Profiler's format) spent its time: by function
// and by source file, self and inclusive. Pure: the caller says how a call frame is named.

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based */
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** µs before each sample (the first since startTime) */
  timeDeltas: number[];
}

/** A call frame's function and the file it is in (after a source map, when there is one). */
export interface FrameName {
  fn: string;
  file: string;
  /** 1-based, where known */
  line?: number;
}

export interface TimeRow {
  name: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  /** the span the profile covers, ms */
  spanMs: number;
  /** time in no script: idle, the engine's own work and garbage collection, by V8's names */
  idleMs: number;
  programMs: number;
  gcMs: number;
  /** per function (`fn file:line`), by self time */
  functions: TimeRow[];
  /** per source file, by self time */
  files: TimeRow[];
}

const functionKey = (n: FrameName) => (n.line === undefined ? `${n.fn} ${n.file}` : `${n.fn} ${n.file}:${n.line}`);

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * Each sample lasts until the next one (as DevTools counts it). Inclusive time counts a function
 * once per sample however deep it recurses.
 */
export function summarizeProfile(p: CpuProfile, nameOf: (f: CallFrame) => FrameName): ProfileSummary {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const names = new Map<number, FrameName>();
  for (const n of p.nodes) names.set(n.id, SPECIAL.has(n.callFrame.functionName) ? { fn: n.callFrame.functionName, file: '' } : nameOf(n.callFrame));

  const fnRows = new Map<string, TimeRow>();
  const fileRows = new Map<string, TimeRow>();
  const row = (m: Map<string, TimeRow>, name: string): TimeRow => {
    let r = m.get(name);
    if (!r) m.set(name, (r = { name, selfMs: 0, totalMs: 0 }));
    return r;
  };
  let idleMs = 0;
  let programMs = 0;
  let gcMs = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (ms <= 0) continue;
    const leaf = p.samples[i]!;
    const leafName = names.get(leaf);
    if (!leafName) continue;
    if (leafName.fn === '(idle)') idleMs += ms;
    else if (leafName.fn === '(program)') programMs += ms;
    else if (leafName.fn === '(garbage collector)') gcMs += ms;
    if (leafName.file) {
      row(fnRows, functionKey(leafName)).selfMs += ms;
      row(fileRows, leafName.file).selfMs += ms;
    }
    const seenFn = new Set<string>();
    const seenFile = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const n = names.get(id)!;
      if (!n.file) continue;
      const fnKey = functionKey(n);
      if (!seenFn.has(fnKey)) {
        seenFn.add(fnKey);
        row(fnRows, fnKey).totalMs += ms;
      }
      if (!seenFile.has(n.file)) {
        seenFile.add(n.file);
        row(fileRows, n.file).totalMs += ms;
      }
    }
  }
  const bySelf = (a: TimeRow, b: TimeRow) => b.selfMs - a.selfMs || b.totalMs - a.totalMs;
  return {
    spanMs: (p.endTime - p.startTime) / 1000,
    idleMs,
    programMs,
    gcMs,
    functions: [...fnRows.values()].sort(bySelf),
    files: [...fileRows.values()].sort(bySelf),
  };
}
