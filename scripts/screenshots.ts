/**
 * The README's screenshots, taken from the app itself: it starts on an in-memory PGlite with the demo
 * data (`seedDemo`: offices, staff, five cases; its credential files go to a temporary folder that is
 * removed), drives Debian's Chromium through playwright-core and saves into docs/screenshots/:
 * - the applicants' result page for the tolerance-visa answers — a phone (360 px, Ukrainian) and a
 *   desktop (1280 px, Czech);
 * - the staff walkthrough at 1280 px in Czech: the officer's work queue, a case page, and the
 *   supervisor's dashboard.
 *
 *   npm run screenshots            (CHROMIUM_PATH=… for another Chromium)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { seedDemo } from '../src/modules/demo/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/db.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
/** A Ukrainian who cannot get temporary protection, living in Prague: the tolerance visa fits. */
const ANSWERS =
  'held_status=none&nationality=UKR&lived_in_ukraine_before_war=true&applied_protection_in_other_eu_state=false&holds_residence_in_other_state=true&cannot_return=true&in_czech_republic=true&region=CZ-10';
const SHOTS = [
  { file: 'phone-uk-result.png', lang: 'uk', width: 360, height: 760, scale: 2 },
  { file: 'desktop-cs-result.png', lang: 'cs', width: 1280, height: 1000, scale: 1 },
];

const handle = await openDatabase({ pgliteDir: 'memory://' });
await migrateToLatest(handle.db);
const dataDir = mkdtempSync(join(tmpdir(), 'pobyt-shots-'));
const config = loadConfig({ ...process.env, POBYT_DATA_DIR: dataDir } as NodeJS.ProcessEnv);
// The app first: it registers the case types the demo cases are opened with.
const app = await buildApp({ db: handle.db, config, clock: systemClock, logger: false });
const { logins } = await seedDemo(handle.db, config, systemClock);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  mkdirSync(OUT, { recursive: true });
  for (const s of SHOTS) {
    const ctx = await browser.newContext({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: s.scale });
    const page = await ctx.newPage();
    const r = await page.goto(`${base}/${s.lang}/navigator?${ANSWERS}`);
    if (r?.status() !== 200) throw new Error(`result page answered ${r?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUT, s.file) });
    console.log(`docs/screenshots/${s.file} (${s.width} px, ${s.lang})`);
    await ctx.close();
  }

  // The staff walkthrough: the officer's queue and a case, the supervisor's dashboard (Czech, 1280 px).
  const password = (u: string) => logins.find((l) => l.username === u)?.password ?? '';
  const staffShot = async (
    username: string,
    shots: { file: string; path: string | ((page: import('playwright-core').Page) => Promise<void>) }[],
  ) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await page.goto(`${base}/cs/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', password(username));
    await Promise.all([page.waitForLoadState('load'), page.click('form.sign-in-form button[type=submit]')]);
    for (const s of shots) {
      if (typeof s.path === 'string') {
        const r = await page.goto(`${base}${s.path}`);
        if (r?.status() !== 200) throw new Error(`${s.path} answered ${r?.status()}`);
      } else await s.path(page);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(OUT, s.file) });
      console.log(`docs/screenshots/${s.file} (1280 px, cs, as ${username})`);
    }
    await ctx.close();
  };
  await staffShot('officer', [
    { file: 'staff-queue.png', path: '/cs/staff/queue' },
    {
      file: 'staff-case.png',
      path: async (page) => {
        await page.goto(`${base}/cs/staff/queue`);
        const href = await page.getAttribute('main a[href*="/cs/staff/cases/"]', 'href');
        if (!href) throw new Error('no case link in the queue');
        await page.goto(`${base}${href}`);
      },
    },
  ]);
  await staffShot('supervisor', [{ file: 'staff-dashboard.png', path: '/cs/staff/dashboard' }]);
} finally {
  await browser.close();
  await app.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
}
