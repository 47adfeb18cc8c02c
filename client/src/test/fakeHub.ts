import { HubConnectionState } from '@microsoft/signalr';
import type { HubLike } from '../lib/hub/floorFeed';

type Handler = (...args: never[]) => void;

/** Stands in for a HubConnection: records invocations, lets the test play the server. */
export class FakeHub implements HubLike {
  state: HubConnectionState = HubConnectionState.Disconnected;
  invocations: { method: string; args: unknown[] }[] = [];
  handlers = new Map<string, Handler>();
  reconnecting: ((e?: Error) => void)[] = [];
  reconnected: ((id?: string) => void)[] = [];
  closed: ((e?: Error) => void)[] = [];
  invokeResult: (method: string) => Promise<unknown> = () => Promise.resolve(undefined);
  /** What the next starts do (a failure, a wait); a plain success when none is queued. */
  startResults: (() => Promise<void>)[] = [];
  starts = 0;
  /** Whether stop() fires the close callbacks, as the real client does after a started connection. */
  closeOnStop = false;

  start(): Promise<void> {
    this.starts++;
    const next = this.startResults.shift();
    if (next) return next().then(() => void (this.state = HubConnectionState.Connected));
    this.state = HubConnectionState.Connected;
    return Promise.resolve();
  }
  stop(): Promise<void> {
    this.state = HubConnectionState.Disconnected;
    if (this.closeOnStop) for (const c of this.closed) c();
    return Promise.resolve();
  }
  invoke(method: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ method, args });
    return this.invokeResult(method);
  }
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }
  onreconnecting(cb: (error?: Error) => void): void {
    this.reconnecting.push(cb);
  }
  onreconnected(cb: (connectionId?: string) => void): void {
    this.reconnected.push(cb);
  }
  onclose(cb: (error?: Error) => void): void {
    this.closed.push(cb);
  }
  emit(method: string, payload: unknown): void {
    const h = this.handlers.get(method) as ((p: unknown) => unknown) | undefined;
    if (!h) throw new Error(`no handler for ${method}`);
    // The real client logs "Result given for '…' method but server is not expecting a result"
    // as an error whenever a handler of a server message returns a value.
    const result = h(payload);
    if (result !== undefined) throw new Error(`the handler of ${method} returned a value; the hub client would log an error`);
  }
}

/** How many times the page joined a center. */
export function joins(hub: FakeHub): number {
  return hub.invocations.filter((i) => i.method === 'JoinCenter').length;
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
