/** The counter intake and the case page, through the pages as an officer uses them (both database tiers). */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { type PageReply, staffBrowser, type WebClient } from '../support/web-client.ts';

let n = 0;
/** The intake form as an officer fills it at the counter (a fictional applicant). */
function intakeForm(over: Record<string, string | undefined> = {}): Record<string, string> {
  n += 1;
  const f: Record<string, string | undefined> = {
    _type: 'tolerance_visa',
    _idem: `page-intake-${Date.now()}-${n}`,
    receivedOn: '2024-03-01',
    ground: '33-1-a',
    'applicant.surname': 'KOVALENKOVÁ',
    'applicant.givenNames': 'IRYNA',
    'applicant.nativeName': 'Коваленко Ірина',
    'applicant.dateOfBirth': '1990-06-12',
    'applicant.nationality': 'UKR',
    'applicant.passportNumber': `FP${200000 + n}`,
    'applicant.passportExpiresOn': '2031-05-31',
    'applicant.address': 'Korunní 5, 120 00 Praha 2',
    'applicant.regionCode': 'CZ-10',
    'checklist.applicationForm.submitted': 'on',
    'checklist.applicationForm.inCzech': 'on',
    'checklist.applicationForm.fields.surname': 'KOVALENKOVÁ',
    'checklist.applicationForm.fields.givenNames': 'IRYNA',
    'checklist.applicationForm.fields.addressInCzechia': 'KORUNNÍ 5, PRAHA 2',
    'checklist.passport.submitted': 'on',
    'checklist.photo.submitted': 'on',
    'checklist.fee.method': 'duty_stamps',
    'checklist.fee.amountCzk': '300',
    'checklist.affidavit.submitted': 'on',
    'checklist.affidavit.notarised': 'on',
    ...over,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

const caseIdOf = (location: string | undefined) => /\/staff\/cases\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';
const versionIn = (body: string, formKey: string) => Number(new RegExp(`name="${formKey}\\.version" value="(\\d+)"`).exec(body)?.[1]);
const formsIn = (body: string) =>
  [...body.matchAll(/<details class="case-action" id="form-([a-z_]+)(?:-[0-9a-f-]{36})?"/g)].map((m) => m[1]).sort();

for (const tier of dbTiers()) {
  describe(`casework pages [${tier.name}]`, () => {
    let t: TestApp;
    let olga: WebClient;
    let oskar: WebClient;
    /** Moves the clock and signs in again (sessions expire by the app's clock). */
    async function at(iso: string) {
      t.clock.set(iso);
      olga = await staffBrowser(t.app, 'olga');
      oskar = await staffBrowser(t.app, 'oskar', undefined, 'en');
    }
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-01T09:00:00Z' });
      await at('2024-03-01T09:00:00Z');
    });
    after(() => t.close());

    async function intake(web: WebClient, over: Record<string, string | undefined> = {}): Promise<PageReply> {
      await web.get('/cs/staff/intake');
      return web.post('/cs/staff/intake', intakeForm(over));
    }

    async function act(
      web: WebClient,
      locale: 'cs' | 'en',
      caseId: string,
      formKey: string,
      fields: Record<string, string>,
      version?: number,
    ) {
      const page = await web.get(`/${locale}/staff/cases/${caseId}`);
      assert.equal(page.status, 200);
      const action = formKey.split('-')[0]!;
      const v = version ?? versionIn(page.body, formKey);
      const letterId = formKey.includes('-') ? formKey.slice(action.length + 1) : undefined;
      const form: Record<string, string> = {
        _form: formKey,
        [`${formKey}.version`]: String(v),
        ...(letterId ? { _letterId: letterId } : {}),
      };
      for (const [k, val] of Object.entries(fields)) form[`${formKey}.${k}`] = val;
      return web.post(`/${locale}/staff/cases/${caseId}/actions/${action}`, form);
    }

    test('the intake form: the checklist, an idempotency key, the capital-Latin script, no inline script', async () => {
      const r = await olga.get('/cs/staff/intake');
      assert.equal(r.status, 200);
      assert.match(r.body, /<html lang="cs"/);
      assert.match(r.body, /name="_idem" value="[0-9a-f-]{36}"/);
      assert.match(r.body, /name="checklist\.fee\.method"/);
      assert.match(r.body, /300 Kč v kolkových známkách/);
      assert.match(r.body, /data-capital-latin/);
      assert.match(r.body, /<script src="\/assets\/web\/intake\.js" defer/);
      assert.doesNotMatch(r.body, /<script>/);
      assert.doesNotMatch(r.body, /style=/);
      const js = await olga.get('/assets/web/intake.js');
      assert.equal(js.status, 200);
      // The study form comes from its declaration: its documents and the scholarship choice.
      const study = await olga.get('/en/staff/intake?type=study_residence');
      assert.match(study.body, /name="documents\.scholarshipAward"/);
      assert.match(study.body, /name="scholarship"/);
    });

    test('a missing or malformed field: 422 with the error beside it and in the summary, what was typed kept', async () => {
      const r = await intake(olga, { 'applicant.surname': '', 'applicant.passportNumber': 'ab 12', 'applicant.nativeName': 'Коваленко' });
      assert.equal(r.status, 422);
      assert.match(r.body, /id="applicant\.surname-error">Vyplňte toto pole/);
      assert.match(r.body, /id="applicant\.passportNumber-error"/);
      assert.match(r.body, /href="#applicant\.surname"/);
      assert.match(r.body, /value="Коваленко"/);
      // The use case's own field errors land beside their fields too (a date of birth after receipt).
      const late = await intake(olga, { 'applicant.dateOfBirth': '2024-05-01' });
      assert.equal(late.status, 422);
      assert.match(late.body, /id="applicant\.dateOfBirth-error"/);
    });

    test('an inadmissible application: the page says why and offers the return letter (inline and download)', async () => {
      const r = await intake(olga, {
        'checklist.photo.submitted': undefined,
        'checklist.fee.method': 'cash',
        'checklist.applicationForm.fields.surname': 'Kovalenková',
      });
      assert.equal(r.status, 200);
      assert.match(r.body, /Žádost je nepřijatelná/);
      assert.match(r.body, /data-code="PHOTO_MISSING">Chybí fotografie/);
      assert.match(r.body, /data-code="FEE_METHOD_NOT_ACCEPTED">[^<]*kolkovými známkami/);
      assert.match(r.body, /data-code="FORM_NOT_CAPITAL_LATIN">[^<]*„surname“/);
      const link = /href="(\/cs\/staff\/cases\/[0-9a-f-]{36}\/letters\/[0-9a-f-]{36})"/.exec(r.body)?.[1];
      assert.ok(link, 'a link to the return letter');
      const pdf = await t.app.inject({ url: link, cookies: olga.jar });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^inline; filename="OAM-\d+_PHA-ZUK-2024-return\.pdf"$/);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const dl = await t.app.inject({ url: `${link}?download=1`, cookies: olga.jar });
      assert.match(String(dl.headers['content-disposition']), /^attachment;/);
      const reads = await t.handle.db.selectFrom('audit_events').select('action').where('action', '=', 'letter.read').execute();
      assert.ok(reads.length >= 2, 'each view of the letter is audited');
      // Its case page: the missing items, and only the letter's posting offered.
      const caseId = /\/cs\/staff\/cases\/([0-9a-f-]{36})\/letters/.exec(r.body)![1]!;
      const page = await olga.get(`/cs/staff/cases/${caseId}`);
      assert.deepEqual(formsIn(page.body), ['letter_posted']);
      assert.match(page.body, /Žádost byla nepřijatelná/);
    });

    test('an admissible application: 303 to its case page; a double submit opens no second case', async () => {
      await olga.get('/cs/staff/intake');
      const form = intakeForm();
      const r = await olga.post('/cs/staff/intake', form);
      assert.equal(r.status, 303);
      const id = caseIdOf(r.location);
      assert.ok(id);
      const again = await olga.post('/cs/staff/intake', form);
      assert.equal(again.status, 303);
      assert.equal(caseIdOf(again.location), id, 'the same key answers with the same case');
      const page = await olga.get(r.location!);
      assert.equal(page.status, 200);
      assert.match(page.body, /Zaznamenáno: Přijetí žádosti/);
      assert.match(page.body, /KOVALENKOVÁ/);
      // The clock and how it was computed: Fri 1 Mar 2024 + 30 = Sun 31 Mar; Mon 1 Apr is Easter Monday → Tue 2 Apr.
      assert.match(page.body, /Lhůta uplyne 2\. dubna 2024/);
      assert.match(page.body, /31\. března 2024 je neděle/);
      assert.match(page.body, /1\. dubna 2024 je svátek \(Velikonoční pondělí\)/);
      assert.deepEqual(formsIn(page.body), ['discontinue', 'grant', 'interrupt', 'refuse', 'withdraw']);
      const reads = await t.handle.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', id)
        .where('action', '=', 'case.read')
        .execute();
      assert.ok(reads.length >= 1, 'the page read is audited');
    });

    test('interrupt → resume → grant → letter posted → delivered, each form only where allowed', async () => {
      await at('2024-03-01T09:00:00Z');
      const id = caseIdOf((await intake(olga)).location);
      await at('2024-03-11T09:00:00Z');
      // A form error: 422 beside the field in that action's form, the form open, what was typed kept.
      const bad = await act(olga, 'cs', id, 'interrupt', { requested: 'Doložte překlad.', respondBy: '' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="interrupt\.respondBy-error">Vyplňte toto pole/);
      assert.match(bad.body, /<details class="case-action" id="form-interrupt" open/);
      assert.match(bad.body, /Doložte překlad\./);
      const i = await act(olga, 'cs', id, 'interrupt', { requested: 'Předložte úředně ověřený překlad.', respondBy: '2024-03-25' });
      assert.equal(i.status, 303, i.body.slice(0, 400));
      assert.equal(i.location, `/cs/staff/cases/${id}?done=interrupt`);
      let page = await olga.get(i.location!);
      assert.match(page.body, /Zaznamenáno: Přerušení řízení/);
      assert.match(page.body, /data-status="interrupted"/);
      assert.match(page.body, /Lhůta stojí: uplynulo 10 z 30 dní/);
      assert.match(page.body, /Předložte úředně ověřený překlad\./);
      assert.deepEqual(formsIn(page.body), ['discontinue', 'letter_posted', 'resume', 'withdraw']);

      await at('2024-03-28T09:00:00Z');
      assert.equal((await act(olga, 'cs', id, 'resume', {})).status, 303);
      page = await olga.get(`/en/staff/cases/${id}`);
      assert.match(page.body, /Due on April 17, 2024|Due on 17 April 2024/);
      assert.match(page.body, /10 days counted before it, the clock stood 17 days/);

      const g = await act(olga, 'cs', id, 'grant', { validFrom: '2024-03-28', validTo: '2025-03-27' });
      assert.equal(g.status, 303, g.body.slice(0, 400));
      page = await olga.get(`/cs/staff/cases/${id}`);
      assert.match(page.body, /data-status="granted"/);
      const letters = [...page.body.matchAll(/id="form-letter_posted-([0-9a-f-]{36})"/g)].map((m) => m[1]!);
      assert.equal(letters.length, 2, 'the interruption letter and the decision, each to post');
      for (const l of letters) assert.equal((await act(olga, 'cs', id, `letter_posted-${l}`, { postedOn: '2024-03-28' })).status, 303);
      await at('2024-04-02T09:00:00Z');
      const d = await act(olga, 'cs', id, `letter_delivery-${letters[1]}`, {
        'delivery.kind': 'delivered',
        'delivery.deliveredOn': '2024-04-02',
      });
      assert.equal(d.status, 303, d.body.slice(0, 400));
      page = await olga.get(`/cs/staff/cases/${id}`);
      assert.match(page.body, /Doručení písemnosti/);
      assert.match(page.body, /doručeno 2\. dubna 2024 \(předáno\)/);
      assert.match(page.body, /Olga Officer/);
      assert.deepEqual(formsIn(page.body), ['letter_delivery']);
    });

    test('a stale version: 409 saying who changed what meanwhile, what was typed kept, a reload link', async () => {
      await at('2024-03-04T09:00:00Z');
      const id = caseIdOf((await intake(olga, { receivedOn: '2024-03-04' })).location);
      const seen = await oskar.get(`/en/staff/cases/${id}`);
      const old = versionIn(seen.body, 'refuse');
      assert.equal((await act(olga, 'cs', id, 'interrupt', { requested: 'Doložte fotografii.', respondBy: '2024-03-20' })).status, 303);
      const r = await act(oskar, 'en', id, 'refuse', { reasons: 'Reasons typed by Oskar, kept.', legalGround: '§ 56 Act 326/1999' }, old);
      assert.equal(r.status, 409);
      assert.match(r.body, /Someone changed this case meanwhile/);
      assert.match(r.body, /Olga Officer/);
      assert.match(r.body, /Proceedings interrupted/);
      assert.match(r.body, /Reasons typed by Oskar, kept\./);
      assert.match(r.body, new RegExp(`href="/en/staff/cases/${id}" id="conflict-reload"`));
      // Nothing of Oskar's was recorded.
      const acts = await t.handle.db.selectFrom('case_actions').select('action_type').where('case_id', '=', id).execute();
      assert.deepEqual(
        acts.map((a) => a.action_type),
        ['intake', 'interrupt'],
      );
    });

    test('a case another officer holds: every form warns and asks for the acknowledgement (422 beside it without)', async () => {
      await at('2024-03-05T09:00:00Z');
      const id = caseIdOf((await intake(olga, { receivedOn: '2024-03-05' })).location);
      const claim = await t.call('POST', `/api/v1/cases/${id}/claim`, { as: 'oskar', body: {} });
      assert.equal(claim.status, 200, JSON.stringify(claim.body));
      const page = await olga.get(`/cs/staff/cases/${id}`);
      for (const k of ['interrupt', 'grant', 'refuse', 'withdraw', 'discontinue']) {
        assert.match(page.body, new RegExp(`name="${k}\\.ack"`), `${k} asks for the acknowledgement`);
      }
      assert.match(page.body, /class="assignment-notice"/, 'the assignment notice at the top');
      assert.match(page.body, /Vím, že na spisu pracuje Oskar Officer/);
      assert.match(page.body, /Převzetí spisu/);
      const without = await act(olga, 'cs', id, 'withdraw', {});
      assert.equal(without.status, 422);
      assert.match(without.body, /id="withdraw\.ack-error">Zaškrtněte/);
      const withAck = await act(olga, 'cs', id, 'withdraw', { ack: 'on' });
      assert.equal(withAck.status, 303);
      // The holder himself sees no such checkbox.
      const own = await oskar.get(`/en/staff/cases/${id}`);
      assert.doesNotMatch(own.body, /\.ack"/);
    });

    test('an action the status does not allow: the 409 page, never 500', async () => {
      const id = caseIdOf((await intake(olga)).location);
      const page = await olga.get(`/cs/staff/cases/${id}`);
      const v = versionIn(page.body, 'grant');
      const r = await olga.post(`/cs/staff/cases/${id}/actions/resume`, { _form: 'resume', 'resume.version': String(v) });
      assert.equal(r.status, 409);
      assert.match(r.body, /není přípustný/);
      const unknown = await olga.post(`/cs/staff/cases/${id}/actions/explode`, { _form: 'explode' });
      assert.equal(unknown.status, 404);
    });

    test('who may see the case page: the office’s officer and supervisor; another office 404; an admin 403', async () => {
      const id = caseIdOf((await intake(olga)).location);
      const sylva = await staffBrowser(t.app, 'sylva');
      assert.equal((await sylva.get(`/cs/staff/cases/${id}`)).status, 200);
      const bruno = await staffBrowser(t.app, 'bruno');
      assert.equal((await bruno.get(`/cs/staff/cases/${id}`)).status, 404);
      const adam = await staffBrowser(t.app, 'adam');
      assert.equal((await adam.get(`/cs/staff/cases/${id}`)).status, 403);
      assert.equal((await olga.get('/cs/staff/cases/not-a-uuid')).status, 404);
      const anon = await t.app.inject({ url: `/cs/staff/cases/${id}` });
      assert.equal(anon.statusCode, 303);
      assert.match(String(anon.headers.location), /^\/cs\/sign-in/);
    });
  });
}
