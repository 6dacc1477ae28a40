/**
 * One place for the browser tests' Chromium: Debian's /usr/bin/chromium (or CHROMIUM_PATH) through
 * playwright-core — never a downloaded browser — and axe-core's script for the accessibility checks.
 * A missing Chromium skips the browser tests, unless REQUIRE_CHROMIUM=1 (CI), where it is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Browser = import('playwright-core').Browser;
export type Page = import('playwright-core').Page;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM === '1')
  throw new Error(`REQUIRE_CHROMIUM=1 but no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** The `skip` option of a browser suite: false, or why it is skipped. */
export const skipWithoutChromium: false | string = haveChromium ? false : `no Chromium at ${CHROMIUM}`;

const require = createRequire(import.meta.url);
/** axe-core's script, evaluated in a page before `axe.run`. */
export const AXE = haveChromium ? readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') : '';

/** Headless Chromium without the background connections a closed network refuses. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** axe-core's serious and critical findings on the page as it is now ("rule: selectors"). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const r = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (d: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether the page scrolls sideways at its current width (it should not). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Signs a member of staff in on the sign-in page of `base` (the session cookie stays in the page's context). */
export async function signInOnPage(page: Page, base: string, username: string, password: string, locale = 'cs'): Promise<void> {
  await page.goto(`${base}/${locale}/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForLoadState('load'), page.click('form.sign-in-form button[type=submit]')]);
  if (new URL(page.url()).pathname.endsWith('/sign-in')) throw new Error(`sign-in of ${username} failed`);
}
