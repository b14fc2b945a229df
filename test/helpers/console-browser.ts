/**
 * Real Chromium (the Debian package) driven by playwright-core against a dev stack serving the
 * built console (web/dist): sign people in, wait for what the page shows, save screenshots under
 * test-results/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_WEB_DIR } from '../../api/web-console';
import type { Person } from './chat-stack';

/** Where Debian puts Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../../test-results');

/** Launches headless Chromium; a missing browser or console build fails with what to run. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run 'apt-get install -y chromium' (make test does it when run as root)`);
  if (!fs.existsSync(path.join(DEFAULT_WEB_DIR, 'index.html')))
    throw new Error(`the console is not built in ${DEFAULT_WEB_DIR}: run 'make web'`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A new page (in its own context, as axe-core needs, closed with the page) at `baseUrl`, signed in as `person` through the local token route (the sign-in form has its own test). */
export async function pageAs(browser: Browser, baseUrl: string, person: Person, { width = 1280, height = 900 } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.once('close', () => void context.close());
  reportPageErrors(page);
  await page.goto(`${baseUrl}/`);
  await page.evaluate(async (who) => {
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    const { token } = (await response.json()) as { token: string };
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp: number };
    // Runs in the page (this file is type-checked without the DOM library).
    const storage = (globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } }).sessionStorage;
    storage.setItem('statecraft.session', JSON.stringify({ token, user: who.user, groups: who.groups, expiresAt: claims.exp * 1000 }));
  }, person);
  await page.reload();
  return page;
}

/** Prints errors the page throws, so a failing test says why the page broke. */
export function reportPageErrors(page: Page): void {
  page.on('pageerror', (error) => process.stderr.write(`page error at ${page.url()}: ${error.stack ?? error.message}\n`));
}

/** Saves a full-page screenshot as test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
