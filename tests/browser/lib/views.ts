import type { Page } from 'playwright-core';

export const AGENT_STATES = ['available', 'ringing', 'oncall', 'wrapup', 'notready', 'loggedout'] as const;

export interface RowsRead {
  seq: number | null;
  /** id → data-state (agents) or data-waiting (calls), for the rows in the page (the grids are virtualised: only rows in view). */
  rows: Record<string, string>;
  /** The "n of m" count text above the grid. */
  countText: string;
  /** Calls only: id → the wait or talk time shown. */
  times?: Record<string, string>;
}

/** Supervisor agent rows, read in one evaluation. */
export function readAgents(page: Page): Promise<RowsRead> {
  return page.evaluate(() => {
    const t = document.querySelector('[data-seq]')?.getAttribute('data-seq') ?? '';
    const rows: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll('[role="row"][data-testid^="agent-"]'))) {
      rows[el.getAttribute('data-testid')!.slice('agent-'.length)] = el.getAttribute('data-state') ?? '(none)';
    }
    return { seq: t === '' ? null : Number(t), rows, countText: document.querySelector('[data-testid="agent-count"]')?.textContent ?? '' };
  });
}

/** Quality call rows, read in one evaluation. */
export function readCalls(page: Page): Promise<RowsRead> {
  return page.evaluate(() => {
    const t = document.querySelector('[data-seq]')?.getAttribute('data-seq') ?? '';
    const rows: Record<string, string> = {};
    const times: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll('[role="row"][data-testid^="call-"]'))) {
      const id = el.getAttribute('data-testid')!.slice('call-'.length);
      rows[id] = el.getAttribute('data-waiting') ?? '(none)';
      times[id] = el.querySelector('[data-testid="call-time"]')?.textContent?.trim() ?? '(missing)';
    }
    return { seq: t === '' ? null : Number(t), rows, times, countText: document.querySelector('[data-testid="call-count"]')?.textContent ?? '' };
  });
}

/** The two numbers of "12 of 48 agents". */
export function shownOfTotal(text: string): { shown: number; total: number } | null {
  const m = /(\d+)\D+(\d+)/.exec(text);
  return m ? { shown: Number(m[1]), total: Number(m[2]) } : null;
}
