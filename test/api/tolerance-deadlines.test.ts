/** The tolerance-visa case: races between officers, statutory deadlines across holidays, the work queue — on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';

for (const tier of dbTiers()) {
  describe(`tolerance-visa races, deadlines and queue [${tier.name}]`, () => {
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

    test('two officers deciding at once: one wins, the other gets 409, one visa exists', async () => {
      t.clock.set('2024-08-01T09:00:00Z');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-08-01' }) });
      const [a, b] = await Promise.all([
        t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
          as: 'olga',
          body: { version: c.body.version, validFrom: '2024-08-01', validTo: '2025-07-31' },
        }),
        t.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
          as: 'oskar',
          body: { version: c.body.version, reasons: 'Důvody.', legalGround: '§ 56' },
        }),
      ]);
      assert.deepEqual(
        [a.status, b.status].sort(),
        [200, 409],
        `${a.status} ${JSON.stringify(a.body)} / ${b.status} ${JSON.stringify(b.body)}`,
      );
      const loser = a.status === 409 ? a : b;
      assert.equal(loser.body.code, 'CASE.VERSION_CONFLICT');
      assert.equal(await countRows('case_actions', c.body.id), 2);
      assert.equal(await countRows('letters', c.body.id), 1);
      const visas = await countRows('visas', c.body.id);
      assert.equal(visas, a.status === 200 ? 1 : 0);
    });

    test('many parallel grants with the same version: exactly one wins', async () => {
      t.clock.set('2024-08-02T09:00:00Z');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-08-02' }) });
      const rs = await Promise.all(
        Array.from({ length: 8 }, () =>
          t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
            as: 'olga',
            body: { version: c.body.version, validFrom: '2024-08-02', validTo: '2025-08-01' },
          }),
        ),
      );
      assert.equal(rs.filter((r) => r.status === 200).length, 1);
      assert.equal(rs.filter((r) => r.status === 409).length, 7);
      assert.equal(await countRows('visas', c.body.id), 1);
    });

    test('deemed delivery on a holiday moves to the next working day (Christmas 2024)', async () => {
      t.clock.set('2024-12-10T09:00:00Z');
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2024-12-10' }) });
      const r = await t.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
        as: 'olga',
        body: { version: c.body.version, reasons: 'Žadatel neprokázal překážku vycestování.', legalGround: '§ 56 zákona č. 326/1999 Sb.' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const letter = r.body.letters.find((l: { kind: string }) => l.kind === 'refusal');
      const p = await t.call('POST', `/api/v1/cases/${c.body.id}/letters/${letter.id}/posting`, {
        as: 'olga',
        body: { version: r.body.version, postedOn: '2024-12-10' },
      });
      t.clock.set('2025-01-06T09:00:00Z');
      // Ready Mon 16 Dec 2024; the 10th day is Thu 26 Dec, a holiday → Fri 27 Dec (facts §1.2 worked example).
      const d = await t.call('POST', `/api/v1/cases/${c.body.id}/letters/${letter.id}/delivery`, {
        as: 'olga',
        body: { version: p.body.version, delivery: { kind: 'stored', readyForCollectionOn: '2024-12-16' } },
      });
      assert.equal(d.status, 200, JSON.stringify(d.body));
      assert.equal(d.body.letters.find((l: { id: string }) => l.id === letter.id).deliveredOn, '2024-12-27');
    });

    test('statutory deadlines across Easter 2023, Easter 2024 and New Year 2024', async () => {
      const cases: [string, string, string][] = [
        // receivedOn, expected dueOn, why
        ['2023-03-08', '2023-04-11', 'day 30 = Fri 7 Apr 2023 (Good Friday) → Sat, Sun, Easter Monday 10 Apr → Tue 11 Apr'],
        ['2023-03-11', '2023-04-11', 'day 30 = Mon 10 Apr 2023 (Easter Monday) → Tue 11 Apr'],
        ['2024-02-28', '2024-04-02', 'day 30 = Fri 29 Mar 2024 (Good Friday) → Tue 2 Apr'],
        ['2024-03-27', '2024-04-26', 'day 30 = Fri 26 Apr 2024, a working day'],
        ['2023-12-02', '2024-01-02', 'day 30 = Mon 1 Jan 2024 (New Year) → Tue 2 Jan'],
        ['2023-11-24', '2023-12-27', 'day 30 = Sun 24 Dec 2023 → 25, 26 Dec holidays → Wed 27 Dec'],
      ];
      for (const [receivedOn, due, why] of cases) {
        t.clock.set(`${receivedOn}T09:00:00Z`);
        const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn }) });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        assert.equal(r.body.dueOn, due, why);
      }
    });

    test('the work queue lists open cases by days left and flags the overdue', async () => {
      t.clock.set('2024-09-02T09:00:00Z');
      const old = await t.call('POST', '/api/v1/cases/tolerance', {
        as: 'bruno',
        body: intakeBody({ receivedOn: '2024-07-01', applicant: { regionCode: 'CZ-64' } }),
      });
      const fresh = await t.call('POST', '/api/v1/cases/tolerance', {
        as: 'bruno',
        body: intakeBody({ receivedOn: '2024-09-02', applicant: { regionCode: 'CZ-64' } }),
      });
      const returned = await t.call('POST', '/api/v1/cases/tolerance', {
        as: 'bruno',
        body: intakeBody({ receivedOn: '2024-09-02', applicant: { regionCode: 'CZ-64' }, checklist: { passport: { submitted: false } } }),
      });
      assert.equal(returned.body.status, 'inadmissible');
      const q = await t.call('GET', '/api/v1/queue', { as: 'bruno' });
      assert.equal(q.status, 200);
      assert.deepEqual(
        q.body.items.map((i: { id: string }) => i.id),
        [old.body.id, fresh.body.id],
      );
      assert.equal(q.body.items[0].overdue, true);
      assert.ok(q.body.items[0].daysLeft < 0);
      assert.equal(q.body.items[1].overdue, false);
      assert.equal(q.body.items[1].dueOn, '2024-10-02');
      assert.equal(q.body.items[1].daysLeft, 30);
      assert.equal(JSON.stringify(q.body).includes('ŠEVČENKOVÁ'), false, 'the queue lists no names');
    });
  });
}
