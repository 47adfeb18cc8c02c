import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

export interface StopResult {
  code: number | null;
  signal: string | null;
  ms: number;
  /** True when SIGTERM was not enough and the process had to be killed. */
  killed: boolean;
}

/**
 * The real FloorWatch server as its own process: `dotnet FloorWatch.Server.dll --urls ...`, run
 * from the dll's folder. Its output goes to a log file (every start is marked) and the last lines
 * are kept for failure messages.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<{ code: number | null; signal: string | null }> | undefined;
  private readonly lines: string[] = [];
  private starts = 0;

  constructor(
    private readonly dll: string,
    private readonly url: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the server printed (stdout and stderr), for failure messages. */
  tail(n = 80): string {
    // Orleans' placement retries log two lines each at info level and would drown the rest.
    const noisy = /Polly\[\d+\]|Execution attempt\. Source:|Resilience pipeline executed\./;
    return this.lines.filter((l) => !noisy.test(l)).slice(-n).join('\n');
  }

  private record(stream: string, line: string): void {
    const stamped = `${new Date().toISOString()} ${stream} ${line}`;
    this.lines.push(stamped);
    if (this.lines.length > 2000) this.lines.splice(0, this.lines.length - 2000);
    appendFileSync(this.logFile, stamped + '\n');
  }

  /** Starts the server and resolves once it printed "Application started" and "Ready" (or fails with its output). */
  async start(timeoutMs = 90_000): Promise<number> {
    if (this.running) throw new Error(`the server is already running (pid ${this.pid})`);
    this.starts += 1;
    const began = Date.now();
    this.record('---', `start #${this.starts}: dotnet ${this.dll} --urls ${this.url}`);

    const child = spawn('dotnet', [this.dll, '--urls', this.url], {
      cwd: dirname(this.dll),
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.record('---', `server exited: code ${code} signal ${signal}`);
        resolve({ code, signal });
      });
    });

    let started: () => void = () => {};
    const startedLine = new Promise<void>((resolve) => (started = resolve));
    // Listening, and the journal replayed: the order of the two depends on the journal's length.
    let hostStarted = false;
    let replayed = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      this.record('out', line);
      hostStarted ||= line.includes('Application started');
      replayed ||= line.includes('Ready: the journal is replayed');
      if (hostStarted && replayed) started();
    });
    createInterface({ input: child.stderr! }).on('line', (line) => this.record('err', line));

    const spawnError = new Promise<never>((_, reject) =>
      child.once('error', (e) => reject(new Error(`could not run dotnet: ${e.message}`))),
    );
    const earlyExit = this.exited.then(({ code, signal }) => {
      throw new Error(`the server exited before it started (code ${code}, signal ${signal})`);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server printed no "Application started" and "Ready" within ${timeoutMs / 1000} s`)), timeoutMs);
    });

    try {
      await Promise.race([startedLine, spawnError, earlyExit, timeout]);
    } catch (e) {
      if (this.running) await this.stop(5_000);
      throw new Error(`${(e as Error).message}\n--- server output (last lines; full log in ${this.logFile}) ---\n${this.tail(120)}`);
    } finally {
      clearTimeout(timer);
      earlyExit.catch(() => {});
      spawnError.catch(() => {});
    }
    return Date.now() - began;
  }

  /** SIGTERM, then waits for the exit; SIGKILL after graceMs. */
  async stop(graceMs = 30_000): Promise<StopResult> {
    const child = this.child;
    const exited = this.exited;
    if (!child || !exited) return { code: null, signal: null, ms: 0, killed: false };
    const began = Date.now();
    let killed = false;
    if (this.running) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
      const first = await Promise.race([exited, graceOver]);
      clearTimeout(timer);
      if (first === 'timeout') {
        killed = true;
        this.record('---', `no exit ${graceMs} ms after SIGTERM: SIGKILL`);
        child.kill('SIGKILL');
      }
    }
    const { code, signal } = await exited;
    this.child = undefined;
    this.exited = undefined;
    return { code, signal, ms: Date.now() - began, killed };
  }

  /** For process exit paths: no waiting. */
  killNow(): void {
    if (this.running) this.child!.kill('SIGKILL');
  }
}
