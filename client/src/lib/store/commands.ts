// The commands this user sent and what became of them (contract §5): pure transitions, fed by the
// 202 of the POST, the hub's `commandResult` and, when the hub says nothing, by polling.

import type { Command, CommandRequest, CommandState } from '../api/types';

export interface TrackedCommand {
  id: string;
  /** what this page sent; null for a result of a command sent elsewhere (another tab) */
  request: CommandRequest | null;
  /** client ms when it was sent (or first heard of) */
  sentAt: number;
  state: CommandState;
  outcome: string | null;
  /** the server's latest word on it */
  command: Command | null;
  /** client ms of the last `commandResult` for it over the hub */
  heardAt: number | null;
}

export interface CommandsState {
  byId: Record<string, TrackedCommand>;
  /** newest first */
  order: string[];
  /** how many reached a final state so far (pages refresh the audit log on it) */
  finished: number;
}

export const MAX_COMMANDS = 200;

export function initialCommands(): CommandsState {
  return { byId: {}, order: [], finished: 0 };
}

export function isFinal(state: CommandState): boolean {
  return state !== 'pending';
}

function remember(s: CommandsState, entry: TrackedCommand, finishedNow: boolean): CommandsState {
  const known = entry.id in s.byId;
  const byId = { ...s.byId, [entry.id]: entry };
  let order = known ? s.order : [entry.id, ...s.order];
  if (order.length > MAX_COMMANDS) {
    for (const gone of order.slice(MAX_COMMANDS)) delete byId[gone];
    order = order.slice(0, MAX_COMMANDS);
  }
  return { byId, order, finished: s.finished + (finishedNow ? 1 : 0) };
}

/** The POST was answered 202 with `id`. A result may already have come over the hub. */
export function commandSent(s: CommandsState, id: string, request: CommandRequest, at: number): CommandsState {
  const prior = s.byId[id];
  if (prior) return remember(s, { ...prior, request, sentAt: Math.min(prior.sentAt, at) }, false);
  return remember(s, { id, request, sentAt: at, state: 'pending', outcome: null, command: null, heardAt: null }, false);
}

/**
 * A state of the command from the hub or from polling. A final state is never taken back by a
 * late `pending` (a poll answered before the hub's result but read after it).
 */
export function applyCommandResult(s: CommandsState, cmd: Command, at: number, via: 'hub' | 'poll'): CommandsState {
  const prior = s.byId[cmd.id];
  const heardAt = via === 'hub' ? at : (prior?.heardAt ?? null);
  if (prior && isFinal(prior.state) && !isFinal(cmd.state)) {
    return heardAt === prior.heardAt ? s : remember(s, { ...prior, heardAt }, false);
  }
  const entry: TrackedCommand = {
    id: cmd.id,
    request: prior?.request ?? null,
    sentAt: prior?.sentAt ?? at,
    state: cmd.state,
    outcome: cmd.outcome ?? null,
    command: cmd,
    heardAt,
  };
  return remember(s, entry, isFinal(cmd.state) && !(prior && isFinal(prior.state)));
}

/** The command's name and subject, from what was sent or else from the server's copy. */
export function commandFields(t: TrackedCommand): { command: string; agent: string | null; call: string | null; request: string | null } {
  const r = t.request as Record<string, unknown> | null;
  const c = t.command;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    command: str(r?.['command']) ?? c?.command ?? '',
    agent: str(r?.['agent']) ?? c?.agent ?? null,
    call: str(r?.['call']) ?? c?.call ?? null,
    request: str(r?.['request']) ?? c?.request ?? null,
  };
}

/** Newest first, those matching `keep`. */
export function commandList(s: CommandsState, keep: (t: TrackedCommand) => boolean = () => true): TrackedCommand[] {
  const out: TrackedCommand[] = [];
  for (const id of s.order) {
    const t = s.byId[id];
    if (t && keep(t)) out.push(t);
  }
  return out;
}
