import type { Page } from 'playwright-core';
import type { QueueView } from './api.js';

/** The figures of one queue tile as text, as the page shows them. */
export interface TileFigures {
  sl: string;
  slToday: string;
  waiting: string;
  available: string;
  onCall: string;
  wrapUp: string;
  notReady: string;
  offeredToday: string;
  answeredToday: string;
}

export const TILE_IDS: Record<keyof TileFigures, string> = {
  sl: 'sl',
  slToday: 'sl-today',
  waiting: 'waiting',
  available: 'available',
  onCall: 'on-call',
  wrapUp: 'wrap-up',
  notReady: 'not-ready',
  offeredToday: 'offered-today',
  answeredToday: 'answered-today',
};

export interface WallboardRead {
  /** The root's data-seq, null when absent or empty. */
  seq: number | null;
  state: string | null;
  stale: string | null;
  /** Queue ids of the tiles on screen. */
  onScreen: string[];
  tiles: Record<string, TileFigures & { longestWait: string }>;
  /** Page clock (Date.now()) when read. */
  at: number;
}

/** The page's service-level text: a whole percentage, truncated (the client never rounds up to a target), or an en dash. */
export function slText(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${Math.floor(v * 100 + 1e-9)}%` : '–';
}

function count(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(Math.round(v)) : '–';
}

/** What a tile should show for this queue of the snapshot API. */
export function expectedTile(q: QueueView): TileFigures {
  return {
    sl: slText(q.interval?.serviceLevel),
    slToday: slText(q.today?.serviceLevel),
    waiting: count(q.now.waiting),
    available: count(q.now.available),
    onCall: count(q.now.onCall),
    wrapUp: count(q.now.wrapUp),
    notReady: count(q.now.notReady),
    offeredToday: count(q.today?.offered),
    answeredToday: count(q.today?.answered),
  };
}

/** "mm:ss" or "h:mm:ss" to seconds; NaN otherwise. */
export function parseDuration(text: string): number {
  const parts = text.trim().split(':').map((p) => Number(p));
  if (parts.length < 2 || parts.some((p) => !Number.isInteger(p))) return Number.NaN;
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/**
 * Reads the whole wallboard in one evaluation, so seq and figures come from the same rendered
 * state (React commits the DOM synchronously; nothing changes during one evaluate).
 */
export async function readWallboard(page: Page): Promise<WallboardRead> {
  return page.evaluate((ids) => {
    const root = document.querySelector('[data-seq]');
    const seqText = root?.getAttribute('data-seq') ?? '';
    const conn = document.querySelector('[data-testid="connection"]');
    const tiles: Record<string, Record<string, string>> = {};
    const onScreen: string[] = [];
    for (const el of Array.from(document.querySelectorAll('section[data-testid^="queue-"]'))) {
      const id = el.getAttribute('data-testid')!.slice('queue-'.length);
      onScreen.push(id);
      const fig: Record<string, string> = {};
      for (const [key, testId] of Object.entries(ids)) {
        fig[key] = el.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '(missing)';
      }
      fig.longestWait = el.querySelector('[data-testid="longest-wait"]')?.textContent?.trim() ?? '(missing)';
      tiles[id] = fig;
    }
    return {
      seq: seqText === '' ? null : Number(seqText),
      state: conn?.getAttribute('data-state') ?? null,
      stale: conn?.getAttribute('data-stale') ?? null,
      onScreen,
      tiles: tiles as unknown as Record<string, TileFigures & { longestWait: string }>,
      at: Date.now(),
    };
  }, TILE_IDS);
}

/** Lines "queue.figure: page X, API Y" for every difference; empty when they agree. */
export function differences(read: WallboardRead, queues: QueueView[]): string[] {
  const out: string[] = [];
  for (const q of queues) {
    const shown = read.tiles[q.id];
    if (!shown) {
      out.push(`${q.id}: no tile on screen (tiles: ${read.onScreen.join(', ') || 'none'})`);
      continue;
    }
    const want = expectedTile(q);
    for (const key of Object.keys(want) as (keyof TileFigures)[]) {
      if (shown[key] !== want[key]) out.push(`${q.id}.${key}: page ${JSON.stringify(shown[key])}, API ${JSON.stringify(want[key])}`);
    }
  }
  return out;
}

/** Waits until the connection badge says connected and the figures are not stale. */
export async function waitConnected(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const c = document.querySelector('[data-testid="connection"]');
      return c?.getAttribute('data-state') === 'connected' && c.getAttribute('data-stale') === 'false';
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}
