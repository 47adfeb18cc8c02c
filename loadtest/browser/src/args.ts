// The command line of `npm run longtasks`.

export interface BenchOptions {
  agents: number;
  queues: number;
  rate: number;
  seconds: number;
  warmup: number;
  pushMs: number;
  out: string;
  serverDll: string | null;
  loadgenDll: string | null;
  profile: string | null;
  trace: string | null;
  seed: number;
}

export const DEFAULTS: BenchOptions = {
  agents: 5000,
  queues: 100,
  rate: 5000,
  seconds: 60,
  warmup: 15,
  pushMs: 100,
  out: 'artifacts/longtasks.json',
  serverDll: null,
  loadgenDll: null,
  profile: null,
  trace: null,
  seed: 7,
};

export const USAGE = `FloorWatch browser benchmark: the supervisor view (/supervisor/{center}) of one center in headless
Chromium while the load generator feeds it; counts the page's main-thread long tasks (> 50 ms, the
browser's long-task API) and the deltas the page receives.

Usage: npm run longtasks -- [options]

  --agents <n>        agents of the one center, all of them logging in (default ${DEFAULTS.agents})
  --queues <n>        queues of the center (default ${DEFAULTS.queues})
  --rate <n>          events per second the load generator offers (default ${DEFAULTS.rate})
  --seconds <s>       how long to observe the page once it is warm (default ${DEFAULTS.seconds})
  --warmup <s>        seconds of live deltas on screen before the observation starts (default ${DEFAULTS.warmup})
  --push-ms <n>       the server's FloorWatch__PushIntervalMs (default ${DEFAULTS.pushMs}: 10 deltas a second)
  --out <file>        the JSON result (default ${DEFAULTS.out})
  --server-dll <path> the server build (default: server/FloorWatch.Server/bin/Release/net10.0/FloorWatch.Server.dll,
                      or FLOORWATCH_SERVER_DLL)
  --loadgen-dll <path> the load generator build (default: its Release build, made with dotnet build if missing)
  --profile <file>    also record a CPU profile of the page over the observation (.cpuprofile, for Chrome's DevTools)
  --trace <file>      also record a Chromium performance trace over the observation (.json, for Perfetto/DevTools)
  --seed <n>          seed of the simulated center (default ${DEFAULTS.seed})
  --help              this text

Exit code 0 when the run completed (whether or not the page met the 50 ms target), 1 when it failed
(the server or the load generator did not start, the page showed no agents, ...), 2 for a bad argument.
`;

export class ArgError extends Error {}

/** Parses the arguments; null means --help. */
export function parseArgs(argv: readonly string[]): BenchOptions | null {
  const o: BenchOptions = { ...DEFAULTS };
  const num = (name: string, v: string | undefined, min: number, max: number, int = true): number => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n))) {
      throw new ArgError(`${name}: must be ${int ? 'a whole number' : 'a number'} between ${min} and ${max} (got ${v ?? 'nothing'})`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return null;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '--agents': o.agents = num(name, value(), 1, 10_000); break;
      case '--queues': o.queues = num(name, value(), 1, 999); break;
      case '--rate': o.rate = num(name, value(), 1, 1_000_000, false); break;
      case '--seconds': o.seconds = num(name, value(), 1, 3600, false); break;
      case '--warmup': o.warmup = num(name, value(), 0, 600, false); break;
      case '--push-ms': o.pushMs = num(name, value(), 10, 60_000); break;
      case '--seed': o.seed = num(name, value(), 0, 2 ** 31 - 1); break;
      case '--out': o.out = need(name, value()); break;
      case '--server-dll': o.serverDll = need(name, value()); break;
      case '--loadgen-dll': o.loadgenDll = need(name, value()); break;
      case '--profile': o.profile = need(name, value()); break;
      case '--trace': o.trace = need(name, value()); break;
      default:
        throw new ArgError(`unknown argument '${arg}' (--help lists them)`);
    }
  }
  return o;
}

function need(name: string, v: string | undefined): string {
  if (v === undefined || v === '') throw new ArgError(`${name}: needs a value`);
  return v;
}
