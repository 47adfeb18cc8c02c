// `npm run profile-report -- page.cpuprofile [--web-root dir] [--top n]`: the functions and source
// files a `--profile` recording spent its time in, named through the client build's source maps.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeProfile, type CallFrame, type CpuProfile, type FrameName, type TimeRow } from './cpuProfile.js';
import { SourceMapLookup, type SourceMapV3 } from './sourceMap.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_ROOT = resolve(here, '../../../server/FloorWatch.Server/bin/Release/net10.0/wwwroot');
const USAGE = `Usage: npm run profile-report -- <file.cpuprofile> [--web-root <dir>] [--top <n>]

  --web-root <dir>  the client build the page ran, with its source maps (default: the server's Release
                    build's wwwroot; give the --server-dll's wwwroot when the run used another build)
  --top <n>         rows per table (default 30)`;

function parse(argv: string[]): { file: string; webRoot: string; top: number } | null {
  let file: string | null = null;
  let webRoot = DEFAULT_WEB_ROOT;
  let top = 30;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return null;
    if (a === '--web-root') webRoot = resolve(argv[++i] ?? '');
    else if (a === '--top') top = Number(argv[++i]);
    else if (!file) file = resolve(a);
    else throw new Error(`unknown argument '${a}'`);
  }
  if (!file || !Number.isInteger(top) || top < 1) return null;
  return { file, webRoot, top };
}

/** Names frames by the source map beside each script the page loaded from the web root. */
function namer(webRoot: string): (f: CallFrame) => FrameName {
  const maps = new Map<string, SourceMapLookup | null>();
  const mapOf = (url: string): SourceMapLookup | null => {
    if (!maps.has(url)) {
      const path = join(webRoot, 'assets', basename(new URL(url).pathname) + '.map');
      maps.set(url, existsSync(path) ? new SourceMapLookup(JSON.parse(readFileSync(path, 'utf8')) as SourceMapV3) : null);
    }
    return maps.get(url)!;
  };
  return (f) => {
    const fn = f.functionName || '(anonymous)';
    if (!f.url) return { fn, file: '(native)' };
    if (!f.url.startsWith('http')) return { fn, file: f.url };
    const pos = mapOf(f.url)?.lookup(f.lineNumber, f.columnNumber);
    if (!pos) return { fn, file: basename(new URL(f.url).pathname) };
    // node_modules/react-dom/cjs/x.js → react-dom/cjs/x.js; ../../src/a/b.ts → src/a/b.ts
    const source = pos.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
    return { fn: pos.name && fn.length <= 2 ? `${fn}=${pos.name}` : fn, file: source, line: pos.line + 1 };
  };
}

const ms = (n: number) => n.toFixed(0).padStart(7);

function table(title: string, rows: TimeRow[], top: number, spanMs: number): void {
  console.log(`\n${title}\n   self ms  total ms   self %  name`);
  for (const r of rows.slice(0, top)) console.log(`  ${ms(r.selfMs)}   ${ms(r.totalMs)}   ${((r.selfMs / spanMs) * 100).toFixed(1).padStart(5)}   ${r.name}`);
}

function main(): void {
  const o = parse(process.argv.slice(2));
  if (!o) {
    console.log(USAGE);
    return;
  }
  const profile = JSON.parse(readFileSync(o.file, 'utf8')) as CpuProfile;
  const s = summarizeProfile(profile, namer(o.webRoot));
  const busy = s.spanMs - s.idleMs;
  console.log(`${o.file}: ${(s.spanMs / 1000).toFixed(1)} s; busy ${busy.toFixed(0)} ms (${((busy / s.spanMs) * 100).toFixed(0)} %), of which the engine's own (program) ${s.programMs.toFixed(0)} ms, garbage collection ${s.gcMs.toFixed(0)} ms`);
  table('by source file', s.files, o.top, s.spanMs);
  table('by function, self time', s.functions, o.top, s.spanMs);
  table('by function, inclusive time', [...s.functions].sort((a, b) => b.totalMs - a.totalMs), o.top, s.spanMs);
}

main();
