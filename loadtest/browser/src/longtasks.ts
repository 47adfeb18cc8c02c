// `npm run longtasks -- --agents 5000 --seconds 60`: the supervisor view of one busy center in
// headless Chromium, its main-thread long tasks and the deltas it receives. --help says more.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ArgError, parseArgs, USAGE, type BenchOptions } from './args.js';
import { DotnetProcess, freePorts } from './processes.js';
import { deltasInFrame, mainThreadTasks, summarizeDeltas, summarizeLongTasks, within, type DeltaSeen, type LongTask, type TraceEvent } from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const repoRoot = resolve(packageDir, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CENTER_PREFIX = 'lt';
const CENTER = `${CENTER_PREFIX}01`; // the load generator names its centers <prefix>01, <prefix>02, ...

const t0 = Date.now();
function progress(message: string): void {
  const s = ((Date.now() - t0) / 1000).toFixed(0).padStart(4);
  console.log(`[${s} s] ${message}`);
}

/** Installed before the page's own scripts: every long task of the page, kept in the page. */
function installLongTaskObserver(): void {
  const w = window as unknown as { __longTasks: unknown[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const attribution = ((e as unknown as { attribution?: { name: string; containerType: string; containerSrc: string; containerName: string }[] }).attribution ?? [])
        .map((a) => [a.name, a.containerType, a.containerSrc, a.containerName].filter(Boolean).join(' '))
        .join('; ');
      w.__longTasks.push({ start: e.startTime, duration: e.duration, name: e.name, attribution });
    }
  }).observe({ type: 'longtask', buffered: true });
}

async function pageTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks.slice());
}

async function pageClock(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The seq the page shows (data-seq of the supervisor view) and its "shown of total" text. */
async function pageState(page: Page): Promise<{ seq: number | null; count: string; rows: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="supervisor"]');
    const seq = Number(root?.getAttribute('data-seq') ?? '');
    return {
      seq: Number.isFinite(seq) && root?.getAttribute('data-seq') ? seq : null,
      count: document.querySelector('[data-testid="agent-count"]')?.textContent ?? '',
      rows: document.querySelectorAll('[role="row"][data-testid^="agent-"]').length,
    };
  });
}

/** All cores' busy share since the last call, from /proc/stat (null on the first call or off Linux). */
function machineCpu(): () => number | null {
  const read = (): { busy: number; total: number } | null => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const idle = (f[3] ?? 0) + (f[4] ?? 0);
      const total = f.reduce((a, b) => a + b, 0);
      return { busy: total - idle, total };
    } catch {
      return null;
    }
  };
  let last = read();
  return () => {
    const now = read();
    const share = now && last && now.total > last.total ? (now.busy - last.busy) / (now.total - last.total) : null;
    last = now;
    return share;
  };
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

async function token(baseUrl: string, user: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  if (!res.ok) throw new Error(`POST /api/auth/token: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fmt(n: number | null, digits = 0): string {
  return n === null || !Number.isFinite(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

async function run(o: BenchOptions): Promise<void> {
  const serverDll = resolve(o.serverDll ?? process.env.FLOORWATCH_SERVER_DLL ?? join(repoRoot, 'server/FloorWatch.Server/bin/Release/net10.0/FloorWatch.Server.dll'));
  if (!existsSync(serverDll)) throw new Error(`no server build at ${serverDll}: dotnet build -c Release server/FloorWatch.Server`);
  if (!existsSync(join(dirname(serverDll), 'wwwroot', 'index.html'))) {
    throw new Error(`the server build carries no client (no wwwroot/index.html beside ${serverDll}): dotnet build -c Release server/FloorWatch.Server`);
  }
  const loadgenDll = resolve(o.loadgenDll ?? join(repoRoot, 'loadtest/FloorWatch.LoadGen/bin/Release/net10.0/FloorWatch.LoadGen.dll'));
  if (!existsSync(loadgenDll)) {
    if (o.loadgenDll) throw new Error(`no load generator build at ${loadgenDll}`);
    progress('building the load generator (dotnet build -c Release loadtest/FloorWatch.LoadGen)');
    const b = spawnSync('dotnet', ['build', '-c', 'Release', join(repoRoot, 'loadtest/FloorWatch.LoadGen'), '-nologo', '-v', 'q'], { stdio: 'inherit' });
    if (b.status !== 0 || !existsSync(loadgenDll)) throw new Error('the load generator did not build');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);

  const artifacts = join(packageDir, 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  const [httpPort, ctiPort, siloPort, gatewayPort] = (await freePorts(4)) as [number, number, number, number];
  const dataDir = mkdtempSync(join(tmpdir(), 'floorwatch-longtasks-'));
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const ctiKey = `bench-${randomBytes(8).toString('hex')}`;
  const user = 'bench';
  const password = randomBytes(12).toString('hex');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FloorWatch__')));
  Object.assign(env, {
    FloorWatch__DataPath: dataDir,
    FloorWatch__Cti__ApiKey: ctiKey,
    FloorWatch__Cti__TcpPort: String(ctiPort),
    FloorWatch__Silo__Port: String(siloPort),
    FloorWatch__Silo__GatewayPort: String(gatewayPort),
    FloorWatch__PushIntervalMs: String(o.pushMs),
    FloorWatch__Users__0__Name: user,
    FloorWatch__Users__0__Password: password,
    FloorWatch__Users__0__Roles__0: 'admin',
    FloorWatch__Users__0__Roles__1: 'supervisor',
    FloorWatch__Users__0__Roles__2: 'wallboard',
    FloorWatch__Users__0__Centers__0: '*',
    DOTNET_NOLOGO: '1',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  });

  let server: DotnetProcess | undefined;
  let loadgen: DotnetProcess | undefined;
  let browser: Browser | undefined;
  let stopping = false; // the load generator's lines past this point (its cancellation) go to its log only
  const onExit = (): void => {
    loadgen?.killNow();
    server?.killNow();
  };
  process.once('exit', onExit);
  const interrupted = new Promise<never>((_, reject) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => reject(new Error(`stopped by ${sig}`)));
  });
  interrupted.catch(() => {});

  try {
    progress(`starting the server ${serverDll} (push every ${o.pushMs} ms, data ${dataDir})`);
    server = new DotnetProcess('the server', serverDll, ['--urls', baseUrl], env, join(artifacts, 'server.log'));
    // Listening, and the journal replayed: the order of the two depends on the journal's length.
    const up = Promise.all([
      server.waitForLine(/Application started/, 90_000, '"Application started"'),
      server.waitForLine(/Ready: the journal is replayed/, 90_000, '"Ready"'),
    ]);
    await Promise.race([up, interrupted]);
    progress(`server up at ${baseUrl} (pid ${server.pid}; log ${join(artifacts, 'server.log')})`);
    const bearer = await token(baseUrl, user, password);

    // The load generator against this server: one center, no SignalR clients of its own, long
    // enough for the page to load, warm up and be observed; stopped once the observation is done.
    const loadSeconds = Math.ceil(o.warmup + o.seconds + 60);
    const loadArgs = [
      '--url', baseUrl, '--cti-key', ctiKey, '--cti-port', String(ctiPort), '--user', user, '--password', password,
      '--server-pid', String(server.pid), '--centers', '1', '--agents', String(o.agents), '--queues', String(o.queues),
      '--rate', String(o.rate), '--duration', String(loadSeconds), '--clients', '0', '--bare-seconds', '0',
      '--center-prefix', CENTER_PREFIX, '--seed', String(o.seed), '--drain', '10',
    ];
    progress(`starting the load generator: 1 center "${CENTER}", ${fmt(o.agents)} agents, ${o.queues} queues, ${fmt(o.rate)} events/s for up to ${loadSeconds} s`);
    loadgen = new DotnetProcess('the load generator', loadgenDll, loadArgs, { ...env, DOTNET_gcServer: '0' }, join(artifacts, 'loadgen.log'), (l) => {
      if (!stopping) progress(`[loadgen] ${l}`);
    });
    // "[   5 s] offered ..." is its first progress line, five seconds into the load
    await Promise.race([loadgen.waitForLine(/centers known to the server/, 600_000, 'center on the server'), interrupted]);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(installLongTaskObserver);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('crash', () => pageErrors.push('page crashed'));

    // Deltas as the page receives them, read from the WebSocket frames Playwright sees anyway
    // (its Network domain is on for every page): nothing is added to the page's own work.
    const deltas: DeltaSeen[] = [];
    let snapshots = 0;
    page.on('websocket', (ws) => {
      if (!ws.url().includes('/hubs/floor')) return;
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string') return;
        const at = Date.now();
        if (payload.includes('"target":"snapshot"')) snapshots++;
        for (const d of deltasInFrame(payload, at)) deltas.push(d);
      });
    });

    const openedAt = Date.now();
    progress(`opening ${baseUrl}/supervisor/${CENTER} in headless Chromium (1920x1080)`);
    await page.goto(`${baseUrl}/supervisor/${CENTER}?token=${encodeURIComponent(bearer)}`);
    await page.locator('[role="row"][data-testid^="agent-"]').first().waitFor({ timeout: 120_000 });
    await loadgen.waitForLine(/\]\s+offered /, 600_000, 'load (its first progress line)');
    const shownAt = Date.now();
    progress(`agents on screen after ${((shownAt - openedAt) / 1000).toFixed(1)} s: ${(await pageState(page)).count}; warming up for ${o.warmup} s`);
    for (let left = o.warmup; left > 0; left -= 5) {
      await Promise.race([sleep(Math.min(5, left) * 1000), interrupted]);
      const n = deltas.filter((d) => d.at > Date.now() - 5000);
      progress(`warm-up: ${(n.length / 5).toFixed(1)} deltas/s, ${fmt(n.reduce((a, d) => a + d.agents, 0) / Math.max(1, n.length))} agents each, page "${(await pageState(page)).count}"`);
    }

    // The observation.
    let cdp: Awaited<ReturnType<typeof context.newCDPSession>> | undefined;
    if (o.profile) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // Always a light trace (top-level tasks with their CPU time), the full one with --trace.
    await browser.startTracing(page, o.trace ? { path: resolve(o.trace), screenshots: false } : { categories: ['toplevel', '__metadata'] });
    const cpu = machineCpu();
    const loadAvgStart = loadAverage();
    const before = await pageState(page);
    const from = await pageClock(page);
    const nodeFrom = Date.now();
    progress(`observing for ${o.seconds} s`);
    let lastTick = nodeFrom;
    while (Date.now() - nodeFrom < o.seconds * 1000) {
      await Promise.race([sleep(Math.min(5000, nodeFrom + o.seconds * 1000 - Date.now())), interrupted]);
      if (!loadgen.running) throw new Error(`the load generator stopped during the observation:\n${loadgen.tail(20)}`);
      const now = Date.now();
      const d = summarizeDeltas(deltas, lastTick, now);
      const lt = summarizeLongTasks(within(await pageTasks(page), from, Infinity));
      progress(`observed ${((now - nodeFrom) / 1000).toFixed(0)} s: ${d.perSecond.toFixed(1)} deltas/s, ${fmt(d.agentsPerDeltaMean)} agents each; long tasks so far ${lt.count}, longest ${fmt(lt.longestMs)} ms`);
      lastTick = now;
    }
    const to = await pageClock(page);
    const nodeTo = Date.now();
    const after = await pageState(page);
    const machineBusy = cpu();
    const loadAvgEnd = loadAverage();
    const traced = await browser.stopTracing();
    if (o.trace) progress(`trace written to ${resolve(o.trace)}`);
    const traceJson = JSON.parse(traced.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const cpuTasks = mainThreadTasks(Array.isArray(traceJson) ? traceJson : (traceJson.traceEvents ?? []));
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(resolve(o.profile!), JSON.stringify(profile));
      progress(`CPU profile written to ${resolve(o.profile!)}`);
    }

    const all = await pageTasks(page);
    const observed = within(all, from, to);
    const lt = summarizeLongTasks(observed);
    const loading = summarizeLongTasks(within(all, 0, from));
    const ds = summarizeDeltas(deltas, nodeFrom, nodeTo);
    const seconds = (nodeTo - nodeFrom) / 1000;
    const applied = before.seq !== null && after.seq !== null ? (after.seq - before.seq) / seconds : null;
    const loadEndedEarly = loadgen.tail(300).includes('load sent for');

    const result = {
      when: new Date(t0).toISOString(),
      options: o,
      machine: { cores: cpus().length, loadAverageAtStart: loadAvgStart, loadAverageAtEnd: loadAvgEnd, cpuBusyShare: machineBusy },
      center: CENTER,
      agents: o.agents,
      agentCountText: after.count,
      rowsInDom: after.rows,
      observedSeconds: seconds,
      deltas: { ...ds, appliedPerSecond: applied, seqAtStart: before.seq, seqAtEnd: after.seq, snapshots },
      longTasks: { ...lt, tasks: observed },
      mainThreadTasks: cpuTasks,
      longTasksBeforeObservation: { ...loading, tasks: within(all, 0, from) },
      target: { longestAllowedMs: 50, met: lt.count === 0 },
      loadEndedEarly,
      pageErrors,
    };
    const outPath = resolve(packageDir, o.out);
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, JSON.stringify(result, null, 2) + '\n');

    const rows: [string, string][] = [
      ['agents', `${fmt(o.agents)} (page: ${after.count})`],
      ['deltas/s received', `${ds.perSecond.toFixed(1)} (applied by the page: ${applied === null ? '–' : applied.toFixed(1)}/s)`],
      ['agents per delta (mean)', `${fmt(ds.agentsPerDeltaMean)} (${fmt(ds.bytesPerDeltaMean / 1024)} KiB per delta)`],
      ['long tasks (> 50 ms)', `${lt.count}`],
      ['longest task ms', fmt(lt.longestMs)],
      ['p95 task ms', lt.count ? fmt(lt.p95Ms) : '–'],
      ['total blocked ms', `${fmt(lt.blockedMs)} (time past 50 ms; long tasks took ${fmt(lt.totalMs)} ms in all)`],
      ['tasks by CPU time (trace)', `longest ${fmt(cpuTasks.longestCpuMs)} ms CPU, p95 ${fmt(cpuTasks.p95CpuMsOfTasksOver5Ms)} ms of tasks ≥ 5 ms, ${cpuTasks.overCpuMs} over 50 ms; main thread ${fmt(cpuTasks.cpuMsPerSecond)} ms CPU/s`],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    console.log(`\nsupervisor view of ${fmt(o.agents)} agents, push every ${o.pushMs} ms, ${fmt(o.rate)} events/s offered, observed ${seconds.toFixed(0)} s`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
    console.log(`  ${'before the observation'.padEnd(w)}  ${loading.count} long tasks, longest ${fmt(loading.longestMs)} ms (loading, snapshot, warm-up)`);
    console.log(`  ${'machine'.padEnd(w)}  ${cpus().length} cores ${machineBusy === null ? '' : `${(machineBusy * 100).toFixed(0)} % busy`}, load average ${loadAvgStart} → ${loadAvgEnd}`);
    console.log(`  ${'target (no task > 50 ms)'.padEnd(w)}  ${lt.count === 0 ? 'met' : 'NOT met'}`);
    if (ds.seqGaps) console.log(`  warning: ${ds.seqGaps} seq gaps among the deltas received`);
    if (loadEndedEarly) console.log('  warning: the load generator ran out of load before the observation ended');
    if (pageErrors.length) console.log(`  page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
    console.log(`\nresults written to ${outPath}`);
  } catch (e) {
    if (server && !server.running) console.error(`--- the server's last lines ---\n${server.tail(40)}`);
    throw e;
  } finally {
    progress('stopping');
    stopping = true;
    await browser?.close().catch(() => {});
    await loadgen?.stop('SIGINT', 15_000);
    await server?.stop('SIGTERM', 20_000);
    process.off('exit', onExit);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

let options: BenchOptions | null;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof ArgError)) throw e;
  console.error(`${e.message}\n`);
  console.error(USAGE);
  process.exit(2);
}
if (options === null) {
  console.log(USAGE);
  process.exit(0);
}
try {
  await run(options);
  process.exit(0);
} catch (e) {
  console.error(`\nthe run failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
