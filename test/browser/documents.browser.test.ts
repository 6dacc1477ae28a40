/**
 * The documents journey in a real browser (Debian's Chromium through playwright-core) with axe-core:
 * in uk (360 px) and cs (1280 px), navigator → tolerance result → "Prepare your form" → the form page
 * → both PDFs downloaded and read back with pdftotext. The personal fields never reach the address
 * bar. In uk at 360 px by keyboard alone: result → form → an empty submit → the summary's link to the
 * field → the form filled and the PDF downloaded, with a visible focus ring at every stop. Skips when Chromium is missing, unless REQUIRE_CHROMIUM=1 (CI).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AXE, type Browser, launchChromium, type Page, skipWithoutChromium, haveChromium } from '../support/browser.ts';
import { dbTiers } from '../support/db-tiers.ts';
import { hasPdftotext, pdfText } from '../support/fixtures.ts';
import { assertVisibleFocus, tabTo } from '../support/keyboard.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

if (haveChromium && !hasPdftotext && process.env.REQUIRE_PDFTOTEXT === '1')
  throw new Error('REQUIRE_PDFTOTEXT=1 but pdftotext is not installed');

const TOLERANCE = new Map([
  ['held_status', 'none'],
  ['nationality', 'UKR'],
  ['lived_in_ukraine_before_war', 'true'],
  ['applied_protection_in_other_eu_state', 'false'],
  ['holds_residence_in_other_state', 'true'],
  ['cannot_return', 'true'],
  ['in_czech_republic', 'true'],
]);

describe('documents in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    t = await startTestApp(await dbTiers()[0]!.open(), { now: '2026-12-02T09:00:00Z' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
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

  async function download(page: Page, value: 'form' | 'affidavit'): Promise<Buffer> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`button[name="document"][value="${value}"]`)]);
    const path = await d.path();
    assert.ok(path, 'download saved');
    return readFileSync(path);
  }

  for (const [lang, width, expectForm, expectAffidavit] of [
    ['uk', 360, 'Прізвище', 'урочисто заявляю'],
    ['cs', 1280, 'Příjmení', 'čestně prohlašuji'],
  ] as const) {
    test(`${lang} at ${width} px: navigator → result → form → both PDFs read back`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
      const page = await ctx.newPage();
      const csp: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
      });
      await page.goto(`${base}/${lang}/navigator`);
      for (let i = 0; (await page.locator('input[name="question"]').count()) > 0; i++) {
        assert.ok(i < 8, 'more than eight questions');
        const fact = (await page.getAttribute('input[name="question"]', 'value')) ?? '';
        await page.check(`input[name="answer"][value="${TOLERANCE.get(fact)}"]`);
        await Promise.all([page.waitForURL(/navigator\?/), page.click('button[type="submit"]')]);
      }
      await Promise.all([page.waitForURL(/\/documents\?/), page.click('a.prepare-link')]);
      assert.deepEqual(await axe(page), [], 'form page axe');
      const { sw, cw } = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        cw: document.documentElement.clientWidth,
      }));
      assert.ok(sw <= cw, `page is ${sw}px wide in a ${cw}px viewport`);

      // Nothing typed: 422, the summary links to the field, the error is beside it.
      const [bad] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.click('button[name="document"][value="form"]'),
      ]);
      assert.equal(bad.status(), 422);
      assert.equal(await page.locator('#error-summary a[href="#surname"]').count(), 1);
      assert.equal(await page.locator('#surname-error').count(), 1);
      if (width === 360) assert.deepEqual(await axe(page), [], 'form page with errors axe');

      await page.fill('#surname', 'Шевченко');
      await page.fill('#givenNames', 'Олена');
      await page.check('input[name="sex"][value="F"]');
      await page.fill('#dateOfBirth', '1990-04-02');
      await page.fill('#passportNumber', 'FX123456');
      await page.fill('#addressInCzechia', 'Žižkova 1234/5, Praha 3');
      const form = await download(page, 'form');
      // The download leaves the filled page in place: the second button works without typing again.
      assert.equal(await page.inputValue('#surname'), 'Шевченко');
      const affidavit = await download(page, 'affidavit');
      assert.doesNotMatch(page.url(), /Шевченко|%D0|FX123456|1990/);
      assert.deepEqual(csp, []);
      await ctx.close();

      assert.equal(form.subarray(0, 5).toString(), '%PDF-');
      if (!hasPdftotext) return;
      const f = pdfText(form);
      for (const s of [
        'ŽÁDOST O UDĚLENÍ VÍZA K POBYTU NAD 90 DNŮ',
        expectForm,
        'SHEVCHENKO',
        'OLENA',
        '2. 4. 1990',
        'ŽENA',
        'FX123456',
        'ŽIŽKOVA 1234/5',
      ])
        assert.ok(f.includes(s), `form PDF lacks "${s}": ${f}`);
      const a = pdfText(affidavit);
      for (const s of ['ČESTNÉ PROHLÁŠENÍ', expectAffidavit, 'SHEVCHENKO', 'Ověřovací doložka'])
        assert.ok(a.includes(s), `affidavit lacks "${s}": ${a}`);
    });
  }
  test('uk at 360 px by keyboard alone: result → form → error summary → filled form → PDF, focus visible', async () => {
    // en-US fixes the order of the date field's parts (month, day, year) for typing.
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, acceptDownloads: true, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(`${base}/uk/navigator?${new URLSearchParams([...TOLERANCE]).toString()}`);
    await tabTo(page, 'a.prepare-link');
    await Promise.all([page.waitForURL(/\/uk\/documents\?/), page.keyboard.press('Enter')]);
    assert.deepEqual(await axe(page), [], 'form page axe');

    // Skip link, then straight to the download button with nothing typed: 422 with the summary.
    await page.keyboard.press('Tab');
    assert.equal((await assertVisibleFocus(page, 'skip link')).href, '#main');
    await page.keyboard.press('Enter');
    await tabTo(page, 'button[name="document"][value="form"]');
    const [bad] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    assert.equal(bad.status(), 422);
    await page.waitForSelector('#error-summary');
    // The summary's link takes focus to the field it names.
    await tabTo(page, '#error-summary a[href="#surname"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'surname');
    await assertVisibleFocus(page, 'surname after the summary link');

    await page.keyboard.type('Шевченко');
    await tabTo(page, '#givenNames', { max: 1 });
    await page.keyboard.type('Олена');
    // Tab enters the radio group on its checked choice ("not given"); the arrow keys move within it.
    await tabTo(page, 'input[name="sex"]');
    await page.keyboard.press('ArrowUp');
    await assertVisibleFocus(page, 'sex radio');
    assert.ok(await page.isChecked('input[name="sex"][value="F"]'), 'ArrowUp chose F');
    await tabTo(page, '#dateOfBirth');
    await page.keyboard.type('04021990');
    assert.equal(await page.inputValue('#dateOfBirth'), '1990-04-02');
    await tabTo(page, '#passportNumber');
    await page.keyboard.type('FX123456');
    await tabTo(page, '#addressInCzechia');
    await page.keyboard.type('Žižkova 1234/5, Praha 3');
    // Back with Shift+Tab to check the passport number kept, then forward to the button.
    await tabTo(page, '#passportNumber', { back: true });
    assert.equal(await page.inputValue('#passportNumber'), 'FX123456');
    await tabTo(page, 'button[name="document"][value="form"]');
    const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Space')]);
    const pdf = readFileSync((await d.path())!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    if (hasPdftotext) assert.ok(pdfText(pdf).includes('SHEVCHENKO'), 'the typed surname is in the PDF');
    assert.doesNotMatch(page.url(), /Шевченко|%D0|FX123456|1990/);
    await ctx.close();
  });
});
