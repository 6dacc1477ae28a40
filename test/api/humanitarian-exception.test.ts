/**
 * The humanitarian-exception visa, a case type added as a declaration only: intake → assessment →
 * decision → letter and visa record, through the same engine and routes as every type, on every tier.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { hasPdftotext, intakeBody, pdfText } from '../support/fixtures.ts';

function requestBody(over: { receivedOn?: string; nationality?: string; documents?: Record<string, boolean> } = {}) {
  const a = intakeBody().applicant;
  return {
    receivedOn: over.receivedOn ?? '2023-06-01',
    applicant: { ...a, nationality: over.nationality ?? 'RUS', surname: 'PETROVA', givenNames: 'ANNA', nativeName: 'Петрова Анна' },
    grounds: ['health'],
    documents: { passport: true, photo: true, groundsEvidence: true, ...(over.documents ?? {}) },
  };
}

const FINDINGS = [
  { point: 'w.hum_urgency', finding: 'Surgery scheduled in Prague; urgent.' },
  { point: 'w.hum_family', finding: 'Daughter lives in Brno.' },
  { point: 'w.hum_health', finding: 'Medical report attached.' },
];

for (const tier of dbTiers()) {
  describe(`humanitarian-exception visa [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2023-06-01T09:00:00Z' });
    });
    after(() => t.close());

    test('requested → assessed → granted: a D visa in the register and a decision letter in the type’s words', async (tc) => {
      const c = await t.call('POST', '/api/v1/cases/humanitarian', { as: 'olga', body: requestBody() });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      assert.equal(c.body.caseType, 'humanitarian_exception');
      assert.equal(c.body.status, 'requested');
      // Thu 1 Jun 2023 + 90 days = Wed 30 Aug 2023 (the long-stay visa period from the policy).
      assert.equal(c.body.dueOn, '2023-08-30');
      assert.deepEqual(c.body.allowedActions, ['assess', 'withdraw', 'letter_posted', 'letter_delivery']);
      const early = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2023-06-05', validTo: '2024-06-04' },
      });
      assert.equal(early.status, 409, 'no decision before the assessment');
      assert.equal(early.body.code, 'CASE.ILLEGAL_TRANSITION');

      const partial = await t.call('POST', `/api/v1/cases/${c.body.id}/assess`, {
        as: 'olga',
        body: { version: c.body.version, findings: FINDINGS.slice(0, 2) },
      });
      assert.equal(partial.status, 422);
      assert.equal(partial.body.errors[0].reason, 'POINTS_NOT_WEIGHED');
      const bogus = await t.call('POST', `/api/v1/cases/${c.body.id}/assess`, {
        as: 'olga',
        body: { version: c.body.version, findings: [...FINDINGS, { point: 'w.csp_security', finding: 'x' }] },
      });
      assert.equal(bogus.status, 422);
      assert.equal(bogus.body.errors[0].field, '/findings/3/point');

      const assessed = await t.call('POST', `/api/v1/cases/${c.body.id}/assess`, {
        as: 'olga',
        body: { version: c.body.version, findings: FINDINGS },
      });
      assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
      assert.equal(assessed.body.status, 'assessed');
      assert.deepEqual(assessed.body.letters, [], 'the assessment is internal');

      const tooLong = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: assessed.body.version, validFrom: '2023-06-05', validTo: '2024-06-05' },
      });
      assert.equal(tooLong.status, 422);
      assert.equal(tooLong.body.errors[0].reason, 'EXCEEDS_MAXIMUM');
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: assessed.body.version, validFrom: '2023-06-05', validTo: '2024-06-04' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      assert.equal(g.body.status, 'granted');
      assert.equal(g.body.visa.visaCode, 'D');
      assert.equal(g.body.decidedOn, '2023-06-01');
      assert.equal(g.body.letters.length, 1);
      assert.equal(g.body.letters[0].kind, 'grant');
      assert.deepEqual(
        g.body.history.map((h: { type: string }) => h.type),
        ['intake', 'assess', 'grant'],
      );
      const reg = await t.call('GET', `/api/v1/visas/${g.body.visa.visaNumber}`, { as: 'sylva' });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      assert.equal(reg.body.visa?.validTo ?? reg.body.validTo, '2024-06-04');
      if (!hasPdftotext) return tc.skip('pdftotext not installed');
      const pdf = await t.call('GET', `/api/v1/cases/${c.body.id}/letters/${g.body.letters[0].id}/pdf`, { as: 'olga' });
      const text = pdfText(pdf.raw);
      assert.match(text, /z humanitárních důvodů/);
      assert.doesNotMatch(text, /strpění/, 'not the tolerance visa’s words');
      assert.match(text, /zastupitelský úřad/);
    });

    test('a refusal after assessment issues a refusal letter; a withdrawal ends the request', async () => {
      const c = await t.call('POST', '/api/v1/cases/humanitarian', { as: 'olga', body: requestBody({ nationality: 'BLR' }) });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const a = await t.call('POST', `/api/v1/cases/${c.body.id}/assess`, {
        as: 'olga',
        body: { version: c.body.version, findings: FINDINGS },
      });
      const r = await t.call('POST', `/api/v1/cases/${c.body.id}/refuse`, {
        as: 'olga',
        body: { version: a.body.version, reasons: 'The grounds are not shown.', legalGround: 'usnesení vlády ze dne 2. března 2022' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'refused');
      assert.equal(r.body.letters[0].kind, 'refusal');
      const w = await t.call('POST', '/api/v1/cases/humanitarian', { as: 'olga', body: requestBody() });
      const wd = await t.call('POST', `/api/v1/cases/${w.body.id}/withdraw`, { as: 'olga', body: { version: w.body.version } });
      assert.equal(wd.status, 200);
      assert.equal(wd.body.status, 'withdrawn');
    });

    test('the policy decides the route on the filing date: not for a Ukrainian, not after the exception ended', async () => {
      const ukr = await t.call('POST', '/api/v1/cases/humanitarian', { as: 'olga', body: requestBody({ nationality: 'UKR' }) });
      assert.equal(ukr.status, 422);
      assert.equal(ukr.body.errors[0].reason, 'r.hum_nationality');
      t.clock.set('2024-05-02T09:00:00Z');
      const late = await t.call('POST', '/api/v1/cases/humanitarian', { as: 'olga', body: requestBody({ receivedOn: '2024-04-02' }) });
      assert.equal(late.status, 422);
      assert.equal(late.body.errors.at(-1).reason, 'NO_RULE_IN_FORCE');
      // Filed on the last day of the exception, decided after it: the filing date is what the rules read.
      const last = await t.call('POST', '/api/v1/cases/humanitarian', { as: 'olga', body: requestBody({ receivedOn: '2024-03-31' }) });
      assert.equal(last.status, 201, JSON.stringify(last.body));
      const a = await t.call('POST', `/api/v1/cases/${last.body.id}/assess`, {
        as: 'olga',
        body: { version: last.body.version, findings: FINDINGS },
      });
      const g = await t.call('POST', `/api/v1/cases/${last.body.id}/grant`, {
        as: 'olga',
        body: { version: a.body.version, validFrom: '2024-05-02', validTo: '2025-05-01' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      t.clock.set('2023-06-01T09:00:00Z');
    });

    test('a missing document makes the request inadmissible, with no letter and the reason declared', async () => {
      const c = await t.call('POST', '/api/v1/cases/humanitarian', {
        as: 'olga',
        body: requestBody({ documents: { groundsEvidence: false } }),
      });
      assert.equal(c.status, 201);
      assert.equal(c.body.status, 'inadmissible');
      assert.deepEqual(c.body.admissibility.missing, [{ code: 'GROUNDS_EVIDENCE_MISSING' }]);
      assert.deepEqual(c.body.letters, []);
      const other = await t.call('GET', `/api/v1/cases/${c.body.id}`, { as: 'bruno' });
      assert.equal(other.status, 404, 'another office’s officer: as an unknown id');
    });

    test('open requests stand in the office’s work queue with their days left', async () => {
      const c = await t.call('POST', '/api/v1/cases/humanitarian', { as: 'olga', body: requestBody() });
      assert.equal(c.status, 201);
      const q = await t.call('GET', '/api/v1/queue', { as: 'olga' });
      assert.equal(q.status, 200);
      assert.ok(
        q.body.items.some(
          (i: { id: string; caseType: string; daysLeft: number }) =>
            i.id === c.body.id && i.caseType === 'humanitarian_exception' && i.daysLeft === 90,
        ),
      );
    });
  });
}
