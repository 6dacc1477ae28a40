/** The policy endpoints over HTTP, and `simulate` against real open cases, on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { scenarioBundle } from '../../src/modules/policy/index.ts';
import { simulatePolicyChange } from '../../src/modules/cases/index.ts';

for (const tier of dbTiers()) {
  describe(`policy over HTTP [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-02-02T09:00:00Z' });
    });
    after(() => t.close());

    test('evaluate: a tolerance holder at the temporary-protection extension system is turned away, in Ukrainian, with guidance', async () => {
      const r = await t.call('POST', '/api/v1/policy/evaluate', {
        body: {
          facts: { held_status: 'tolerance_visa', requested_channel: 'tp_extension_system' },
          dates: { as_of: '2023-03-01' },
          lang: 'uk',
          rules: ['channel.tp_extension_system'],
        },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const [res] = r.body.results;
      assert.equal(res.outcome, 'turned_away');
      assert.deepEqual(
        res.guidance.map((g: { code: string }) => g.code),
        ['g.nothing_needed', 'g.sticker_optional', 'g.book_by_phone_or_online'],
      );
      assert.ok(res.guidance[2].text.includes('974 801 801'));
      assert.equal(r.body.lang, 'uk');
      assert.ok(r.body.rights.items.some((i: { code: string }) => i.code === 'rights.work.permit_required'));
      assert.match(r.body.receipt.policyVersion, /^[0-9a-f]{64}$/);
      assert.deepEqual(r.body.receipt.dates, { as_of: '2023-03-01' });
      assert.ok(r.body.trace.parameters.some((p: { id: string }) => p.id === 'rights.tolerance_visa'));
    });

    test('evaluate: an application filed with cash instead of duty stamps is inadmissible, explained in Russian, with its deadline', async () => {
      const r = await t.call('POST', '/api/v1/policy/evaluate', {
        body: {
          facts: {},
          dates: { filed_on: '2024-03-01' },
          lang: 'ru',
          rules: ['route.tolerance_visa'],
          checklist: {
            applicationForm: { submitted: true, inCzech: true, fields: { surname: 'Shevchenko' } },
            passport: { submitted: true },
            photo: { submitted: true },
            fee: { method: 'cash', amountCzk: 300 },
            affidavit: { submitted: true, notarised: true },
          },
        },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const app = r.body.application;
      assert.equal(app.admissibility.admissible, false);
      assert.deepEqual(
        app.admissibility.missing.map((m: { code: string }) => m.code),
        ['FORM_NOT_CAPITAL_LATIN', 'FEE_METHOD_NOT_ACCEPTED'],
      );
      assert.match(app.admissibility.missing[0].text, /«surname»/);
      assert.match(app.admissibility.missing[1].text, /kolkové známky/);
      assert.match(app.admissibility.missing[1].text, /марками/);
      // Fri 1 Mar 2024 + 30 = Easter Sunday → Easter Monday → Tue 2 Apr 2024.
      assert.equal(app.deadline.dueOn, '2024-04-02');
      assert.ok(r.body.trace.parameters.some((p: { id: string }) => p.id === 'tolerance_visa.fee'));
    });

    test('evaluate: the same question in five languages gives the same outcome and different words', async () => {
      const texts = new Set<string>();
      for (const lang of ['cs', 'en', 'uk', 'ru', 'be']) {
        const r = await t.call('POST', '/api/v1/policy/evaluate', {
          body: {
            facts: { nationality: 'RUS', civil_society_category: 'journalist', publicly_opposes_regime: true, at_risk_at_home: true },
            dates: { as_of: '2023-06-01' },
            lang,
            rules: ['route.civil_society_programme'],
          },
        });
        assert.equal(r.body.results[0].outcome, 'officer_decides');
        texts.add(r.body.results[0].reasons[0].text);
      }
      assert.equal(texts.size, 5);
    });

    test('evaluate: unknown answers give "possible" and the next question, never "not eligible"', async () => {
      const r = await t.call('POST', '/api/v1/policy/evaluate', {
        body: { facts: { nationality: 'UKR', lived_in_ukraine_before_war: 'unknown' }, dates: { as_of: '2024-06-01' }, lang: 'cs' },
      });
      assert.equal(r.status, 200);
      const tp = r.body.results.find((x: { rule: string }) => x.rule === 'route.temporary_protection');
      assert.equal(tp.outcome, 'possible');
      assert.equal(r.body.nextQuestion.fact, 'lived_in_ukraine_before_war');
      assert.ok(r.body.nextQuestion.question.length > 0);
    });

    test('evaluate: no implicit today, unknown facts and values are field errors', async () => {
      const noDate = await t.call('POST', '/api/v1/policy/evaluate', { body: { facts: {}, dates: {} } });
      assert.equal(noDate.status, 422);
      assert.equal(noDate.body.errors[0].field, '/dates');
      const bad = await t.call('POST', '/api/v1/policy/evaluate', {
        body: { facts: { nationalty: 'UKR', nationality: 'XXX', cannot_return: 'yes' }, dates: { as_of: '2024-06-01' } },
      });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]).sort(), [
        ['/facts/cannot_return', 'NOT_BOOLEAN'],
        ['/facts/nationality', 'NOT_ALLOWED'],
        ['/facts/nationalty', 'UNKNOWN_FACT'],
      ]);
      const badDate = await t.call('POST', '/api/v1/policy/evaluate', { body: { facts: {}, dates: { as_of: '2024-02-30' } } });
      assert.equal(badDate.status, 400);
    });

    test('parameters and diff are public and cite their sources', async () => {
      const p = await t.call('GET', '/api/v1/policy/parameters');
      assert.equal(p.status, 200);
      const fee = p.body.parameters.find((x: { id: string }) => x.id === 'tolerance_visa.fee');
      assert.equal(fee.values[0].value.amount_czk, 300);
      assert.equal(fee.values[0].source.verification, 'U');
      const d = await t.call('GET', '/api/v1/policy/diff?from=2024-03-31&to=2024-04-01');
      assert.equal(d.status, 200);
      assert.ok(d.body.changes.some((c: { id: string }) => c.id === 'suspension.exception.short_stay'));
    });

    test('simulate: a 60-day decision period from 2026 changes the due date of open cases filed in 2026 only, and writes nothing', async () => {
      t.clock.set('2026-02-02T09:00:00Z');
      const a = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2026-02-02' }) });
      const b = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: intakeBody({ receivedOn: '2025-12-30' }) });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      const before = await t.handle.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const scenario = scenarioBundle({
        parameters: {
          'tolerance_visa.decision_period_days': {
            reads_date: 'filed_on',
            values: [
              { from: '2011-01-01', to: '2025-12-31', value: 30, source: 'act_326_1999_s169t' },
              { from: '2026-01-01', to: null, value: 60, source: 'act_326_1999_s169t' },
            ],
          },
        },
      });
      const r = await simulatePolicyChange(t.handle.db, scenario);
      assert.equal(r.evaluated, 2);
      assert.deepEqual(
        r.changed.map((c) => c.reference),
        [a.body.reference],
      );
      // Mon 2 Feb 2026 + 60 days = Fri 3 Apr 2026, Good Friday → weekend → Easter Monday 6 Apr → Tue 7 Apr 2026.
      assert.equal(r.changed[0]!.dueOnScenario, '2026-04-07');
      assert.equal(r.changed[0]!.dueOn, a.body.dueOn);
      const afterCount = await t.handle.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(afterCount.n, before.n);
    });
  });
}
