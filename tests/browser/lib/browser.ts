import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { serverInfo, serverTail } from './api.js';

export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps calling out of this closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh Chromium; each context made from it has its own fresh profile (no storage shared). */
export async function launchBrowser(): Promise<Browser> {
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    browser.on('disconnected', () => {
      if (!closing.has(browser)) console.error('[chromium] the browser went away (crashed or was killed)');
    });
    return browser;
  } catch (e) {
    throw new Error(`Chromium did not start (${CHROMIUM}; install it with apt-get install -y chromium): ${(e as Error).message}`);
  }
}

const closing = new WeakSet<Browser>();

export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  closing.add(browser);
  await browser.close();
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** What the page said and what failed, timestamped: printed when the test fails. */
  log: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Keep the context open past the test (closed by the caller). */
  keep?: boolean;
  /** The browser's language (navigator.language), which the page's language follows. */
  locale?: string;
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 100);
}

/**
 * A new context and page for the running test, with the page's console, errors and failed
 * requests recorded. When the test fails, they are printed with a screenshot path and the
 * server's last lines; the context is closed when the test ends.
 */
export async function openPage(browser: Browser, name: string, options: OpenOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1600, height: 900 }, ...(options.locale ? { locale: options.locale } : {}) });
  const page = await context.newPage();
  const log: string[] = [];
  const t0 = Date.now();
  const note = (s: string): void => {
    log.push(`+${String(Date.now() - t0).padStart(6)} ms ${s}`);
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  page.on('console', (m) => note(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => note(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => note(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) note(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('websocket', (ws) => {
    note(`websocket open ${ws.url().replace(/access_token=[^&]+/, 'access_token=…')}`);
    ws.on('close', () => note('websocket closed'));
    ws.on('socketerror', (e) => note(`websocket error ${e}`));
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) note(`navigated ${f.url().replace(/token=[^&]+/, 'token=…')}`);
  });
  page.on('crash', () => note('page crashed'));

  // vitest calls onTestFinished before onTestFailed, and the failure context needs the page
  // still open: one handler does both, in that order.
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const dir = join(serverInfo().artifactsDir, 'failures');
      mkdirSync(dir, { recursive: true });
      const shot = join(dir, `${safeName(task.name)}-${safeName(name)}.png`);
      let shotNote = shot;
      let url = '(closed)';
      if (!page.isClosed()) {
        url = page.url().replace(/token=[^&]+/, 'token=…');
        try {
          await page.screenshot({ path: shot, fullPage: true, timeout: 5_000 });
        } catch (e) {
          shotNote = `(no screenshot: ${(e as Error).message.split('\n')[0]})`;
        }
      } else {
        shotNote = '(page closed)';
      }
      console.error(
        [
          `\n===== failure context: "${task.name}", page "${name}" =====`,
          `page url: ${url}`,
          `screenshot: ${shotNote}`,
          '--- page log ---',
          log.length ? log.join('\n') : '(nothing)',
          '--- server output (last lines) ---',
          await serverTail(),
          '===== end of failure context =====\n',
        ].join('\n'),
      );
    }
    if (!options.keep) await context.close().catch(() => {});
  });
  return { context, page, log };
}

/** Fails clearly when the server build has no client in it. */
export function requireClient(): void {
  const info = serverInfo();
  if (!info.clientBuilt) {
    throw new Error('the server build carries no client (no wwwroot/index.html beside FloorWatch.Server.dll): build the client and the server (dotnet build -c Release server/FloorWatch.Server)');
  }
}
