import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ServerProcess } from './server-process.js';
import { AUDIENCE, CLIENT_ID, startAuthority } from './authority.js';

export interface ServerInfo {
  baseUrl: string;
  httpPort: number;
  ctiPort: number;
  siloPort: number;
  gatewayPort: number;
  dataDir: string;
  /** Loopback address of this setup's control endpoint: POST /stop, POST /start, GET /log. */
  controlUrl: string;
  serverLog: string;
  artifactsDir: string;
  /** True when the server build carries the client (wwwroot/index.html beside the dll). */
  clientBuilt: boolean;
  ctiKey: string;
  /** When the server printed "Application started" and "Ready" (epoch ms), first start. */
  startedAt: number;
  /** The OpenID Connect authority the server takes tokens from, beside its local users. */
  authority: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    server: ServerInfo;
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const repoRoot = resolve(packageDir, '..', '..');
// FLOORWATCH_SERVER_DLL points at another build (e.g. a copy with a client built elsewhere).
const dll = process.env.FLOORWATCH_SERVER_DLL
  ? resolve(process.env.FLOORWATCH_SERVER_DLL)
  : join(repoRoot, 'server/FloorWatch.Server/bin/Release/net10.0/FloorWatch.Server.dll');
const ctiKey = 'browser-test-key';

/** Ports that are free now: each is bound to port 0 at once, then all are released. */
async function freePorts(n: number): Promise<number[]> {
  const servers: NetServer[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = createNetServer();
      await new Promise<void>((ok, fail) => {
        s.once('error', fail);
        s.listen(0, '127.0.0.1', () => ok());
      });
      servers.push(s);
    }
    return servers.map((s) => {
      const a = s.address();
      if (a === null || typeof a === 'string') throw new Error('no port');
      return a.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok()))));
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(dll)) {
    throw new Error(`build the server first: dotnet build -c Release server/FloorWatch.Server\n(no ${dll})`);
  }
  const artifactsDir = join(packageDir, 'artifacts');
  mkdirSync(artifactsDir, { recursive: true });
  const serverLog = join(artifactsDir, 'server.log');
  writeFileSync(serverLog, '');

  const clientBuilt = existsSync(join(dirname(dll), 'wwwroot', 'index.html'));
  if (!clientBuilt) {
    console.warn(`[browser tests] ${join(dirname(dll), 'wwwroot', 'index.html')} is missing: the server build carries no client, so the page tests will fail. Build the client into the server: dotnet build -c Release server/FloorWatch.Server`);
  }

  const [httpPort, ctiPort, siloPort, gatewayPort] = (await freePorts(4)) as [number, number, number, number];
  const dataDir = mkdtempSync(join(tmpdir(), 'floorwatch-browser-'));
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const authority = await startAuthority(baseUrl);

  // The machine's environment without any FloorWatch setting of its own, then this run's.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FloorWatch__')));
  Object.assign(env, {
    FloorWatch__DataPath: dataDir,
    FloorWatch__Cti__ApiKey: ctiKey,
    FloorWatch__Cti__TcpPort: String(ctiPort),
    FloorWatch__Silo__Port: String(siloPort),
    FloorWatch__Silo__GatewayPort: String(gatewayPort),
    FloorWatch__Demo: 'true',
    FloorWatch__PushIntervalMs: '200',
    FloorWatch__Users__0__Name: 'admin',
    FloorWatch__Users__0__Password: 'admin-pw',
    FloorWatch__Users__0__Roles__0: 'admin',
    FloorWatch__Users__0__Roles__1: 'supervisor',
    FloorWatch__Users__0__Roles__2: 'quality',
    FloorWatch__Users__0__Centers__0: '*',
    FloorWatch__Users__1__Name: 'wall',
    FloorWatch__Users__1__Password: 'wall-pw',
    FloorWatch__Users__1__Roles__0: 'wallboard',
    FloorWatch__Users__1__Centers__0: '*',
    // A duty manager with the supervisor role alone, so a page or endpoint that only works for
    // an admin shows.
    FloorWatch__Users__2__Name: 'duty',
    FloorWatch__Users__2__Password: 'duty-pw',
    FloorWatch__Users__2__Roles__0: 'supervisor',
    FloorWatch__Users__2__Centers__0: 'demo',
    FloorWatch__Users__2__Centers__1: 'calm',
    // An agent user's name is their agent id: A07 is a demo switch agent and is fed in "calm" too.
    FloorWatch__Users__3__Name: 'A07',
    FloorWatch__Users__3__Password: 'agent-pw',
    FloorWatch__Users__3__Roles__0: 'agent',
    FloorWatch__Users__3__Centers__0: 'demo',
    FloorWatch__Users__3__Centers__1: 'calm',
    // An agent scoped to every center: the agent page lists the centers to choose from.
    FloorWatch__Users__4__Name: 'A08',
    FloorWatch__Users__4__Password: 'agent-pw',
    FloorWatch__Users__4__Roles__0: 'agent',
    FloorWatch__Users__4__Centers__0: '*',
    // Single sign-on beside the local users (its authority is on plain http, on loopback).
    FloorWatch__Auth__Authority: authority.issuer,
    FloorWatch__Auth__Audience: AUDIENCE,
    FloorWatch__Auth__ClientId: CLIENT_ID,
    FloorWatch__Auth__RequireHttpsMetadata: 'false',
    DOTNET_NOLOGO: '1',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  });

  const server = new ServerProcess(dll, baseUrl, env, serverLog);
  const onExit = (): void => server.killNow();
  process.once('exit', onExit);

  const ms = await server.start();
  const startedAt = Date.now();
  console.log(`[browser tests] server up at ${baseUrl} in ${ms} ms (pid ${server.pid}; data ${dataDir}; log ${serverLog})`);

  // The tests run in worker processes; they stop and start this server through this endpoint,
  // so the server stays this process's child and is always ended at teardown.
  const control: HttpServer = createHttpServer((req, res) => {
    const answer = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const route = `${req.method} ${req.url?.split('?')[0]}`;
    (async () => {
      switch (route) {
        case 'POST /stop':
          return answer(200, await server.stop());
        case 'POST /start':
          return answer(200, { ms: await server.start() });
        case 'GET /status':
          return answer(200, { running: server.running, pid: server.pid ?? null });
        case 'GET /log':
          return answer(200, { tail: server.tail(200) });
        default:
          return answer(404, { error: `no ${route}` });
      }
    })().catch((e: unknown) => answer(500, { error: e instanceof Error ? e.message : String(e) }));
  });
  await new Promise<void>((ok) => control.listen(0, '127.0.0.1', () => ok()));
  const address = control.address();
  if (address === null || typeof address === 'string') throw new Error('control endpoint has no port');

  const info: ServerInfo = {
    baseUrl,
    httpPort,
    ctiPort,
    siloPort,
    gatewayPort,
    dataDir,
    controlUrl: `http://127.0.0.1:${address.port}`,
    serverLog,
    artifactsDir,
    clientBuilt,
    ctiKey,
    startedAt,
    authority: authority.issuer,
  };
  project.provide('server', info);

  return async () => {
    const stopped = await server.stop(20_000);
    console.log(`[browser tests] server stopped in ${stopped.ms} ms (code ${stopped.code}, signal ${stopped.signal}${stopped.killed ? ', had to be killed' : ''})`);
    await new Promise<void>((ok) => control.close(() => ok()));
    await authority.close();
    process.off('exit', onExit);
    if (!process.env.KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}
