import type { Page } from 'playwright-core';
import { snapshot, type Snapshot } from './api.js';

export interface SeqRead {
  seq: number | null;
}

export async function pageSeq(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const t = document.querySelector('[data-seq]')?.getAttribute('data-seq') ?? '';
    return t === '' ? null : Number(t);
  });
}

/**
 * Compares a live page with the snapshot API at the same seq: read the API, let the page reach
 * that seq, read the page in one evaluation, and compare when both stand at the same seq (and
 * the page did not move on during the read). Otherwise, or when they differ, try again, up to
 * `attempts` times; throws with every attempt's story if none agreed. A difference at the same
 * seq is not failed at once: the REST snapshot also holds events applied since its seq's delta
 * that the next delta will carry, so only a difference that never clears fails.
 */
export async function agreeAtSameSeq<R extends SeqRead>(
  page: Page,
  center: string,
  bearer: string,
  read: (page: Page) => Promise<R>,
  compare: (read: R, api: Snapshot) => string[],
  attempts = 30,
): Promise<{ read: R; api: Snapshot; attempt: number; tries: string[] }> {
  const tries: string[] = [];
  let lastEqualSeqDiff: string[] | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const api = await snapshot(center, bearer);
    if (!api) throw new Error(`GET /api/centers/${center}/snapshot: 404`);
    if (typeof api.seq !== 'number') throw new Error(`the snapshot of ${center} carries no seq (got ${JSON.stringify(api.seq)})`);
    await page
      .waitForFunction((n) => Number(document.querySelector('[data-seq]')?.getAttribute('data-seq') || '-1') >= n, api.seq, { polling: 'raf', timeout: 3_000 })
      .catch(() => {});
    const r = await read(page);
    const seqAfter = await pageSeq(page);
    if (r.seq !== api.seq || seqAfter !== r.seq) {
      tries.push(`#${attempt}: API seq ${api.seq}, page seq ${r.seq} then ${seqAfter}`);
      continue;
    }
    const diff = compare(r, api);
    if (diff.length === 0) return { read: r, api, attempt, tries };
    lastEqualSeqDiff = diff;
    tries.push(`#${attempt}: both at seq ${api.seq}, yet ${diff.length} difference(s): ${diff.slice(0, 6).join('; ')}`);
    // The REST snapshot folds in events that the next delta has not pushed yet, so the same seq
    // can still differ for a moment: try again after the page's next delta.
    await page
      .waitForFunction((n) => Number(document.querySelector('[data-seq]')?.getAttribute('data-seq') || '-1') > n, api.seq, { polling: 'raf', timeout: 3_000 })
      .catch(() => {});
  }
  throw new Error(
    `the page never agreed with the API of ${center} at the same seq in ${attempts} attempts:\n${tries.join('\n')}` +
      (lastEqualSeqDiff ? `\nlast disagreement at equal seq:\n${lastEqualSeqDiff.join('\n')}` : ''),
  );
}
