/**
 * The register's journey in a real browser (Debian's Chromium through playwright-core), JavaScript off:
 * a supervisor finds a visa by passport number and birth date and sees its automatic extension; an
 * officer opens the day's appointments, goes to the booked holder's visa and records the sticker (a
 * date in the future first: the error beside the field); the supervisor starts a mass extension and
 * watches its page refresh itself (<meta http-equiv="refresh">) until it is done; the job history lists
 * the run. axe (serious and critical) and no sideways scrolling at 1280 and 768 px on every page.
 * Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, launchChromium, type Page, scrollsSideways, seriousViolations, skipWithoutChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { seedVisas } from '../support/seed-visas.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_HOURS, generateSlots, setOfficeHours } from '../../src/modules/appointments/index.ts';
import { extendVisas } from '../../src/modules/visas/index.ts';

const SHOTS = 'screenshots';
/** Enough visas, in batches of 10, for the run to outlast a refresh or two. */
const MASS = 3000;

describe('register pages in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let code: string;
  let checker: Page;

  before(async () => {
    // Wednesday 10 January 2024, 10:00 in Prague: the automatic extension of 2023 still holds.
    t = await startTestApp(await dbTiers()[0]!.open(), { now: '2024-01-10T09:00:00Z' });
    const olga = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'olga').executeTakeFirstOrThrow();
    await seedVisas(t.handle.db, 'PHA-ZUK', olga.id, { n: 1, tag: 'ext', issuedOn: '2022-07-01', validTo: '2023-03-31', warRelated: true });
    await extendVisas(t.handle.db, { ruleId: 'auto_extension.tolerance_2023' });
    await seedVisas(t.handle.db, 'PHA-ZUK', olga.id, {
      n: MASS,
      tag: 'mass',
      issuedOn: '2022-08-01',
      validTo: '2023-06-30',
      warRelated: true,
    });
    await setOfficeHours(t.handle.db, 'PHA-ZUK', DEMO_HOURS);
    await generateSlots(t.handle.db, { officeId: 'PHA-ZUK', from: '2024-01-10', to: '2024-01-10', minutes: 60, capacity: 2 });
    const slots = await t.call('GET', '/api/v1/offices/PHA-ZUK/slots?from=2024-01-10&to=2024-01-10');
    const eleven = slots.body.find((s: { startsAt: string }) => s.startsAt === '2024-01-10T10:00:00.000Z');
    const b = await t.call('POST', '/api/v1/appointments', {
      body: { visaNumber: 'VT-EXT00000001', dateOfBirth: '1980-01-01', slotId: eleven.id },
    });
    assert.equal(b.status, 201, JSON.stringify(b.body));
    code = b.body.code;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    checker = await (await browser.newContext()).newPage();
    await checker.goto(`${base}/cs/sign-in`);
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /**
   * axe and no sideways scrolling at 1280 and 768 px on the page as it is. The journey runs with
   * JavaScript off, where axe cannot run: the page's HTML is loaded into a page of the same origin with
   * JavaScript on (same CSS, same DOM — the pages have no script) and checked there. A running job's
   * refresh is taken out of the copy (it would reload the checker): that page refreshes on purpose, with
   * a link to stop it (WCAG 2.2.1), so axe's meta-refresh rule is not run on it.
   */
  /** The page's HTML once it has loaded (a running job's page may be reloading itself). */
  async function contentOf(page: Page): Promise<string> {
    for (let i = 0; ; i++) {
      try {
        return await page.content();
      } catch (e) {
        if (i > 20) throw e;
        await page.waitForLoadState('load');
      }
    }
  }

  async function check(page: Page, name: string, o: { dropRefresh?: boolean } = {}) {
    let html = await contentOf(page);
    if (o.dropRefresh) html = html.replace(/<meta http-equiv="refresh"[^>]*>/, '');
    await checker.setContent(html, { waitUntil: 'load' });
    for (const width of [1280, 768]) {
      await checker.setViewportSize({ width, height: 900 });
      assert.deepEqual(await seriousViolations(checker), [], `${name} at ${width}px: axe`);
      assert.equal(await scrollsSideways(checker), false, `${name} at ${width}px scrolls sideways`);
    }
  }

  const post = (page: Page, selector: string) =>
    Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click(selector)]).then(([r]) => r);

  test('find a visa, see its extension, record a sticker at the booked appointment, run the mass extension to done — JavaScript off', async () => {
    const csp: string[] = [];
    const open = async (username: string) => {
      const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
      });
      // The app's clock stands in January 2024 and the browser's in the present: a session cookie set by
      // the sign-in page would carry a past expiry and be dropped at once. The same session, as a cookie
      // without an expiry (the sign-in page itself has its own browser test).
      await ctx.addCookies([{ name: 'pobyt_session', value: await t.token(username), url: base, httpOnly: true, sameSite: 'Strict' }]);
      return page;
    };

    // The supervisor finds the visa by passport number and birth date.
    const sylva = await open('sylva');
    await sylva.goto(`${base}/cs/staff/register`);
    await check(sylva, 'find a visa');
    await sylva.fill('#passportNumber', 'ext00000001');
    await sylva.fill('#dateOfBirth', '1980-01-01');
    const found = await post(sylva, 'section[aria-labelledby="by-holder"] button[type="submit"]');
    assert.equal(found.status(), 200);
    assert.ok(!sylva.url().includes('EXT00000001') && !sylva.url().includes('1980'), 'no search term in the URL');
    await check(sylva, 'search results');
    await Promise.all([sylva.waitForURL(/\/cs\/staff\/register\/visas\/[0-9a-f-]{36}$/), sylva.click('a:has-text("VT-EXT00000001")')]);
    const visaUrl = sylva.url();
    const extensions = (await sylva.textContent('section[aria-labelledby="extensions"]')) ?? '';
    assert.match(extensions, /auto_extension\.tolerance_2023/);
    assert.match(extensions, /31\. března 2023/);
    assert.match(extensions, /31\. března 2024/);
    assert.equal(await sylva.locator('section[aria-labelledby="extensions"] a.source').count(), 1);
    await check(sylva, 'visa page');
    await sylva.screenshot({ path: `${SHOTS}/staff-register-visa-cs-1280.png`, fullPage: true });

    // The officer at the counter: the day's appointments → the visa → the sticker.
    const olga = await open('olga');
    await olga.goto(`${base}/cs/staff/appointments?day=2024-01-10`);
    await check(olga, 'appointments of the day');
    assert.match((await olga.textContent('main')) ?? '', new RegExp(`${code}[\\s\\S]*objednáno`));
    await Promise.all([olga.waitForURL(visaUrl), olga.click('a:has-text("a vydat štítek")')]);
    assert.equal(await olga.inputValue('#appointmentCode'), code);
    await olga.fill('#affixedOn', '2024-01-11');
    const late = await post(olga, 'form[action$="/stickers"] button[type="submit"]');
    assert.equal(late.status(), 422);
    assert.equal(await olga.locator('#error-summary a[href="#affixedOn"]').count(), 1);
    assert.equal(await olga.locator('#affixedOn-error').count(), 1);
    await check(olga, 'sticker form with an error');
    await olga.fill('#affixedOn', '2024-01-10');
    await olga.fill('#stickerNumber', 'ZK123456');
    await Promise.all([olga.waitForURL(/\?done=sticker$/), olga.click('form[action$="/stickers"] button[type="submit"]')]);
    const stickers = (await olga.textContent('section[aria-labelledby="stickers"]')) ?? '';
    assert.match(stickers, /Vízový štítek je zaznamenán|ZK123456/);
    assert.match(stickers, new RegExp(`ZK123456[\\s\\S]*${code}`));
    await check(olga, 'visa page after the sticker');
    await olga.goto(`${base}/cs/staff/appointments?day=2024-01-10`);
    assert.match((await olga.textContent('main')) ?? '', new RegExp(`${code}[\\s\\S]*uskutečněno`));

    // The supervisor starts the mass extension and watches its page refresh itself to done.
    await sylva.goto(`${base}/cs/staff/extensions`);
    assert.match(
      (await sylva.textContent('main')) ?? '',
      new RegExp(`Nyní splňuje podmínky ${MASS.toLocaleString('cs')}|Nyní splňuje podmínky ${MASS}|${MASS}`),
    );
    await check(sylva, 'mass extension');
    await sylva.fill('#batchSize', '10');
    let loads = 0;
    sylva.on('load', () => loads++);
    await Promise.all([
      sylva.waitForURL(/\/cs\/staff\/extensions\/jobs\/[0-9a-f-]{36}$/),
      sylva.click('form[action$="/staff/extensions"] button[type="submit"]'),
    ]);
    const jobUrl = sylva.url();
    const running = await contentOf(sylva);
    assert.match(running, /id="job-status" data-status="running"/, 'the run outlasts its first page');
    assert.match(running, /<meta http-equiv="refresh" content="2">/);
    assert.match(running, /<progress id="job-progress-bar" max="3000" value="\d+">/);
    await check(sylva, 'a running job', { dropRefresh: true });
    await sylva.screenshot({ path: `${SHOTS}/staff-register-job-running-cs-1280.png`, fullPage: true });
    const first = loads;
    await sylva.waitForSelector('#job-status[data-status="succeeded"]', { timeout: 120_000 });
    assert.equal(sylva.url(), jobUrl);
    assert.ok(loads - first >= 1, `the page refreshed itself (${loads - first} refreshes)`);
    assert.equal(await sylva.locator('meta[http-equiv="refresh"]').count(), 0, 'no refresh once done');
    const result = (await sylva.textContent('main')) ?? '';
    assert.match(result, /Dokončeno: prodloužilo se/);
    assert.equal(await sylva.getAttribute('#job-progress-bar', 'value'), String(MASS));
    await check(sylva, 'a finished job');
    await sylva.screenshot({ path: `${SHOTS}/staff-register-job-done-cs-1280.png`, fullPage: true });

    // The job history lists the run.
    await Promise.all([sylva.waitForURL(/\/cs\/staff\/extensions$/), sylva.click('a:has-text("Zpět na hromadné prodloužení")')]);
    const history = (await sylva.textContent('section[aria-labelledby="history"]')) ?? '';
    assert.match(history, /Sylva Supervisor/);
    assert.match(history, new RegExp(`ostrý běh\\s*${MASS} / ${MASS}\\s*dokončeno`));
    assert.equal(await sylva.locator(`section[aria-labelledby="history"] a[href="${new URL(jobUrl).pathname}"]`).count(), 1);
    await check(sylva, 'job history');
    assert.deepEqual(csp, [], 'no CSP violation');
  });
});
