/**
 * The Civil Society journey in Chromium: an NGO caseworker nominates (in Ukrainian, JavaScript off)
 * and uploads a PDF → the supervisor assigns two officers → officer 1 screens, assesses and approves →
 * officer 2 approves (four eyes) → the NGO sees "approved" → the public figures count it (in the
 * ranges). axe finds nothing serious at 1280 and 768 px on every page (the NGO and public pages also
 * at 360 px, without sideways scrolling); then a caseworker nominates by keyboard alone at 360 px (in
 * Belarusian, a focus ring at every stop). Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { type Browser, launchChromium, type Page, scrollsSideways, seriousViolations, skipWithoutChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { tabTo } from '../support/keyboard.ts';

// The browser keeps the session cookie by its expiry, set from the app's clock: the clock is the real time.
const NOW = new Date();
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d, 9)).toISOString();
const LAST_MONTH = utc(NOW.getUTCFullYear(), NOW.getUTCMonth() - 1, 16);
const NEXT_MONTH = utc(NOW.getUTCFullYear(), NOW.getUTCMonth() + 1, 2);
const day = (offset: number) => new Date(NOW.getTime() + offset * 86400000).toISOString().slice(0, 10);

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% a reportage\n'), Buffer.alloc(4096, 32)]);

describe('Civil Society journey in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    // Nine nominations of organisation A last month: fewer than ten, so the public total is not published yet.
    t = await startTestApp(await dbTiers()[0]!.open(), { now: LAST_MONTH });
    const org = await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name: 'Free Press Aid' } });
    const cw = await t.call('POST', '/api/v1/admin/staff', {
      as: 'adam',
      body: { username: 'ngo.a', displayName: 'Maryna (Free Press Aid)', role: 'caseworker', orgId: org.body.id, password: PASSWORD },
    });
    assert.equal(cw.status, 201, JSON.stringify(cw.body));
    for (let i = 0; i < 9; i++) {
      const r = await t.call('POST', '/api/v1/nominations', {
        as: 'ngo.a',
        body: {
          nationality: i % 2 ? 'RUS' : 'BLR',
          surname: `EARLIER${String.fromCharCode(65 + i)}`,
          givenNames: 'ANNA',
          dateOfBirth: '1980-01-01',
          passportNumber: `EA${1000000 + i}`,
          category: 'academic',
          publicRecord: ['https://example.org/a'],
          narrative: 'An earlier nomination',
          visaType: 'C',
          lodgingPost: 'Embassy in Warsaw',
        },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    t.clock.set(NOW.toISOString());
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** axe at each width, and no sideways scrolling. */
  async function check(page: Page, name: string, widths: number[] = [1280, 768]) {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await seriousViolations(page), [], `${name} at ${width}px: axe`);
      assert.equal(await scrollsSideways(page), false, `${name} at ${width}px scrolls sideways`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  const NGO_WIDTHS = [1280, 768, 360];

  /** Signs in on the sign-in page and waits for the page the role lands on. */
  async function signInOnPage(page: Page, _base: string, username: string, password: string, locale: string) {
    await page.goto(`${base}/${locale}/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/sign-in')), page.click('main form button[type=submit]')]);
  }

  const log = (m: string) => console.error(`# civil journey: ${m}`);
  const go = async (page: Page, selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };

  test('NGO nominates in Ukrainian and uploads a PDF → two officers approve → the public figures count it', {
    timeout: 480_000,
  }, async () => {
    // — the NGO caseworker, without JavaScript —
    const ngo = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    log('NGO (no JavaScript)');
    await signInOnPage(ngo, base, 'ngo.a', PASSWORD, 'uk');
    assert.match(new URL(ngo.url()).pathname, /^\/uk\/ngo\/nominations$/);
    await go(ngo, 'main a[href="/uk/ngo/nominations/new"]');
    await go(ngo, 'main form button[type=submit]');
    assert.match((await ngo.textContent('#surname-error')) ?? '', /Заповніть це поле/);
    await ngo.selectOption('#nationality', 'BLR');
    await ngo.fill('#surname', 'KAVALEUSKAYA');
    await ngo.fill('#givenNames', 'ALENA');
    await ngo.fill('#nativeName', 'Кавалеўская Алена');
    await ngo.fill('#dateOfBirth', '1987-06-12');
    await ngo.fill('#passportNumber', 'BY4400123');
    await ngo.selectOption('#category', 'journalist');
    await ngo.fill('#publicRecord', 'https://example.org/reportage/1\nhttps://example.org/reportage/2');
    await ngo.fill('#narrative', 'Переслідувана за репортажі з протестів у Мінську. BROWSER-SECRET-STORY');
    await ngo.check('#visaType-1');
    await ngo.fill('#lodgingPost', 'Embassy in Vilnius');
    await go(ngo, 'main form button[type=submit]');
    assert.match(new URL(ngo.url()).search, /done=nominated/);
    const reference = /CSP-\d{4}-\d{6}/.exec((await ngo.textContent('h1')) ?? '')?.[0];
    assert.ok(reference, 'the page names the reference');
    // A file that only claims to be a PDF, then the real one.
    await ngo.setInputFiles('#file', { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all') });
    await go(ngo, 'main form[enctype="multipart/form-data"] button[type=submit]');
    assert.match((await ngo.textContent('#file-error')) ?? '', /не є PDF, JPEG чи PNG/);
    await ngo.setInputFiles('#file', { name: 'reportage.pdf', mimeType: 'application/pdf', buffer: PDF });
    await go(ngo, 'main form[enctype="multipart/form-data"] button[type=submit]');
    assert.match(new URL(ngo.url()).search, /done=evidence/);
    assert.match((await ngo.textContent('main')) ?? '', /Файл додано/);
    const nominationPath = new URL(ngo.url()).pathname;

    // — the same NGO pages with JavaScript on, for axe (it runs as a script in the page) at three widths —
    const ngoAxe = await (await browser.newContext()).newPage();
    await signInOnPage(ngoAxe, base, 'ngo.a', PASSWORD, 'uk');
    await check(ngoAxe, 'NGO list', NGO_WIDTHS);
    await ngoAxe.goto(`${base}/uk/ngo/nominations/new`);
    await check(ngoAxe, 'NGO form', NGO_WIDTHS);
    await go(ngoAxe, 'main form button[type=submit]');
    await check(ngoAxe, 'NGO form with errors', NGO_WIDTHS);
    await ngoAxe.goto(`${base}${nominationPath}?done=evidence`);
    await check(ngoAxe, 'NGO nomination', NGO_WIDTHS);
    await ngoAxe.setInputFiles('#file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a, not a png') });
    await go(ngoAxe, 'main form[enctype="multipart/form-data"] button[type=submit]');
    assert.match((await ngoAxe.textContent('#file-error')) ?? '', /не є PDF, JPEG чи PNG/);
    await check(ngoAxe, 'NGO upload error', NGO_WIDTHS);

    // — the supervisor assigns two officers —
    log('supervisor');
    const sup = await (await browser.newContext()).newPage();
    await signInOnPage(sup, base, 'sylva', PASSWORD, 'cs');
    await sup.goto(`${base}/cs/staff/nominations`);
    await check(sup, 'supervisor list');
    await go(sup, `main a:text("${reference}")`);
    assert.doesNotMatch((await sup.textContent('main')) ?? '', /BROWSER-SECRET|KAVALEUSKAYA/);
    await check(sup, 'supervisor nomination');
    for (const name of ['Olga Officer', 'Oskar Officer']) {
      await sup.selectOption('#officerId', { label: `${name} (PHA-ZUK)` });
      await go(sup, 'form[action$="/assign"] button[type=submit]');
      assert.match((await sup.textContent('main')) ?? '', /Úředník byl přidělen/);
    }
    await check(sup, 'supervisor after assigning');

    // — officer 1: screening, assessment, the first approval —
    log('officer 1');
    const olga = await (await browser.newContext()).newPage();
    await signInOnPage(olga, base, 'olga', PASSWORD, 'cs');
    await olga.goto(`${base}/cs/staff/nominations`);
    await go(olga, `main a:text("${reference}")`);
    assert.match((await olga.textContent('main')) ?? '', /BROWSER-SECRET-STORY/);
    assert.match((await olga.textContent('main')) ?? '', /reportage\.pdf/);
    await check(olga, 'officer 1 nomination');
    await go(olga, 'button[name=action][value=start_screening]');
    await go(olga, 'button[name=action][value=start_assessment]');
    await check(olga, 'officer 1 in assessment');
    await go(olga, 'button[name=action][value=approve]');
    assert.match((await olga.textContent('main')) ?? '', /Schválit musí i druhý úředník/);
    await check(olga, 'officer 1 after approving');

    // — officer 2: the second approval (four eyes) —
    log('officer 2');
    const oskar = await (await browser.newContext()).newPage();
    await signInOnPage(oskar, base, 'oskar', PASSWORD, 'en');
    await oskar.goto(`${base}/en/staff/nominations`);
    await go(oskar, `main a:text("${reference}")`);
    assert.match((await oskar.textContent('main')) ?? '', /Olga Officer approved first/);
    await oskar.fill('#validFrom', day(7));
    await oskar.fill('#validTo', day(300));
    await check(oskar, 'officer 2 nomination');
    await go(oskar, 'button[name=action][value=approve]');
    assert.match((await oskar.textContent('main')) ?? '', /The nomination is approved/);
    await check(oskar, 'officer 2 after approving');

    // — the NGO sees the coarse status —
    await ngo.goto(`${base}/uk/ngo/nominations`);
    const row = (await ngo.textContent(`tr:has-text("${reference}")`)) ?? '';
    assert.match(row, /Схвалено/);
    assert.doesNotMatch((await ngo.textContent('main')) ?? '', /Olga|Oskar|BROWSER-SECRET/);

    // — the public figures, once this month is complete: ten nominations, counted as a range —
    const pub = await (await browser.newContext()).newPage();
    await pub.goto(`${base}/uk/statistics/civil-society`);
    assert.match((await pub.textContent('.stats-total')) ?? '', /менше 10/, 'before: nine nominations of completed months');
    t.clock.set(NEXT_MONTH);
    await pub.reload();
    assert.match((await pub.textContent('.stats-total')) ?? '', /10–49/);
    const approved = (await pub.textContent('tr:has-text("схвалено")')) ?? '';
    assert.match(approved, /менше 10 \(не оприлюднюється\)/, 'one approval: a small cell, not published');
    assert.ok(await pub.isVisible('a[href$="civil-society.csv"]'));
    await check(pub, 'public figures', NGO_WIDTHS);
  });

  test('keyboard alone, at 360 px: an NGO caseworker nominates (each stop shows its focus ring)', { timeout: 240_000 }, async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
    await signInOnPage(page, base, 'ngo.a', PASSWORD, 'be');
    await tabTo(page, 'main a[href="/be/ngo/nominations/new"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const type = async (selector: string, text: string) => {
      await tabTo(page, selector);
      await page.keyboard.type(text);
    };
    await tabTo(page, '#nationality');
    await page.keyboard.press('ArrowDown'); // Russian Federation
    await type('#surname', 'SMIRNOV');
    await type('#givenNames', 'ILYA');
    await tabTo(page, '#dateOfBirth');
    await page.keyboard.type('04111979');
    await type('#passportNumber', 'RU7711223');
    await tabTo(page, '#category');
    await page.keyboard.press('ArrowDown'); // journalist
    await type('#publicRecord', 'https://example.org/smirnov');
    await type('#narrative', 'Пераследуецца за журналісцкія расследаванні.');
    await tabTo(page, '#visaType');
    await page.keyboard.press('Space');
    await type('#lodgingPost', 'Embassy in Riga');
    await tabTo(page, 'main form button[type=submit]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(new URL(page.url()).search, /done=nominated/, (await page.textContent('main')) ?? '');
    assert.match((await page.textContent('main')) ?? '', /Намінацыя CSP-\d{4}-\d{6} атрымана/);
  });
});
