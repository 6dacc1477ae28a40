/**
 * The holder's pages in a real browser (Debian's Chromium through playwright-core) with axe-core:
 * status check → what the register holds → booking on a chosen day → confirmation → the .ics file →
 * move → cancel, in cs (JavaScript on; axe and no sideways scrolling at 360 and 1280 px on every page)
 * and in uk with JavaScript off (a wrong pair first, then the same journey); in uk with JavaScript on at
 * 360 px by keyboard alone (Tab, Shift+Tab, Enter, Space; a visible focus ring at every stop; axe on
 * every page). One browser, one app.
 * Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AXE, type Browser, launchChromium, type Page, skipWithoutChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { intakeBody } from '../support/fixtures.ts';
import { assertVisibleFocus, tabTo } from '../support/keyboard.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_HOURS, generateSlots, setOfficeHours } from '../../src/modules/appointments/index.ts';

const SHOTS = 'screenshots';
const BORN = '1988-02-14';

describe('holder pages in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const visas: string[] = [];
  before(async () => {
    const tier = dbTiers()[0]!;
    // Wednesday 2 December 2026, 10:00 in Prague; slots on Thursday and Friday.
    t = await startTestApp(await tier.open(), { now: '2026-12-02T09:00:00Z' });
    for (let i = 0; i < 3; i++) {
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-12-02' }) });
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-12-02', validTo: '2027-12-01' },
      });
      visas.push(g.body.visa.visaNumber);
    }
    await setOfficeHours(t.handle.db, 'PHA-ZUK', DEMO_HOURS);
    await generateSlots(t.handle.db, { officeId: 'PHA-ZUK', from: '2026-12-03', to: '2026-12-04', minutes: 60, capacity: 2 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function axe(page: Page) {
    await page.evaluate(AXE);
    const r = (await page.evaluate(() => (globalThis as any).axe.run(document, { resultTypes: ['violations'] }))) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** axe and no sideways scrolling at 360 and at 1280 px on the page as it is. */
  async function check(page: Page, name: string) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      assert.deepEqual(await axe(page), [], `${name} at ${width}px: axe`);
      const { sw, cw } = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        cw: document.documentElement.clientWidth,
      }));
      assert.ok(sw <= cw, `${name} at ${width}px: ${sw}px wide in a ${cw}px viewport`);
    }
  }

  const submit = (page: Page, url: RegExp) => Promise.all([page.waitForURL(url), page.click('main form button[type="submit"]')]);

  async function readIcs(page: Page) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="appointment.ics"]')]);
    assert.match(download.suggestedFilename(), /^pobyt-[A-Z0-9]{8}\.ics$/);
    return readFileSync((await download.path())!, 'utf8');
  }

  test('cs with JavaScript on: check, book, confirmation, .ics, move, cancel — axe at 360 and 1280 px on every page', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.goto(`${base}/cs/`);
    await Promise.all([page.waitForURL(/\/cs\/status$/), page.click('a[href="/cs/status"]')]);
    await check(page, 'status form');
    // An empty form: 422 with the errors beside the fields and a summary.
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('main form button[type="submit"]'),
    ]);
    assert.equal(bad.status(), 422);
    assert.equal(await page.locator('#error-summary a[href="#visaNumber"]').count(), 1);
    assert.equal(await page.locator('#dateOfBirth-error').count(), 1);
    await check(page, 'status form with errors');

    await page.fill('#visaNumber', visas[0]!);
    await page.fill('#dateOfBirth', BORN);
    await submit(page, /\/cs\/holder$/);
    assert.ok(!page.url().includes(visas[0]!) && !page.url().includes(BORN));
    const main = (await page.textContent('main')) ?? '';
    assert.match(main, /Registr vede vaše vízum jako platné/);
    assert.match(main, /systém prodlužování dočasné ochrany|dočasné ochrany/);
    await check(page, 'visa page');

    await Promise.all([page.waitForURL(/\/cs\/holder\/book$/), page.click('a[href="/cs/holder/book"]')]);
    await Promise.all([page.waitForURL(/day=2026-12-04/), page.click('a[href="/cs/holder/book?day=2026-12-04"]')]);
    assert.equal(await page.getAttribute('a[aria-current="date"]', 'href'), '/cs/holder/book?day=2026-12-04');
    await check(page, 'booking page');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: `${SHOTS}/holder-book-cs-360.png`, fullPage: true });
    await page.check('input[name="slot"] >> nth=1');
    await submit(page, /appointment\?done=booked/);
    assert.match((await page.textContent('#confirmation')) ?? '', /Termín je objednán/);
    assert.match((await page.textContent('main')) ?? '', /4\. prosince 2026.*9:00|4\. prosince 2026.*09:00/);
    await check(page, 'confirmation');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${SHOTS}/holder-confirmation-cs-1280.png`, fullPage: true });
    const ics = await readIcs(page);
    assert.match(ics, /\r\nDTSTART:20261204T080000Z\r\n/);
    assert.match(ics, /\r\nSUMMARY:Nový vízový štítek — OAMP\r\n/);

    await Promise.all([page.waitForURL(/\/cs\/holder\/book$/), page.click('main a[href="/cs/holder/book"]')]);
    await Promise.all([page.waitForURL(/day=2026-12-03/), page.click('a[href="/cs/holder/book?day=2026-12-03"]')]);
    await page.check('input[name="slot"] >> nth=0');
    await submit(page, /appointment\?done=moved/);
    assert.match((await page.textContent('main')) ?? '', /3\. prosince 2026.*8:00|3\. prosince 2026.*08:00/);
    const moved = await readIcs(page);
    assert.match(moved, /\r\nDTSTART:20261203T070000Z\r\n/);

    await Promise.all([page.waitForURL(/holder\?done=cancelled/), page.click('form[action="/cs/holder/cancel"] button')]);
    assert.match((await page.textContent('main')) ?? '', /Váš termín byl zrušen/);
    assert.deepEqual(csp, []);
    await ctx.close();
  });

  test('uk by keyboard alone at 360 px with JavaScript on: skip link, check, book, confirmation, cancel — focus visible, axe on every page', async () => {
    // en-US fixes the order of the date field's parts (month, day, year) for typing.
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'en-US' });
    const page = await ctx.newPage();
    const key = (k: string, url: RegExp) => Promise.all([page.waitForURL(url), page.keyboard.press(k)]);
    const axe360 = async (name: string) => assert.deepEqual(await axe(page), [], `${name} (uk, 360 px): axe`);
    await page.goto(`${base}/uk/`);
    await axe360('home');
    await tabTo(page, 'a[href="/uk/status"]');
    await key('Enter', /\/uk\/status$/);
    await axe360('status form');

    // The first Tab reaches the skip link, shown on screen; Enter on it skips the header.
    await page.keyboard.press('Tab');
    const skip = await assertVisibleFocus(page, 'skip link');
    assert.equal(skip.href, '#main');
    await page.keyboard.press('Enter');
    assert.equal(await tabTo(page, '#visaNumber', { max: 1 }), 1, 'after the skip link the next Tab is the first field');
    await page.keyboard.type(visas[2]!);
    await tabTo(page, '#dateOfBirth');
    await page.keyboard.type(`${BORN.slice(5, 7)}${BORN.slice(8, 10)}${BORN.slice(0, 4)}`);
    assert.equal(await page.inputValue('#dateOfBirth'), BORN);
    // Shift+Tab goes back to the visa number (tab order follows the page).
    await tabTo(page, '#visaNumber', { back: true, max: 4 });
    assert.equal(await page.inputValue('#visaNumber'), visas[2]!);
    await tabTo(page, 'main form button[type="submit"]');
    await key('Enter', /\/uk\/holder$/);
    assert.match((await page.textContent('main')) ?? '', /значиться дійсною/);
    await axe360('visa page');

    await tabTo(page, 'a[href="/uk/holder/book"]');
    await key('Enter', /\/uk\/holder\/book$/);
    await axe360('booking page');
    await tabTo(page, 'a[href="/uk/holder/book?day=2026-12-04"]');
    await key('Enter', /day=2026-12-04/);
    await axe360('booking page, a day chosen');
    await tabTo(page, 'input[name="slot"]');
    await page.keyboard.press('Space');
    assert.ok(await page.isChecked('input[name="slot"] >> nth=0'), 'Space checks the time');
    await tabTo(page, 'main form button[type="submit"]');
    await key('Enter', /appointment\?done=booked/);
    assert.match((await page.textContent('#confirmation')) ?? '', /Ви записані/);
    await axe360('confirmation');

    await tabTo(page, 'a[href$="appointment.ics"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(readFileSync((await download.path())!, 'utf8'), /\r\nDTSTART:20261204T070000Z\r\n/);
    await tabTo(page, 'form[action="/uk/holder/cancel"] button');
    await key('Space', /holder\?done=cancelled/);
    assert.match((await page.textContent('main')) ?? '', /Ваш запис скасовано/);
    await axe360('visa page after cancelling');
    await ctx.close();
  });

  test('uk with JavaScript off: a wrong pair gets the neutral answer; then check, book, .ics, move, cancel', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/uk/status`);
    await page.fill('#visaNumber', visas[1]!);
    await page.fill('#dateOfBirth', '1988-02-15');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('main form button[type="submit"]')]);
    assert.match((await page.textContent('#not-found')) ?? '', /візу не знайдено/);

    await page.fill('#dateOfBirth', BORN);
    await submit(page, /\/uk\/holder$/);
    assert.match((await page.textContent('main')) ?? '', /значиться дійсною/);
    await Promise.all([page.waitForURL(/\/uk\/holder\/book$/), page.click('a[href="/uk/holder/book"]')]);
    await page.check('input[name="slot"] >> nth=0');
    await submit(page, /appointment\?done=booked/);
    assert.match((await page.textContent('#confirmation')) ?? '', /Ви записані/);
    const ics = await readIcs(page);
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /\r\nSUMMARY:Нова візова наклейка — OAMP\r\n/);
    assert.ok(!ics.includes(visas[1]!));

    await Promise.all([page.waitForURL(/\/uk\/holder\/book$/), page.click('main a[href="/uk/holder/book"]')]);
    await page.check('input[name="slot"] >> nth=1');
    await submit(page, /appointment\?done=moved/);
    assert.match((await page.textContent('main')) ?? '', /Запис перенесено/);
    await Promise.all([page.waitForURL(/holder\?done=cancelled/), page.click('form[action="/uk/holder/cancel"] button')]);
    assert.match((await page.textContent('main')) ?? '', /Ваш запис скасовано/);
    await ctx.close();
  });
});
