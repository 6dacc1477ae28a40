/** Civil Society programme: NGO isolation, assigned-only reads, four eyes, encryption at rest, key rotation, public statistics. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, TEST_MASTER_KEY, type TestApp } from '../support/test-app.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { newMasterKey } from '../../src/platform/crypto.ts';
import { rotateKeys } from '../../src/modules/civil-society/index.ts';
import { simulateNominations } from '../../src/modules/civil-society/index.ts';
import { readOverlay, scenarioBundle } from '../../src/modules/policy/index.ts';
import { fileURLToPath } from 'node:url';

const NARRATIVE = 'Pronásledován za reportáže o protestech; SECRET-NARRATIVE-7f3a';
const CONTACTS = 'signal:+7-900-SECRET-CONTACT';

function nomination(i = 0) {
  return {
    nationality: 'RUS',
    surname: 'IVANOV',
    givenNames: 'PETR',
    nativeName: 'Иванов Пётр',
    dateOfBirth: '1985-03-03',
    passportNumber: `RU${7000000 + i}`,
    category: 'journalist',
    publicRecord: ['https://example.org/articles/1'],
    narrative: NARRATIVE,
    contacts: CONTACTS,
    visaType: 'D',
    lodgingPost: 'Embassy in Vilnius',
  };
}

for (const tier of dbTiers()) {
  describe(`civil society programme [${tier.name}]`, () => {
    let t: TestApp;
    let nomId: string;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-10T09:00:00Z' });
      for (const name of ['Org A', 'Org B']) {
        const o = await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name } });
        assert.equal(o.status, 201, JSON.stringify(o.body));
        ids[name] = o.body.id;
      }
      for (const [u, org] of [
        ['ngo.a', 'Org A'],
        ['ngo.b', 'Org B'],
      ] as const) {
        const r = await t.call('POST', '/api/v1/admin/staff', {
          as: 'adam',
          body: { username: u, displayName: u, role: 'caseworker', orgId: ids[org], password: PASSWORD },
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      for (const u of ['olga', 'oskar'])
        ids[u] = (await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
    });
    after(() => t.close());

    test('a staff user for an office or organisation that does not exist is refused with 422, not 500', async () => {
      const office = await t.call('POST', '/api/v1/admin/staff', {
        as: 'adam',
        body: { username: 'nobody.office', displayName: 'N', role: 'officer', officeId: 'NO-SUCH', password: PASSWORD },
      });
      assert.equal(office.status, 422, JSON.stringify(office.body));
      assert.equal(office.body.errors[0].field, '/officeId');
      const org = await t.call('POST', '/api/v1/admin/staff', {
        as: 'adam',
        body: {
          username: 'nobody.org',
          displayName: 'N',
          role: 'caseworker',
          orgId: '46fd6b08-5729-7b66-a9b8-567d130f18c7',
          password: PASSWORD,
        },
      });
      assert.equal(org.status, 422, JSON.stringify(org.body));
      assert.equal(org.body.errors[0].field, '/orgId');
    });

    test('an NGO nominates; another NGO cannot read, list or infer it', async () => {
      const r = await t.call('POST', '/api/v1/nominations', { as: 'ngo.a', body: nomination() });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.status, 'nominated');
      nomId = r.body.id;
      const mine = await t.call('GET', '/api/v1/nominations', { as: 'ngo.a' });
      assert.deepEqual(
        mine.body.map((n: { id: string }) => n.id),
        [nomId],
      );
      const own = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'ngo.a' });
      assert.deepEqual(Object.keys(own.body).sort(), ['id', 'nominatedOn', 'reference', 'status', 'visaType']);
      const other = await t.call('GET', '/api/v1/nominations', { as: 'ngo.b' });
      assert.deepEqual(other.body, []);
      const peek = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'ngo.b' });
      const missing = await t.call('GET', '/api/v1/nominations/00000000-0000-4000-8000-000000000000', { as: 'ngo.b' });
      assert.equal(peek.status, 404);
      assert.deepEqual(
        { ...peek.body, instance: '', requestId: '' },
        { ...missing.body, instance: '', requestId: '' },
        'same answer as for a nomination that does not exist',
      );
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]).toString('base64');
      assert.equal(
        (
          await t.call('POST', `/api/v1/nominations/${nomId}/evidence`, {
            as: 'ngo.b',
            body: { name: 'x.pdf', mime: 'application/pdf', contentBase64: pdf },
          })
        ).status,
        404,
      );
      const ok = await t.call('POST', `/api/v1/nominations/${nomId}/evidence`, {
        as: 'ngo.a',
        body: { name: 'clanek.pdf', mime: 'application/pdf', contentBase64: pdf },
      });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      const fake = await t.call('POST', `/api/v1/nominations/${nomId}/evidence`, {
        as: 'ngo.a',
        body: { name: 'x.pdf', mime: 'application/pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') },
      });
      assert.equal(fake.status, 422);
      assert.equal(fake.body.errors[0].reason, 'CONTENT_MISMATCH');
    });

    test('an unassigned officer cannot read the narrative; an assigned one can, and the read is audited', async () => {
      const un = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'olga' });
      assert.equal(un.status, 404);
      assert.equal(JSON.stringify(un.body).includes('SECRET'), false);
      const sup = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'sylva' });
      assert.equal(sup.status, 200);
      assert.equal(sup.body.sensitive, null);
      assert.equal(
        (await t.call('POST', `/api/v1/nominations/${nomId}/assign`, { as: 'olga', body: { officerId: ids.olga } })).status,
        403,
      );
      for (const o of ['olga', 'oskar'])
        assert.equal(
          (await t.call('POST', `/api/v1/nominations/${nomId}/assign`, { as: 'sylva', body: { officerId: ids[o] } })).status,
          204,
        );
      const r = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'olga' });
      assert.equal(r.body.sensitive.narrative, NARRATIVE);
      assert.equal(r.body.sensitive.contacts, CONTACTS);
      assert.equal(r.body.sensitive.evidence[0].name, 'clanek.pdf');
      const reads = await t.handle.db
        .selectFrom('audit_events')
        .select('actor_id')
        .where('action', '=', 'nomination.sensitive_read')
        .where('entity_id', '=', nomId)
        .execute();
      assert.deepEqual(
        reads.map((x) => x.actor_id),
        [ids.olga],
      );
      const caseworkerRead = await t.call('GET', `/api/v1/nominations/${nomId}/evidence/${r.body.sensitive.evidence[0].id}`, {
        as: 'ngo.a',
      });
      assert.equal(caseworkerRead.status, 403);
    });

    test('one officer alone cannot approve; a second officer approves and a D visa is recorded', async () => {
      let v = (await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'olga' })).body.version;
      for (const action of ['start_screening', 'start_assessment', 'approve']) {
        const r = await t.call('POST', `/api/v1/nominations/${nomId}/actions`, { as: 'olga', body: { action, version: v } });
        assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
        v = r.body.version;
      }
      const self = await t.call('POST', `/api/v1/nominations/${nomId}/actions`, {
        as: 'olga',
        body: { action: 'approve', version: v, validFrom: '2026-03-10', validTo: '2027-03-09' },
      });
      assert.equal(self.status, 409);
      assert.match(self.body.detail, /Four eyes/);
      const tooLong = await t.call('POST', `/api/v1/nominations/${nomId}/actions`, {
        as: 'oskar',
        body: { action: 'approve', version: v, validFrom: '2026-03-10', validTo: '2027-03-10' },
      });
      assert.equal(tooLong.status, 422);
      const ok = await t.call('POST', `/api/v1/nominations/${nomId}/actions`, {
        as: 'oskar',
        body: { action: 'approve', version: v, validFrom: '2026-03-10', validTo: '2027-03-09' },
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.status, 'approved');
      assert.match(ok.body.visa.visaNumber, /^CSP-2026-\d{6}$/);
      assert.equal(ok.body.visa.visaCode, 'D');
      // The register lists it as the programme's, without its holder: names stay behind the assignment.
      const reg = await t.call('GET', `/api/v1/visas/${ok.body.visa.visaNumber}`, { as: 'sylva' });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      assert.equal(reg.body.holder, null);
      assert.deepEqual(reg.body.ground, { basis: 'civil_society_programme', nominationId: nomId });
      const ngo = await t.call('GET', `/api/v1/nominations/${nomId}`, { as: 'ngo.a' });
      assert.equal(ngo.body.status, 'approved');
      const audit = await t.handle.db
        .selectFrom('audit_events')
        .select('after')
        .where('action', '=', 'nomination.approve')
        .where('entity_id', '=', nomId)
        .execute();
      assert.ok(
        audit.some((a) => (a.after as { policy?: { policyVersion: string } }).policy?.policyVersion),
        'the approval stores the policy receipt of the suspension exemption',
      );
    });

    test('a dump of the database holds no narrative, contact or evidence-name plaintext', async () => {
      const tables = (
        await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'public'`.execute(t.handle.db)
      ).rows.map((r) => r.t);
      let dump = '';
      for (const table of tables) {
        const rows = await sql<{ x: string }>`select coalesce(string_agg(r::text, E'\n'), '') as x from ${sql.table(table)} r`.execute(
          t.handle.db,
        );
        dump += rows.rows[0]!.x;
      }
      assert.ok(dump.includes('IVANOV'), 'the dump was read');
      for (const secret of ['SECRET-NARRATIVE', 'SECRET-CONTACT', 'reportáže', 'clanek.pdf'])
        assert.equal(dump.includes(secret), false, secret);
    });

    test('key rotation re-wraps every data key and every record stays readable under the new key alone', async () => {
      const k2 = newMasterKey();
      const both = loadConfig({ POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY},k2:${k2}`, POBYT_MASTER_KEY_ACTIVE: 'k2' } as NodeJS.ProcessEnv)
        .keyring!;
      const n = await rotateKeys(t.handle.db, both);
      assert.ok(n >= 1);
      const left = await t.handle.db.selectFrom('nominations').select('id').where('dek_master_id', '<>', 'k2').execute();
      assert.equal(left.length, 0);
      assert.equal(await rotateKeys(t.handle.db, both), 0);
      const onlyNew = await buildApp({
        db: t.handle.db,
        config: loadConfig({ POBYT_MASTER_KEYS: `k2:${k2}`, LOGIN_ATTEMPTS_PER_MINUTE: '1000' } as NodeJS.ProcessEnv),
        clock: t.clock,
        logger: false,
      });
      try {
        const login = await onlyNew.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'olga', password: PASSWORD },
        });
        const r = await onlyNew.inject({
          method: 'GET',
          url: `/api/v1/nominations/${nomId}`,
          headers: { authorization: `Bearer ${login.json().token}` },
        });
        assert.equal(r.json().sensitive.narrative, NARRATIVE);
      } finally {
        await onlyNew.close();
      }
    });

    test('simulate: had the Russian suspension ended on 31 Dec 2025, an open 2026 nomination would no longer need the exception', async () => {
      const open = await t.call('POST', '/api/v1/nominations', { as: 'ngo.a', body: nomination(500) });
      assert.equal(open.status, 201);
      const scenario = scenarioBundle(
        readOverlay(fileURLToPath(new URL('../../policy/scenarios/suspension-until-2025.yaml', import.meta.url))),
      );
      const r = await simulateNominations(t.handle.db, scenario);
      const hit = r.changed.find((c) => c.reference === open.body.reference);
      assert.ok(hit, JSON.stringify(r));
      assert.equal(hit.change, 'suspension: officer_decides (suspension.exception.civil_society_programme) → not_suspended');
      assert.equal(r.changed.length, r.evaluated, 'every open nomination is from 2026');
    });

    test('exact counts for supervisors; the public figures are ranges with small cells suppressed, always the same', async () => {
      t.clock.set('2026-02-10T09:00:00Z');
      for (let i = 1; i <= 12; i++)
        assert.equal((await t.call('POST', '/api/v1/nominations', { as: 'ngo.a', body: nomination(i) })).status, 201);
      await t.call('POST', '/api/v1/nominations', { as: 'ngo.b', body: { ...nomination(99), nationality: 'BLR', category: 'academic' } });
      t.clock.set('2026-03-11T09:00:00Z');
      const exact = await t.call('GET', '/api/v1/stats/nominations', { as: 'sylva' });
      assert.equal(exact.body.total, 15);
      assert.equal((await t.call('GET', '/api/v1/stats/nominations', { as: 'olga' })).status, 403);
      const pub = await t.call('GET', '/api/v1/public/statistics/civil-society');
      assert.equal(pub.status, 200);
      assert.equal(pub.body.total, '10–49');
      for (const c of pub.body.cells) assert.equal(/^\d+$/.test(c.figure), false);
      const blr = pub.body.cells.find((c: { dimension: string; value: string }) => c.dimension === 'nationality' && c.value === 'BLR');
      assert.equal(blr.figure, 'suppressed');
      assert.equal(
        pub.body.cells.some((c: { value: string }) => c.value === '2026-03'),
        false,
        'the current month is not published',
      );
      const again = await t.call('GET', '/api/v1/public/statistics/civil-society');
      assert.deepEqual(again.body, pub.body);
      const csv = await t.call('GET', '/api/v1/public/statistics/civil-society.csv');
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.equal(/,\d+\s*$/m.test(csv.body), false, 'no bare number in the CSV');
    });
  });
}
