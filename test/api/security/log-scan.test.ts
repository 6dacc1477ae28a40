/**
 * Defect 2 (issue 10): no personal data in any log line. Every test app logs at info into a capture
 * that its close() scans for the names, passport numbers, birth dates and narratives the test sent
 * (test/support/log-scan.ts). Here: the scan itself can fail, and a run over the routes that take
 * personal data — including the old lookup with them in the URL and requests that fail — finds none.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../../support/db-tiers.ts';
import { LogCapture } from '../../support/log-scan.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { intakeBody } from '../../support/fixtures.ts';
import { redactQuery } from '../../../src/app.ts';

test('the scan finds a passport number or a name in a logged URL, plain or percent-encoded', () => {
  const c = new LogCapture();
  c.noteUrl('/api/v1/visas?passportNumber=FX123456&dateOfBirth=1979-09-21');
  c.noteBody({ applicant: { surname: 'ŠEVČENKOVÁ', narrative: 'Pronásledován za reportáže' } });
  c.lines.push('{"req":{"url":"/api/v1/visas?passportNumber=FX123456"}}');
  c.lines.push(`{"req":{"url":"/x?q=${encodeURIComponent('ŠEVČENKOVÁ')}"}}`);
  c.lines.push('{"msg":"ok"}');
  assert.deepEqual(
    c.leaks().map((l) => l.value),
    ['FX123456', 'ŠEVČENKOVÁ'],
  );
  assert.throws(() => c.assertClean(), /personal data/);
});

test('the request logger keeps the query parameter names, never their values', () => {
  assert.equal(redactQuery('/api/v1/visas?passportNumber=FX1&dateOfBirth=1979-09-21'), '/api/v1/visas?passportNumber=…&dateOfBirth=…');
  assert.equal(redactQuery('/api/v1/queue'), '/api/v1/queue');
});

for (const tier of dbTiers()) {
  describe(`nothing personal in the logs [${tier.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2024-03-04T09:00:00Z' });
    });
    after(() => t.close());

    test('intake, lookups, failed and malformed requests: logged, and no line holds what was sent', async () => {
      const body = intakeBody({ receivedOn: '2024-03-04', applicant: { passportNumber: 'LG4455667', dateOfBirth: '1977-07-17' } });
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body });
      assert.equal(c.status, 201);
      await t.call('POST', '/api/v1/visas/search', { as: 'olga', body: { passportNumber: 'LG4455667', dateOfBirth: '1977-07-17' } });
      await t.call('GET', '/api/v1/visas?passportNumber=LG4455667&dateOfBirth=1977-07-17', { as: 'olga' });
      await t.call('GET', `/api/v1/nowhere?surname=${encodeURIComponent('ŠEVČENKOVÁ')}`, { as: 'olga' });
      await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: { ...body, ground: 'nope' } });
      await t.call('POST', '/api/v1/cases/tolerance', { body });
      await t.call('POST', '/api/v1/appointments', { body: { visaNumber: 'VS-X', dateOfBirth: '1977-07-17', slotId: 'x' } });
      assert.ok(t.logs.sent.has('LG4455667') && t.logs.sent.has('1977-07-17'), 'the values sent were noted');
      assert.ok(t.logs.lines.length >= 16, `every request logged (${t.logs.lines.length} lines)`);
      assert.ok(t.logs.lines.some((l) => l.includes('/api/v1/visas?passportNumber=…')));
      assert.deepEqual(t.logs.leaks(), []);
    });
  });
}
