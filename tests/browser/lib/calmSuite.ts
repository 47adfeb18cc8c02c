import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { closeBrowser, launchBrowser } from './browser.js';
import { CALM, seedCalm } from './calm.js';
import { Heartbeat } from './probe.js';

/**
 * A spec file on the quiet center "calm": seeded, kept from turning stale by a heartbeat, with one
 * browser for the file. Call at the top of the file; the answer gives that browser inside tests.
 */
export function calmSuite(): () => Browser {
  let browser: Browser | undefined;
  const heartbeat = new Heartbeat(CALM);
  beforeAll(async () => {
    await seedCalm();
    await heartbeat.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    heartbeat.stop();
    await closeBrowser(browser);
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll; use it inside a test');
    return browser;
  };
}
