/**
 * The officer's casework in Chromium (Debian's, through playwright-core) with axe-core, at 1280 and
 * 768 px: intake at the counter (the capital-Latin check while typing) → the case page → interruption
 * → resumption (by keyboard alone) → grant → the decision letter posted and delivered; and two
 * officers on one case in two browser contexts — the second submits a stale form and sees who changed
 * what, with what they typed kept. Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import {
  type Browser,
  launchChromium,
  type Page,
  scrollsSideways,
  seriousViolations,
  signInOnPage,
  skipWithoutChromium,
} from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { tabTo } from '../support/keyboard.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';

const SHOTS = 'screenshots';
const id = (x: string) => `[id="${x}"]`;

describe('casework pages in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    // Thursday 3 December 2026, 10:00 in Prague.
    t = await startTestApp(await dbTiers()[0]!.open(), { now: '2026-12-03T09:00:00Z' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** axe finds nothing serious and nothing scrolls sideways, at 1280 and at 768 px. */
  async function check(page: Page, name: string) {
    for (const width of [768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await seriousViolations(page), [], `${name} at ${width}px: axe`);
      assert.equal(await scrollsSideways(page), false, `${name} at ${width}px scrolls sideways`);
    }
  }

  async function officer(username: string, locale = 'cs') {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await signInOnPage(page, base, username, PASSWORD, locale);
    return { ctx, page, csp };
  }

  /** Fills the intake form of an admissible tolerance-visa application. */
  async function fillIntake(page: Page, passport: string) {
    await page.fill(id('applicant.surname'), 'MELNYKOVÁ');
    await page.fill(id('applicant.givenNames'), 'DARYNA');
    await page.fill(id('applicant.dateOfBirth'), '1992-04-17');
    await page.fill(id('applicant.nationality'), 'UKR');
    await page.fill(id('applicant.passportNumber'), passport);
    await page.fill(id('applicant.passportExpiresOn'), '2032-01-31');
    await page.fill(id('applicant.address'), 'Vinohradská 12, 120 00 Praha 2');
    await page.check(id('checklist.applicationForm.submitted'));
    await page.check(id('checklist.applicationForm.inCzech'));
    await page.fill(id('checklist.applicationForm.fields.givenNames'), 'DARYNA');
    await page.fill(id('checklist.applicationForm.fields.addressInCzechia'), 'VINOHRADSKÁ 12, PRAHA 2');
    await page.check(id('checklist.passport.submitted'));
    await page.check(id('checklist.photo.submitted'));
    await page.fill(id('checklist.fee.amountCzk'), '300');
    await page.check(id('checklist.affidavit.submitted'));
    await page.check(id('checklist.affidavit.notarised'));
  }

  /** Opens an action's form (its summary) and fills it; the caller submits. */
  async function openForm(page: Page, formKey: string) {
    await page.click(`${id(`form-${formKey}`)} > summary`);
  }

  async function submitForm(page: Page, formKey: string) {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click(`${id(`form-${formKey}`)} button[type="submit"]`),
    ]);
    await page.waitForLoadState('load');
    return res;
  }

  test('intake → interruption → resumption (keyboard) → grant → letter posted and delivered', async () => {
    const { ctx, page, csp } = await officer('olga');
    await page.goto(`${base}/cs/staff/intake`);
    await check(page, 'intake form');

    // The script checks the form's fields while typing; the server's answer still decides.
    const field = id('checklist.applicationForm.fields.surname');
    await page.fill(field, 'Melnyková');
    await page.waitForFunction(() =>
      /latinkovými/.test(document.getElementById('checklist.applicationForm.fields.surname-live')?.textContent ?? ''),
    );
    assert.match((await page.textContent(id('checklist.applicationForm.fields.surname-live'))) ?? '', /Není velkými latinkovými písmeny/);
    await page.fill(field, 'MELNYKOVÁ');
    assert.match((await page.textContent(id('checklist.applicationForm.fields.surname-live'))) ?? '', /Velká latinková písmena/);

    // A 422 first: the surname left out, the error beside it.
    await fillIntake(page, 'FB770001');
    await page.fill(id('applicant.surname'), '');
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('main form[method="post"] button[type="submit"]'),
    ]);
    assert.equal(bad.status(), 422);
    assert.equal(await page.locator(id('applicant.surname-error')).count(), 1);
    await check(page, 'intake form with an error');
    await page.fill(id('applicant.surname'), 'MELNYKOVÁ');
    await Promise.all([
      page.waitForURL(/\/cs\/staff\/cases\/[0-9a-f-]{36}\?done=intake$/),
      page.click('main form[method="post"] button[type="submit"]'),
    ]);
    assert.match((await page.textContent('main')) ?? '', /Zaznamenáno: Přijetí žádosti/);
    assert.match((await page.textContent('#clock')) ?? '', /Lhůta uplyne/);
    await check(page, 'case page');
    await page.screenshot({ path: `${SHOTS}/staff-case-cs-1280.png`, fullPage: true });

    // Interruption with a request to complete the application.
    await openForm(page, 'interrupt');
    await page.fill(id('interrupt.requested'), 'Předložte úředně ověřený překlad čestného prohlášení.');
    await page.fill(id('interrupt.respondBy'), '2026-12-17');
    assert.equal((await submitForm(page, 'interrupt')).status(), 303);
    assert.match(page.url(), /\?done=interrupt$/);
    assert.equal(await page.getAttribute('#case-status', 'data-status'), 'interrupted');
    assert.match((await page.textContent('#clock')) ?? '', /Lhůta stojí/);
    await check(page, 'interrupted case');

    // Resumption by keyboard alone: Tab to the form's summary, Enter opens it, Tab to its button, Enter.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.focus('h1');
    await tabTo(page, `${id('form-resume')} > summary`);
    await page.keyboard.press('Enter');
    await tabTo(page, `${id('form-resume')} button[type="submit"]`);
    await Promise.all([page.waitForURL(/\?done=resume$/), page.keyboard.press('Enter')]);
    assert.equal(await page.getAttribute('#case-status', 'data-status'), 'under_assessment');

    // The grant, for a year at most.
    await openForm(page, 'grant');
    await page.fill(id('grant.validTo'), '2027-12-02');
    assert.equal((await submitForm(page, 'grant')).status(), 303);
    assert.equal(await page.getAttribute('#case-status', 'data-status'), 'granted');
    const letters = await page
      .locator('details[data-action="letter_posted"]')
      .evaluateAll((els) => els.map((e) => e.id.replace(/^form-/, '')));
    assert.equal(letters.length, 2, 'the interruption letter and the decision letter');
    const decision = letters[letters.length - 1]!;
    await openForm(page, decision);
    assert.equal((await submitForm(page, decision)).status(), 303);
    const delivery = decision.replace('letter_posted', 'letter_delivery');
    await openForm(page, delivery);
    await page.fill(id(`${delivery}.delivery.deliveredOn`), '2026-12-03');
    assert.equal((await submitForm(page, delivery)).status(), 303);
    const timeline = (await page.textContent('#timeline')) ?? '';
    for (const step of [
      'Přijetí žádosti',
      'Přerušení řízení',
      'Pokračování v řízení',
      'Udělení víza',
      'Písemnost předána k poštovní přepravě',
      'Doručení písemnosti',
    ])
      assert.ok(timeline.includes(step), `the timeline shows ${step}`);
    assert.match(timeline, /Olga Officer/);
    await check(page, 'decided case');

    // The decision letter opens inline as a PDF.
    const href = await page.getAttribute('#letters a[href*="/letters/"]:not([download])', 'href');
    const pdf = await page.request.get(`${base}${href}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.match(pdf.headers()['content-disposition'] ?? '', /^inline;/);
    assert.deepEqual(csp, []);
    await ctx.close();
  });

  test('two officers on one case: the second submits a stale form and sees the change, nothing lost', async () => {
    const a = await officer('olga');
    const b = await officer('oskar', 'en');
    await a.page.goto(`${base}/cs/staff/intake`);
    await fillIntake(a.page, 'FB770002');
    await a.page.fill(id('checklist.applicationForm.fields.surname'), 'MELNYKOVÁ');
    await Promise.all([
      a.page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}\?done=intake$/),
      a.page.click('main form[method="post"] button[type="submit"]'),
    ]);
    const caseUrl = a.page.url().replace(/\?.*$/, '').replace('/cs/', '/en/');

    // Oskar opens the case and starts typing a refusal…
    await b.page.goto(caseUrl);
    await openForm(b.page, 'refuse');
    await b.page.fill(id('refuse.reasons'), 'The obstacle to departure was not shown (typed by Oskar).');
    await b.page.fill(id('refuse.legalGround'), '§ 56 Act 326/1999 Coll.');
    // …while Olga interrupts the proceedings.
    await openForm(a.page, 'interrupt');
    await a.page.fill(id('interrupt.requested'), 'Doložte doklad o překážce vycestování.');
    await a.page.fill(id('interrupt.respondBy'), '2026-12-18');
    assert.equal((await submitForm(a.page, 'interrupt')).status(), 303);

    const res = await submitForm(b.page, 'refuse');
    assert.equal(res.status(), 409);
    const text = (await b.page.textContent('main')) ?? '';
    assert.match(text, /Someone changed this case meanwhile/);
    assert.match(text, /Olga Officer/);
    assert.match(text, /Proceedings interrupted/);
    assert.match(text, /This action is no longer allowed/);
    assert.match(text, /typed by Oskar/);
    await check(b.page, 'conflict page');
    await b.page.screenshot({ path: `${SHOTS}/staff-case-conflict-en-1280.png`, fullPage: true });
    await Promise.all([b.page.waitForURL(caseUrl), b.page.click('#conflict-reload')]);
    assert.equal(await b.page.getAttribute('#case-status', 'data-status'), 'interrupted');
    assert.deepEqual([...a.csp, ...b.csp], []);
    await a.ctx.close();
    await b.ctx.close();
  });
});
