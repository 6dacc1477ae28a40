/**
 * The README's two screenshots, taken from the app itself: it starts on an in-memory PGlite (the office
 * directory loaded, no demo cases, nothing written to disk), drives Debian's Chromium through
 * playwright-core along the tolerance-visa answers, and saves the first screen of the result page —
 * a phone (360 px, Ukrainian) and a desktop (1280 px, Czech) — into docs/screenshots/.
 *
 *   npm run screenshots            (CHROMIUM_PATH=… for another Chromium)
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { upsertDirectory } from '../src/modules/offices/index.ts';
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
await upsertDirectory(handle.db);
const app = await buildApp({ db: handle.db, config: loadConfig(), clock: systemClock, logger: false });
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
} finally {
  await browser.close();
  await app.close();
  await handle.close();
}
