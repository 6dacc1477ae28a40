/** The tolerance-visa case end to end over HTTP, on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { hasPdftotext, intakeBody, pdfText } from '../support/fixtures.ts';

for (const tier of dbTiers()) {
  describe(`tolerance-visa case over HTTP [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open());
    });
    after(() => t.close());

    async function countRows(table: 'case_actions' | 'audit_events' | 'letters' | 'visas', caseId?: string) {
      let q = t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
      if (caseId && table !== 'audit_events') q = q.where('case_id', '=', caseId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    }

    test('intake with missing items → inadmissible → return letter listing exactly them → posted → delivered', async (tc) => {
      t.clock.set('2024-03-04T09:00:00Z');
      const body = intakeBody({
        receivedOn: '2024-03-04',
        checklist: {
          applicationForm: {
            submitted: true,
            inCzech: true,
            fields: { surname: 'Ševčenková', givenNames: 'OLENA', addressInCzechia: 'ВІНОГРАДСЬКА 10' },
          },
          photo: { submitted: false },
          fee: { method: 'duty_stamps', amountCzk: 200 },
        },
      });
      const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.status, 'inadmissible');
      assert.equal(r.body.dueOn, null);
      assert.equal(r.body.clockRunning, false);
      assert.deepEqual(r.body.admissibility.missing, [
        { code: 'FORM_NOT_CAPITAL_LATIN', field: 'surname' },
        { code: 'FORM_NOT_CAPITAL_LATIN', field: 'addressInCzechia' },
        { code: 'PHOTO_MISSING' },
        { code: 'FEE_SHORT', expected: 300, paid: 200 },
      ]);
      assert.match(r.body.reference, /^OAM-\d{6}\/PHA-ZUK-2024$/);
      assert.deepEqual(r.body.allowedActions, ['letter_posted', 'letter_delivery']);
      assert.equal(r.body.letters.length, 1);
      const letter = r.body.letters[0];
      assert.equal(letter.kind, 'return');

      const pdf = await t.call('GET', `/api/v1/cases/${r.body.id}/letters/${letter.id}/pdf`, { as: 'olga' });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.raw.subarray(0, 5).toString(), '%PDF-');
      if (hasPdftotext) {
        const text = pdfText(pdf.raw);
        assert.ok(text.includes('Ministerstvo vnitra'), text);
        assert.ok(text.includes('ŠEVČENKOVÁ OLENA'));
        assert.ok(text.includes(r.body.reference));
        assert.ok(text.includes('„surname“') || text.includes('surname'), 'names the failing field');
        assert.ok(text.includes('300 Kč') && text.includes('200 Kč'), 'states the fee due and paid');
        assert.ok(/fotograf/i.test(text), 'lists the missing photo');
        assert.ok(!/cestovní doklad nebyl/i.test(text), 'does not list the passport, which was there');
      } else {
        if (process.env.REQUIRE_PDFTOTEXT === '1') throw new Error('REQUIRE_PDFTOTEXT=1 but pdftotext is not installed');
        tc.diagnostic('pdftotext not installed: letter text not read back');
      }

      // A grant on a returned application is illegal and changes nothing.
      const before = await countRows('case_actions', r.body.id);
      const bad = await t.call('POST', `/api/v1/cases/${r.body.id}/grant`, {
        as: 'olga',
        body: { version: r.body.version, validFrom: '2024-03-04', validTo: '2024-12-31' },
      });
      assert.equal(bad.status, 409);
      assert.equal(bad.body.code, 'CASE.ILLEGAL_TRANSITION');
      assert.equal(await countRows('case_actions', r.body.id), before);
      assert.equal(await countRows('visas', r.body.id), 0);

      const posted = await t.call('POST', `/api/v1/cases/${r.body.id}/letters/${letter.id}/posting`, {
        as: 'olga',
        body: { version: r.body.version, postedOn: '2024-03-04' },
      });
      assert.equal(posted.status, 200, JSON.stringify(posted.body));
      assert.equal(posted.body.letters[0].postedOn, '2024-03-04');
      t.clock.set('2024-03-06T09:00:00Z');
      const delivered = await t.call('POST', `/api/v1/cases/${r.body.id}/letters/${letter.id}/delivery`, {
        as: 'olga',
        body: { version: posted.body.version, delivery: { kind: 'delivered', deliveredOn: '2024-03-06' } },
      });
      assert.equal(delivered.status, 200, JSON.stringify(delivered.body));
      assert.equal(delivered.body.letters[0].deliveredOn, '2024-03-06');
      assert.equal(delivered.body.letters[0].deliveryHow, 'delivered');
    });

    test('intake → assessment → interruption → resume → grant → letter → deemed delivery', async () => {
      t.clock.set('2024-03-01T09:00:00Z');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-03-01' }) });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      assert.equal(c.body.status, 'under_assessment');
      // Fri 1 Mar 2024 + 30 days = Sun 31 Mar (Easter Sunday); Mon 1 Apr is Easter Monday → Tue 2 Apr.
      assert.equal(c.body.dueOn, '2024-04-02');
      assert.equal(c.body.clockRunning, true);
      assert.equal(c.body.daysLeft, 32);

      t.clock.set('2024-03-11T09:00:00Z');
      const i = await t.call('POST', `/api/v1/cases/${c.body.id}/interrupt`, {
        as: 'olga',
        body: {
          version: c.body.version,
          on: '2024-03-11',
          requested: 'Předložte úředně ověřený překlad čestného prohlášení.',
          respondBy: '2024-03-25',
        },
      });
      assert.equal(i.status, 200, JSON.stringify(i.body));
      assert.equal(i.body.status, 'interrupted');
      assert.equal(i.body.clockRunning, false);
      assert.equal(i.body.dueOn, null);
      assert.equal(i.body.letters.filter((l: { kind: string }) => l.kind === 'interruption').length, 1);

      // A decision while interrupted is refused.
      const early = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: i.body.version, validFrom: '2024-03-12', validTo: '2025-03-11' },
      });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'CASE.ILLEGAL_TRANSITION');

      t.clock.set('2024-03-28T09:00:00Z');
      const res = await t.call('POST', `/api/v1/cases/${c.body.id}/resume`, {
        as: 'olga',
        body: { version: i.body.version, on: '2024-03-28' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      // 10 days counted (2–11 Mar); 20 remain from 29 Mar → Wed 17 Apr 2024 (≥ 15 days after 28 Mar).
      assert.equal(res.body.dueOn, '2024-04-17');
      assert.equal(res.body.clockRunning, true);

      t.clock.set('2024-04-05T09:00:00Z');
      const tooLong = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: res.body.version, validFrom: '2024-04-05', validTo: '2025-04-05' },
      });
      assert.equal(tooLong.status, 422);
      assert.equal(tooLong.body.errors[0].field, '/validTo');
      assert.equal(tooLong.body.errors[0].reason, 'EXCEEDS_MAXIMUM');

      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: res.body.version, validFrom: '2024-04-05', validTo: '2025-04-04' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      assert.equal(g.body.status, 'granted');
      assert.equal(g.body.decidedOn, '2024-04-05');
      assert.equal(g.body.visa.visaCode, 'D/VS/91');
      assert.match(g.body.visa.visaNumber, /^VS-2024-PHA-ZUK-\d{6}$/);
      assert.equal(g.body.dueOn, null);
      // The decision stores the receipt of the policy it relied on.
      const grantAction = await t.handle.db
        .selectFrom('case_actions')
        .select('payload')
        .where('case_id', '=', c.body.id)
        .where('action_type', '=', 'grant')
        .executeTakeFirstOrThrow();
      const receipt = (grantAction.payload as { policy: { policyVersion: string; dates: object; parameters: { id: string }[] } }).policy;
      assert.match(receipt.policyVersion, /^[0-9a-f]{64}$/);
      assert.deepEqual(receipt.dates, { decided_on: '2024-04-05' });
      assert.deepEqual(
        receipt.parameters.map((p) => p.id),
        ['tolerance_visa.max_validity_years', 'tolerance_visa.sticker_code'],
      );
      const decision = g.body.letters.find((l: { kind: string }) => l.kind === 'grant');
      assert.ok(decision);
      if (hasPdftotext) {
        const pdf = await t.call('GET', `/api/v1/cases/${c.body.id}/letters/${decision.id}/pdf`, { as: 'olga' });
        const text = pdfText(pdf.raw);
        assert.ok(text.includes('Rozhodnutí'));
        assert.ok(text.includes(g.body.visa.visaNumber));
        assert.ok(text.includes('D/VS/91'));
        assert.ok(text.includes('Úřad práce') || text.includes('úřadu práce'), 'names the Labour Office permit');
      }

      const p = await t.call('POST', `/api/v1/cases/${c.body.id}/letters/${decision.id}/posting`, {
        as: 'olga',
        body: { version: g.body.version, postedOn: '2024-04-05' },
      });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      // Stored at the post office on Mon 8 Apr 2024; not collected: deemed delivered on the 10th day, Thu 18 Apr.
      t.clock.set('2024-04-12T09:00:00Z');
      const notYet = await t.call('POST', `/api/v1/cases/${c.body.id}/letters/${decision.id}/delivery`, {
        as: 'olga',
        body: { version: p.body.version, delivery: { kind: 'stored', readyForCollectionOn: '2024-04-08' } },
      });
      assert.equal(notYet.status, 422);
      assert.equal(notYet.body.errors[0].reason, 'PERIOD_NOT_OVER');
      t.clock.set('2024-04-22T09:00:00Z');
      const d = await t.call('POST', `/api/v1/cases/${c.body.id}/letters/${decision.id}/delivery`, {
        as: 'olga',
        body: { version: p.body.version, delivery: { kind: 'stored', readyForCollectionOn: '2024-04-08' } },
      });
      assert.equal(d.status, 200, JSON.stringify(d.body));
      const l = d.body.letters.find((x: { id: string }) => x.id === decision.id);
      assert.equal(l.deliveredOn, '2024-04-18');
      assert.equal(l.deliveryHow, 'deemed');
      assert.deepEqual(
        d.body.history.map((h: { type: string }) => h.type),
        ['intake', 'interrupt', 'resume', 'grant', 'letter_posted', 'letter_delivery'],
      );
    });

    test('refusal records reasons and ground, issues the letter, and ends the proceedings', async () => {
      t.clock.set('2024-05-02T09:00:00Z');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-05-02' }) });
      const missing = await t.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
        as: 'olga',
        body: { version: c.body.version, reasons: '', legalGround: 'x' },
      });
      assert.equal(missing.status, 400);
      assert.ok(missing.body.errors.some((e: { field: string }) => e.field === '/reasons'));
      const r = await t.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
        as: 'olga',
        body: {
          version: c.body.version,
          reasons: 'Překážka vycestování nebyla prokázána.',
          legalGround: '§ 56 odst. 1 zákona č. 326/1999 Sb.',
        },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'refused');
      assert.equal(r.body.visa, null);
      assert.deepEqual(r.body.allowedActions, ['letter_posted', 'letter_delivery']);
      const letter = r.body.letters.find((l: { kind: string }) => l.kind === 'refusal');
      if (hasPdftotext) {
        const text = pdfText((await t.call('GET', `/api/v1/cases/${c.body.id}/letters/${letter.id}/pdf`, { as: 'olga' })).raw);
        assert.ok(text.includes('Překážka vycestování nebyla prokázána.'));
        assert.ok(text.includes('odvolání'));
      }
      const audit = await t.handle.db
        .selectFrom('audit_events')
        .select(['action', 'before', 'after'])
        .where('entity_id', '=', c.body.id)
        .where('action', '=', 'case.refuse')
        .execute();
      assert.equal(audit.length, 1);
      assert.deepEqual((audit[0]!.before as { status: string }).status, 'under_assessment');
      assert.deepEqual((audit[0]!.after as { status: string }).status, 'refused');
    });

    test('withdrawal during an interruption discontinues the proceedings', async () => {
      t.clock.set('2024-06-03T09:00:00Z');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-06-03' }) });
      const i = await t.call('POST', `/api/v1/cases/${c.body.id}/interrupt`, {
        as: 'olga',
        body: { version: c.body.version, requested: 'Doplňte fotografii.', respondBy: '2024-06-20' },
      });
      const w = await t.call('POST', `/api/v1/cases/${c.body.id}/withdraw`, { as: 'olga', body: { version: i.body.version } });
      assert.equal(w.status, 200, JSON.stringify(w.body));
      assert.equal(w.body.status, 'withdrawn');
      assert.ok(w.body.letters.some((l: { kind: string }) => l.kind === 'discontinuation'));
    });

    test('an illegal transition is a 409 and changes nothing', async () => {
      t.clock.set('2024-07-01T09:00:00Z');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-07-01' }) });
      const resume = await t.call('POST', `/api/v1/cases/${c.body.id}/resume`, { as: 'olga', body: { version: c.body.version } });
      assert.equal(resume.status, 409);
      assert.equal(resume.body.code, 'CASE.ILLEGAL_TRANSITION');
      assert.equal(resume.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.ok(resume.body.allowedActions.includes('grant'));
      const audits = await countRows('audit_events');
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2024-07-01', validTo: '2025-06-30' },
      });
      assert.equal(g.status, 200);
      const actions = await countRows('case_actions', c.body.id);
      const letters = await countRows('letters', c.body.id);
      const again = await t.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
        as: 'olga',
        body: { version: g.body.version, reasons: 'r', legalGround: 'g' },
      });
      assert.equal(again.status, 409);
      assert.equal(await countRows('case_actions', c.body.id), actions);
      assert.equal(await countRows('letters', c.body.id), letters);
      const now = await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'olga' });
      assert.equal(now.body.status, 'granted');
      assert.equal(now.body.version, g.body.version);
      assert.ok(audits < (await countRows('audit_events')));
    });
  });
}
