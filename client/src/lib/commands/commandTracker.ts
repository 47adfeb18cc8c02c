// Sends commands and follows each one to its outcome. The hub's `commandResult` normally says what
// became of it; a command the hub has said nothing about for 12 s is read with
// `GET .../commands/{id}` instead, and again every 5 s until it is final or the hub speaks.

import type { Command, CommandRequest } from '../api/types';
import { applyCommandResult, commandSent, isFinal, type CommandsState } from '../store/commands';

export const FALLBACK_AFTER_MS = 12000;
export const POLL_EVERY_MS = 5000;

export interface CommandTrackerOptions {
  center: string;
  send: (center: string, request: CommandRequest) => Promise<string>;
  read: (center: string, id: string) => Promise<Command>;
  dispatch: (transition: (s: CommandsState) => CommandsState) => CommandsState;
  getState: () => CommandsState;
  now?: () => number;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class CommandTracker {
  private readonly opts: CommandTrackerOptions;
  private readonly now: () => number;
  private readonly setTimer: (f: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly timers = new Map<string, unknown>();
  private disposed = false;

  constructor(opts: CommandTrackerOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.setTimer = opts.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** POSTs the command; resolves with its id once accepted (202), rejects with the server's error. */
  async send(request: CommandRequest): Promise<string> {
    const id = await this.opts.send(this.opts.center, request);
    const after = this.opts.dispatch((s) => commandSent(s, id, request, this.now()));
    const t = after.byId[id];
    if (!this.disposed && !(t && isFinal(t.state))) this.watch(id, FALLBACK_AFTER_MS);
    return id;
  }

  /** Stops every timer (the page is gone). */
  dispose(): void {
    this.disposed = true;
    for (const h of this.timers.values()) this.clearTimer(h);
    this.timers.clear();
  }

  private watch(id: string, ms: number): void {
    if (this.disposed) return;
    const prior = this.timers.get(id);
    if (prior !== undefined) this.clearTimer(prior);
    this.timers.set(id, this.setTimer(() => void this.check(id), ms));
  }

  private async check(id: string): Promise<void> {
    this.timers.delete(id);
    if (this.disposed) return;
    const t = this.opts.getState().byId[id];
    if (!t || isFinal(t.state)) return;
    const quietMs = this.now() - (t.heardAt ?? t.sentAt);
    if (quietMs < FALLBACK_AFTER_MS) {
      // the hub spoke of it lately: it is working, give it the full time again
      this.watch(id, FALLBACK_AFTER_MS - quietMs);
      return;
    }
    try {
      const cmd = await this.opts.read(this.opts.center, id);
      if (this.disposed) return;
      const after = this.opts.dispatch((s) => applyCommandResult(s, cmd, this.now(), 'poll'));
      const now = after.byId[id];
      if (now && isFinal(now.state)) return;
    } catch {
      // a failed read is tried again on the next round
    }
    this.watch(id, POLL_EVERY_MS);
  }
}
