// The child processes of a run: the server build and the load generator, each with its output in
// a log file, and ended by their own process ids.

import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

/** Ports that are free now: each is bound to port 0 at once, then all are released. */
export async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = createServer();
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

/** `dotnet <dll> args…` run from the dll's folder, every output line to a log file and to `onLine`. */
export class DotnetProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(line: string) => void>();

  constructor(
    readonly what: string,
    dll: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    onLine: (line: string) => void = () => {},
  ) {
    writeFileSync(logFile, `--- dotnet ${dll} ${args.join(' ')}\n`);
    this.child = spawn('dotnet', [dll, ...args], { cwd: dirname(dll), env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => resolve({ code, signal }));
      this.child.once('error', () => resolve({ code: null, signal: null }));
    });
    const record = (line: string): void => {
      this.lines.push(line);
      if (this.lines.length > 300) this.lines.splice(0, this.lines.length - 300);
      appendFileSync(this.logFile, line + '\n');
      onLine(line);
      for (const l of [...this.listeners]) l(line);
    };
    createInterface({ input: this.child.stdout! }).on('line', record);
    createInterface({ input: this.child.stderr! }).on('line', record);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines, without Orleans' placement-retry chatter. */
  tail(n = 40): string {
    const noisy = /Polly\[\d+\]|Execution attempt\. Source:|Resilience pipeline executed\./;
    return this.lines.filter((l) => !noisy.test(l)).slice(-n).join('\n');
  }

  /** Resolves with the first line that matches, or fails when the process exits or the time is up. */
  waitForLine(pattern: RegExp, timeoutMs: number, what: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const found = this.lines.find((l) => pattern.test(l));
      if (found !== undefined) return resolve(found);
      let timer: NodeJS.Timeout | undefined;
      const listener = (l: string): void => {
        if (pattern.test(l)) done(() => resolve(l));
      };
      const done = (f: () => void): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        f();
      };
      this.listeners.add(listener);
      timer = setTimeout(() => done(() => reject(new Error(`${this.what}: no ${what} within ${timeoutMs / 1000} s`))), timeoutMs);
      void this.exited.then(({ code, signal }) =>
        done(() => reject(new Error(`${this.what} exited (code ${code}, signal ${signal}) before ${what}`))),
      );
    });
  }

  /** A signal (SIGINT lets the load generator stop cleanly, SIGTERM the server), then SIGKILL after graceMs. */
  async stop(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), graceMs)));
    if ((await Promise.race([this.exited, late])) === 'late' && this.running) this.child.kill('SIGKILL');
    clearTimeout(timer);
    await this.exited;
  }

  killNow(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}
