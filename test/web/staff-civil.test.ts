/**
 * The Civil Society programme's pages (both database tiers): the NGO portal (nominate, upload
 * evidence checked by content, the organisation's own list, another organisation's 404), the Foreign
 * Ministry officers' pages (assignment, the decrypted and audited page, evidence download, steps,
 * four eyes, decline with reasons, the stale-version 409) and the public statistics page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { staffBrowser, type WebClient } from '../support/web-client.ts';

const NARRATIVE = 'Pronásledována za reportáže z Minsku; PAGE-SECRET-NARRATIVE-41';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 32)]);

function nominationForm(passport: string): Record<string, string> {
  return {
    nationality: 'BLR',
    surname: 'KAVALEUSKAYA',
    givenNames: 'ALENA',
    nativeName: 'Кавалеўская Алена',
    dateOfBirth: '1987-06-12',
    passportNumber: passport,
    category: 'journalist',
    publicRecord: 'https://example.org/reportage/1\nhttps://example.org/reportage/2',
    narrative: NARRATIVE,
    contacts: 'signal: PAGE-SECRET-CONTACT',
    visaType: 'D',
    lodgingPost: 'Embassy in Vilnius',
  };
}

/** The page's CSRF token (the last page the client got carries it). */
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** Posts a multipart form with one file, as a browser does without JavaScript. */
async function upload(t: TestApp, web: WebClient, url: string, csrf: string, file: { name: string; type: string; content: Buffer }) {
  const boundary = '----pobytTestBoundary7MA4YWxk';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const r = await t.app.inject({
    method: 'POST',
    url,
    cookies: web.jar,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  return {
    status: r.statusCode,
    body: r.body,
    location: r.headers.location as string | undefined,
    type: String(r.headers['content-type']),
  };
}

for (const tier of dbTiers()) {
  describe(`civil society pages [${tier.name}]`, () => {
    let t: TestApp;
    let ngoA: WebClient;
    let ngoB: WebClient;
    let nomId = '';
    let reference = '';
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-10T09:00:00Z' });
      for (const [user, org] of [
        ['ngo.a', 'Org A'],
        ['ngo.b', 'Org B'],
      ] as const) {
        const o = await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name: org } });
        const r = await t.call('POST', '/api/v1/admin/staff', {
          as: 'adam',
          body: { username: user, displayName: `Caseworker ${org}`, role: 'caseworker', orgId: o.body.id, password: PASSWORD },
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      for (const u of ['olga', 'oskar'])
        ids[u] = (await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
      ngoA = await staffBrowser(t.app, 'ngo.a', PASSWORD, 'uk');
      ngoB = await staffBrowser(t.app, 'ngo.b', PASSWORD, 'ru');
    });
    after(() => t.close());

    test('NGO: the form comes back 422 with each error beside its field, in the page’s language', async () => {
      const form = await ngoA.get('/uk/ngo/nominations/new');
      assert.equal(form.status, 200);
      assert.match(form.body, /<html lang="uk"/);
      const r = await ngoA.post('/uk/ngo/nominations/new', { ...nominationForm('bad passport'), surname: '', narrative: '', visaType: '' });
      assert.equal(r.status, 422);
      assert.match(r.body, /id="surname-error">Заповніть це поле/);
      assert.match(r.body, /id="passportNumber-error">Лише великі літери/);
      assert.match(r.body, /id="narrative-error">Заповніть це поле/);
      assert.match(r.body, /id="visaType-error">Виберіть один із варіантів/);
      assert.match(r.body, /href="#surname"/);
      assert.match(r.body, /value="ALENA"/, 'what was typed stays');
    });

    test('NGO: nominates in Ukrainian; the list shows the reference and the coarse status only', async () => {
      await ngoA.get('/uk/ngo/nominations/new');
      const r = await ngoA.post('/uk/ngo/nominations/new', nominationForm('BY4400123'));
      assert.equal(r.status, 303, r.body.slice(0, 400));
      const m = /^\/uk\/ngo\/nominations\/([0-9a-f-]{36})\?done=nominated$/.exec(r.location ?? '');
      assert.ok(m, r.location);
      nomId = m[1]!;
      const page = await ngoA.get(r.location!);
      assert.equal(page.status, 200);
      reference = /Номінація (CSP-\d{4}-\d{6})/.exec(page.body)?.[1] ?? '';
      assert.ok(reference, 'the page names the reference');
      assert.match(page.body, /Отримано/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      const list = await ngoA.get('/uk/ngo/nominations');
      assert.match(list.body, new RegExp(reference));
      for (const secret of ['PAGE-SECRET', 'KAVALEUSKAYA', 'BY4400123', 'Кавалеўская'])
        assert.doesNotMatch(list.body + page.body, new RegExp(secret));
    });

    test('NGO: evidence by a no-JavaScript upload, its type checked by content; wrong type, empty and too large beside the field', async () => {
      const page = await ngoA.get(`/uk/ngo/nominations/${nomId}`);
      const url = `/uk/ngo/nominations/${nomId}/evidence`;
      const ok = await upload(t, ngoA, url, csrfOf(page.body), { name: 'reportage.pdf', type: 'application/octet-stream', content: PDF });
      assert.equal(ok.status, 303, ok.body.slice(0, 300));
      assert.equal(ok.location, `/uk/ngo/nominations/${nomId}?done=evidence`);
      const stored = await t.handle.db
        .selectFrom('nomination_evidence')
        .select(['mime', 'size_bytes'])
        .where('nomination_id', '=', nomId)
        .execute();
      assert.deepEqual(
        stored,
        [{ mime: 'application/pdf', size_bytes: PDF.length }],
        'the type is what the bytes show, not what the browser said',
      );

      const fake = await upload(t, ngoA, url, csrfOf(page.body), {
        name: 'report.pdf',
        type: 'application/pdf',
        content: Buffer.from('MZ\x90\x00 not a pdf'),
      });
      assert.equal(fake.status, 422);
      assert.match(fake.type, /text\/html/);
      assert.match(fake.body, /id="file-error">Цей файл не є PDF, JPEG чи PNG/);
      const empty = await upload(t, ngoA, url, csrfOf(page.body), { name: '', type: 'application/octet-stream', content: Buffer.alloc(0) });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /id="file-error">Виберіть файл/);
      const big = await upload(t, ngoA, url, csrfOf(page.body), {
        name: 'big.pdf',
        type: 'application/pdf',
        content: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024, 32)]),
      });
      assert.equal(big.status, 422);
      assert.match(big.type, /text\/html/, 'a page, not problem+json');
      assert.match(big.body, /id="file-error">Файл більший за 5 МБ/);
      const noToken = await upload(t, ngoA, url, '', { name: 'x.pdf', type: 'application/pdf', content: PDF });
      assert.equal(noToken.status, 403);
      const count = await t.handle.db.selectFrom('nomination_evidence').select('id').where('nomination_id', '=', nomId).execute();
      assert.equal(count.length, 1, 'nothing but the good file was stored');
    });

    test('NGO B: another organisation’s nomination is not there (404), nor in its list', async () => {
      const view = await ngoB.get(`/ru/ngo/nominations/${nomId}`);
      assert.equal(view.status, 404);
      const list = await ngoB.get('/ru/ngo/nominations');
      assert.equal(list.status, 200);
      assert.doesNotMatch(list.body, new RegExp(reference));
      const up = await upload(t, ngoB, `/ru/ngo/nominations/${nomId}/evidence`, csrfOf(list.body), {
        name: 'x.pdf',
        type: 'application/pdf',
        content: PDF,
      });
      assert.equal(up.status, 404);
      const staffPage = await ngoB.get(`/cs/staff/nominations/${nomId}`);
      assert.equal(staffPage.status, 403);
    });

    test('officers: assignment by the supervisor, the decrypted page audited, downloads audited, the steps, four eyes, approval', async () => {
      const olga = await staffBrowser(t.app, 'olga');
      const oskar = await staffBrowser(t.app, 'oskar', PASSWORD, 'en');
      const sylva = await staffBrowser(t.app, 'sylva');
      assert.equal((await olga.get(`/cs/staff/nominations/${nomId}`)).status, 404, 'not assigned: not there');
      const list = await sylva.get('/cs/staff/nominations');
      assert.match(list.body, new RegExp(reference));
      assert.doesNotMatch(list.body, /KAVALEUSKAYA|PAGE-SECRET/);
      let page = await sylva.get(`/cs/staff/nominations/${nomId}`);
      assert.doesNotMatch(page.body, /PAGE-SECRET|KAVALEUSKAYA/, 'the supervisor sees no sealed field');
      const bad = await sylva.post(`/cs/staff/nominations/${nomId}/assign`, { officerId: '00000000-0000-4000-8000-000000000000' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="officerId-error">Vyberte aktivního úředníka/);
      for (const o of ['olga', 'oskar']) {
        const r = await sylva.post(`/cs/staff/nominations/${nomId}/assign`, { officerId: ids[o]! });
        assert.equal(r.status, 303, r.body.slice(0, 300));
      }
      page = await sylva.get(`/cs/staff/nominations/${nomId}?done=assigned`);
      assert.match(page.body, /Olga Officer, Oskar Officer|Oskar Officer, Olga Officer/);

      page = await olga.get(`/cs/staff/nominations/${nomId}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /PAGE-SECRET-NARRATIVE-41/);
      assert.match(page.body, /reportage\.pdf/);
      const evId = /\/evidence\/([0-9a-f-]{36})"/.exec(page.body)?.[1];
      assert.ok(evId);
      const dl = await olga.get(`/cs/staff/nominations/${nomId}/evidence/${evId}`);
      assert.equal(dl.status, 200);
      assert.match(String(dl.headers['content-type']), /application\/pdf/);
      assert.match(String(dl.headers['content-disposition']), /^attachment; filename="evidence-[0-9a-f]{8}\.pdf"$/);
      const audit = await t.handle.db.selectFrom('audit_events').select('action').where('entity_id', '=', nomId).execute();
      const actions = audit.map((a) => a.action);
      assert.ok(actions.includes('nomination.sensitive_read') && actions.includes('nomination.evidence_read'), actions.join());

      const v1 = /name="version" value="(\d+)"/.exec(page.body)![1]!;
      let r = await olga.post(`/cs/staff/nominations/${nomId}/actions`, { action: 'start_screening', version: v1, seen: 'nominated' });
      assert.equal(r.status, 303);
      // The same form again, from the page as it was: someone (here, she herself) changed it meanwhile.
      r = await olga.post(`/cs/staff/nominations/${nomId}/actions`, { action: 'start_screening', version: v1, seen: 'nominated' });
      assert.equal(r.status, 409);
      assert.match(r.body, /Viděl\(a\) jste: nominováno, verze/);
      assert.match(r.body, /Nyní: prověřování, verze/);
      page = await olga.get(`/cs/staff/nominations/${nomId}`);
      r = await olga.post(`/cs/staff/nominations/${nomId}/actions`, {
        action: 'decline',
        version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
        reasons: '  ',
      });
      assert.equal(r.status, 422);
      assert.match(r.body, /id="reasons-error">Uveďte důvody zamítnutí/);
      r = await olga.post(`/cs/staff/nominations/${nomId}/actions`, {
        action: 'start_assessment',
        version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
      });
      assert.equal(r.status, 303);
      page = await olga.get(`/cs/staff/nominations/${nomId}`);
      r = await olga.post(`/cs/staff/nominations/${nomId}/actions`, {
        action: 'approve',
        version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
      });
      assert.equal(r.status, 303);
      page = await olga.get(r.location!);
      assert.match(page.body, /Schválit musí i druhý úředník/);
      r = await olga.post(`/cs/staff/nominations/${nomId}/actions`, {
        action: 'approve',
        version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
        validFrom: '2026-04-01',
        validTo: '2027-03-31',
      });
      assert.equal(r.status, 409, 'the same officer cannot approve twice');
      assert.match(r.body, /Princip čtyř očí/);

      page = await oskar.get(`/en/staff/nominations/${nomId}`);
      assert.match(page.body, /Olga Officer approved first/);
      const v = /name="version" value="(\d+)"/.exec(page.body)![1]!;
      r = await oskar.post(`/en/staff/nominations/${nomId}/actions`, { action: 'approve', version: v });
      assert.equal(r.status, 422);
      assert.match(r.body, /id="validFrom-error"/);
      r = await oskar.post(`/en/staff/nominations/${nomId}/actions`, {
        action: 'approve',
        version: v,
        validFrom: '2026-04-01',
        validTo: '2027-03-31',
      });
      assert.equal(r.status, 303, r.body.slice(0, 500));
      page = await oskar.get(r.location!);
      assert.match(page.body, /The nomination is approved/);
      const ngo = await ngoA.get('/uk/ngo/nominations');
      assert.match(ngo.body, /Схвалено/);
      assert.doesNotMatch(ngo.body, /Olga|Oskar/, 'no officer names for the NGO');
    });

    test('the public statistics page: ranges only, small cells suppressed, the CSV link and why', async () => {
      t.clock.set('2026-04-02T09:00:00Z');
      for (const l of ['cs', 'en', 'uk', 'ru', 'be']) {
        const r = await t.app.inject({ url: `/${l}/statistics/civil-society` });
        assert.equal(r.statusCode, 200, l);
        assert.match(r.body, /href="\/api\/v1\/public\/statistics\/civil-society\.csv"/);
        assert.match(r.body, /<caption>/);
      }
      const en = (await t.app.inject({ url: '/en/statistics/civil-society' })).body;
      assert.match(en, /Why there are no exact numbers/);
      assert.match(en, /fewer than 10 \(not published\)/);
      assert.match(en, /March 2026/);
      const figures = [...en.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]!);
      assert.ok(figures.length >= 4, 'one figure per row of each table');
      assert.deepEqual(
        figures.filter((f) => /^\d+$/.test(f)),
        [],
        'no exact count',
      );
      t.clock.set('2026-03-10T09:00:00Z');
    });
  });
}
