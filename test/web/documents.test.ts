/**
 * The documents printed at home, over HTTP on both database tiers: the link from the tolerance result,
 * the form page (CSRF, 422 with the errors beside the fields and a summary), and the PDFs read back
 * with pdftotext — no-store, an attachment, no personal data in the URL or the logs (the test app
 * scans its log on close for every personal value sent).
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { hasPdftotext, pdfText } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const TOLERANCE =
  'held_status=none&nationality=UKR&lived_in_ukraine_before_war=true&applied_protection_in_other_eu_state=false&holds_residence_in_other_state=true&cannot_return=true&in_czech_republic=true';

function cookiesOf(setCookie: unknown): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
  return Object.fromEntries(list.map((c: string) => c.split(';')[0]!.split('=')).map(([k, ...v]) => [k!, v.join('=')]));
}

function readPdf(t: TestContext, pdf: Buffer): string | null {
  if (!hasPdftotext) {
    if (process.env.REQUIRE_PDFTOTEXT === '1') throw new Error('REQUIRE_PDFTOTEXT=1 but pdftotext is not installed');
    t.skip('pdftotext not installed');
    return null;
  }
  return pdfText(pdf);
}

for (const tier of dbTiers()) {
  describe(`documents pages [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-12-02T09:00:00Z' });
    });
    after(() => t.close());

    /** Opens the form page and returns a poster carrying its CSRF token and cookie. */
    async function formPage(lang: string, state = TOLERANCE) {
      const page = await t.app.inject({ url: `/${lang}/documents?${state}` });
      assert.equal(page.statusCode, 200);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(token);
      const cookies = cookiesOf(page.headers['set-cookie']);
      const post = (fields: Record<string, string>, opts: { csrf?: boolean } = {}) =>
        t.app.inject({
          method: 'POST',
          url: `/${lang}/documents`,
          cookies,
          payload: new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: token! }), state, ...fields }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      return { page, post };
    }

    test('the tolerance result links to the form page, which keeps only the navigator answers and asks by POST', async () => {
      const result = await t.app.inject({ url: `/en/navigator?${TOLERANCE}` });
      const href = /class="gov-button prepare-link"[^>]*href="([^"]+)"/.exec(result.body)?.[1];
      assert.equal(href?.replace(/&amp;/g, '&'), `/en/documents?${TOLERANCE}`);
      assert.match(result.body, /Prepare your form and affidavit/);
      const { page } = await formPage('uk', `${TOLERANCE}&surname=LEAK`);
      assert.match(page.body, /<form method="post" action="\/uk\/documents"/);
      assert.match(page.body, /name="surname"/);
      assert.match(page.body, /name="document" value="affidavit"/);
      assert.match(page.body, /українська національна транслітерація/);
      assert.doesNotMatch(page.body, /LEAK/);
      assert.doesNotMatch(page.body, /<script|<style| style=/);
    });

    test('without a CSRF token the POST is refused', async () => {
      const { post } = await formPage('en');
      const r = await post({ surname: 'Шевченко', givenNames: 'Олена' }, { csrf: false });
      assert.equal(r.statusCode, 403);
    });

    test('errors come back 422 with a summary, each beside its field, what was typed kept in the page', async () => {
      const { post } = await formPage('uk');
      const r = await post({ surname: '', givenNames: 'Олена', dateOfBirth: '2030-01-01', passportSurname: 'Шевченко', document: 'form' });
      assert.equal(r.statusCode, 422);
      assert.match(String(r.headers['cache-control']), /no-store/);
      assert.match(r.body, /id="error-summary"/);
      assert.match(r.body, /href="#surname">Прізвище: Введіть/);
      assert.match(r.body, /href="#dateOfBirth">Дата народження: Ця дата не може бути в майбутньому/);
      assert.match(r.body, /href="#passportSurname">/);
      for (const id of ['surname', 'dateOfBirth', 'passportSurname']) assert.match(r.body, new RegExp(`id="${id}-error"`));
      assert.match(r.body, /name="givenNames"[^>]*value="Олена"/);
    });

    test('the form PDF: capital Latin letters by the Ukrainian national system, Czech labels with Ukrainian beside', async (tc) => {
      const { post } = await formPage('uk');
      const r = await post({
        surname: 'Шевченко',
        givenNames: 'Олександр',
        sex: 'M',
        dateOfBirth: '1988-11-23',
        placeOfBirth: 'Харків',
        passportNumber: 'FX123456',
        addressInCzechia: 'Žižkova 1234/5, Praha 3',
        document: 'form',
      });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.match(String(r.headers['content-disposition']), /^attachment; filename="zadost-o-vizum-k-pobytu-nad-90-dnu\.pdf"$/);
      const text = readPdf(tc, r.rawPayload);
      if (text === null) return;
      for (const s of [
        'ŽÁDOST O UDĚLENÍ VÍZA K POBYTU NAD 90 DNŮ',
        'Příjmení',
        'Прізвище',
        'SHEVCHENKO',
        'OLEKSANDR',
        '23. 11. 1988',
        'KHARKIV',
        'UKRAJINA',
        'MUŽ',
        'FX123456',
        'ŽIŽKOVA 1234/5, PRAHA 3',
        'STRPĚNÍ POBYTU',
      ])
        assert.ok(text.includes(s), `PDF lacks "${s}": ${text}`);
    });

    test('a Russian passport: the ICAO spelling; the passport’s own spelling wins when given', async (tc) => {
      const state = TOLERANCE.replace('nationality=UKR', 'nationality=RUS');
      const { post } = await formPage('ru', state);
      const computed = await post({ surname: 'Григорьев', givenNames: 'Юрий', document: 'form' });
      const own = await post({
        surname: 'Григорьев',
        givenNames: 'Юрий',
        passportSurname: 'Grigoryev',
        passportGivenNames: 'Yury',
        document: 'form',
      });
      const a = readPdf(tc, computed.rawPayload);
      const b = readPdf(tc, own.rawPayload);
      if (a === null || b === null) return;
      assert.ok(a.includes('GRIGOREV') && a.includes('IURII') && a.includes('RUSKÁ FEDERACE'), a);
      assert.ok(b.includes('GRIGORYEV') && b.includes('YURY') && !b.includes('GRIGOREV'), b);
    });

    test('the affidavit PDF in Czech with the person’s language beside it, blanks for the notary', async (tc) => {
      const { post } = await formPage('cs');
      const r = await post({ surname: 'Коваленко', givenNames: 'Марія', sex: 'F', document: 'affidavit' });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-disposition']), /cestne-prohlaseni\.pdf/);
      const text = readPdf(tc, r.rawPayload);
      if (text === null) return;
      for (const s of [
        'ČESTNÉ PROHLÁŠENÍ',
        'Já, níže podepsaná',
        'KOVALENKO',
        'MARIIA',
        'Ověřovací doložka pro legalizaci (vyplní notář)',
        '________',
      ])
        assert.ok(text.includes(s), `PDF lacks "${s}": ${text}`);
      const en = await (await formPage('en')).post({ surname: 'Коваленко', givenNames: 'Марія', document: 'affidavit' });
      const enText = readPdf(tc, en.rawPayload);
      assert.ok(enText?.includes('solemnly declare') && enText.includes('čestně prohlašuji'), enText ?? '');
    });

    test('nothing personal reaches the log (checked again on close)', async () => {
      const { post } = await formPage('be');
      await post({ surname: 'Лукашэвіч', givenNames: 'Святлана', passportNumber: 'MP1234567', placeOfBirth: 'Гродна', document: 'form' });
      assert.deepEqual(t.logs.leaks(), []);
      assert.ok(t.logs.sent.has('Лукашэвіч'), 'the scan knows what was sent');
    });
  });
}
