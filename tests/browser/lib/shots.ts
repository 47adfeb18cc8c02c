import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serverInfo } from './api.js';

/** A PNG of the page as it is, in artifacts/screenshots/, for a person to look at. */
export async function shoot(page: Page, name: string): Promise<string> {
  const dir = join(serverInfo().artifactsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // Let the fonts settle so text is not caught half-laid-out.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path, fullPage: false });
  console.log(`[shot] ${path}`);
  return path;
}

/** Signs in through the form at / and waits until the form is gone. */
export async function signIn(page: Page, user: string, password: string): Promise<void> {
  await page.goto(`${serverInfo().baseUrl}/`);
  const form = page.locator('[data-testid="signin-form"]');
  await form.waitFor({ timeout: 15_000 });
  await form.locator('input[name="user"]').fill(user);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached', timeout: 15_000 });
}
