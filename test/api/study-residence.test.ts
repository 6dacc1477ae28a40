/** Long-term residence for study for Belarusian scholarship holders: a case type of its own, on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';

function studyBody(over: { receivedOn?: string; nationality?: string; documents?: Record<string, boolean> } = {}) {
  const a = intakeBody().applicant;
  return {
    receivedOn: over.receivedOn ?? '2026-03-02',
    applicant: { ...a, nationality: over.nationality ?? 'BLR', surname: 'KAVALIOVA', givenNames: 'ALIAKSANDRA' },
    scholarship: 'msmt',
    documents: {
      passport: true,
      photo: true,
      scholarshipAward: true,
      admissionConfirmation: true,
      accommodation: true,
      ...(over.documents ?? {}),
    },
  };
}

for (const tier of dbTiers()) {
  describe(`study residence [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-02T09:00:00Z' });
    });
    after(() => t.close());

    test('a complete application opens with the 60-day study deadline and is granted a permit in the register', async () => {
      const c = await t.call('POST', '/api/v1/cases/study', { as: 'olga', body: studyBody() });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      assert.equal(c.body.caseType, 'study_residence');
      assert.equal(c.body.status, 'under_assessment');
      // Mon 2 Mar 2026 + 60 days = Fri 1 May 2026, Labour Day → weekend → Mon 4 May 2026.
      assert.equal(c.body.dueOn, '2026-05-04');
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-09-01', validTo: '2028-08-31' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      assert.equal(g.body.visa.visaCode, 'LTR/STUDY');
      assert.deepEqual(g.body.letters, []);
    });

    test('a missing document makes it inadmissible, naming the document', async () => {
      const c = await t.call('POST', '/api/v1/cases/study', {
        as: 'olga',
        body: studyBody({ documents: { admissionConfirmation: false } }),
      });
      assert.equal(c.status, 201);
      assert.equal(c.body.status, 'inadmissible');
      assert.deepEqual(c.body.admissibility.missing, [{ code: 'ADMISSION_CONFIRMATION_MISSING' }]);
    });

    test('the route is refused, with the policy’s reason, to a non-Belarusian or before it existed', async () => {
      const rus = await t.call('POST', '/api/v1/cases/study', { as: 'olga', body: studyBody({ nationality: 'RUS' }) });
      assert.equal(rus.status, 422);
      assert.equal(rus.body.errors[0].reason, 'r.study_belarusian');
      const early = await t.call('POST', '/api/v1/cases/study', { as: 'olga', body: studyBody({ receivedOn: '2022-10-14' }) });
      assert.equal(early.status, 422);
      assert.equal(early.body.errors.at(-1).reason, 'NO_RULE_IN_FORCE');
    });
  });
}
