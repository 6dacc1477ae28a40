/**
 * Issue 13 over HTTP on every tier: the person recorded at intake and at nomination, duplicate
 * candidates with reasons (never merged), the one-box search across scripts with the reason shown,
 * scope (another office sees nothing), audit without the terms, supervisors' merge / unmerge /
 * distinct with 409 on illegal ones, and the MRZ at intake.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { PASSWORD, startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { corrupt, td1, td3 } from '../../src/modules/people/index.ts';

const OLEKSANDR = { surname: 'SHEVCHENKO', givenNames: 'OLEKSANDR', nativeName: 'Шевченко Олександр', dateOfBirth: '1979-05-17' };
const specimen = {
  surname: 'SHEVCHENKO',
  givenNames: 'OLEKSANDR',
  documentNumber: 'FA1234567',
  issuingState: 'UKR',
  nationality: 'UKR',
  birth: '790517',
  sex: 'M' as const,
  expiry: '320131',
};

for (const tier of dbTiers()) {
  describe(`people: persons, duplicates, search, decisions, MRZ [${tier.name}]`, () => {
    let t: TestApp;
    let first: { id: string; personId: string };
    before(async () => {
      t = await startTestApp(await tier.open());
    });
    after(() => t.close());

    const intake = (applicant: Record<string, unknown>, as = 'olga', extra: Record<string, unknown> = {}) =>
      t.call('POST', '/api/v1/cases/tolerance', { as, body: { ...intakeBody({ applicant }), ...extra } });

    test('intake records the person; a second intake under another spelling gets it as a candidate with reasons, not merged', async () => {
      const a = await intake({ ...OLEKSANDR, passportNumber: 'FA1234567' });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.ok(a.body.person.id);
      assert.equal(a.body.applicant.personId, a.body.person.id);
      assert.deepEqual(a.body.duplicateCandidates, []);
      first = { id: a.body.id, personId: a.body.person.id };

      // An older Russian-style passport, no native name typed, another passport number.
      const b = await intake({
        surname: 'SHEVCHENKO',
        givenNames: 'ALEKSANDR',
        nativeName: null,
        dateOfBirth: OLEKSANDR.dateOfBirth,
        passportNumber: 'EK7654321',
      });
      assert.equal(b.status, 201, JSON.stringify(b.body));
      assert.notEqual(b.body.person.id, first.personId, 'a new person: never merged automatically');
      const c = b.body.duplicateCandidates.find((x: { personId: string }) => x.personId === first.personId);
      assert.ok(c, JSON.stringify(b.body.duplicateCandidates));
      const name = c.reasons.find((r: { code: string }) => r.code === 'NAME');
      assert.equal(name.matched, 'Shevchenko Aleksandr');
      assert.equal(name.why, 'the Russian ICAO 9303 transliteration of Шевченко Александр');
      assert.ok(
        c.reasons.some((r: { code: string; dateOfBirth?: string }) => r.code === 'BIRTH_DATE' && r.dateOfBirth === OLEKSANDR.dateOfBirth),
      );
      const row = await t.handle.db
        .selectFrom('persons')
        .select('merged_into')
        .where('id', '=', b.body.person.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.merged_into, null);

      // The same passport number under another name and birth date: a candidate for the number alone.
      const d = await intake({
        surname: 'KOVAL',
        givenNames: 'IVAN',
        nativeName: 'Коваль Іван',
        dateOfBirth: '1990-01-01',
        passportNumber: 'FA1234567',
      });
      assert.equal(d.status, 201);
      const byNumber = d.body.duplicateCandidates.find((x: { personId: string }) => x.personId === first.personId);
      assert.deepEqual(byNumber.reasons, [{ code: 'PASSPORT_NUMBER', number: 'FA1234567' }]);
    });

    test('search in Latin finds the person recorded in Cyrillic, under another transliteration too, with the reason', async () => {
      for (const [q, why] of [
        ['Oleksandr Shevchenko', 'the spelling in the passport'],
        ['Aleksandr Shevchenko', 'the Russian ICAO 9303 transliteration of Шевченко Александр'],
        ['Ševčenko Oleksandr', 'the Czech transcription of Шевченко Олександр'],
        ['Alexander Shevchenko', 'a common English spelling of Шевченко Олександр'],
        ['Олександр Шевченко', 'the name as recorded'],
      ] as const) {
        const r = await t.call('POST', '/api/v1/people/search', { as: 'olga', body: { q } });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const hit = r.body.hits.find((h: { personId: string }) => h.personId === first.personId);
        assert.ok(hit, `${q}: ${JSON.stringify(r.body.hits)}`);
        assert.equal(hit.why, why, q);
      }
      // a passport spelling other than the national system's: the national transliteration is found as such
      const y = await intake({
        surname: 'TKACHENKO',
        givenNames: 'YULIA',
        nativeName: 'Ткаченко Юлія',
        dateOfBirth: '1991-07-07',
        passportNumber: 'FC5550001',
      });
      assert.equal(y.status, 201);
      const yr = await t.call('POST', '/api/v1/people/search', { as: 'olga', body: { q: 'Yuliia Tkachenko' } });
      assert.equal(yr.body.hits[0]?.personId, y.body.person.id);
      assert.equal(yr.body.hits[0].why, 'the Ukrainian national transliteration of Ткаченко Юлія');
      // a Cyrillic query finds a person recorded in Latin only (the query's own transliterations)
      const cyr = await t.call('POST', '/api/v1/people/search', { as: 'olga', body: { q: 'Коваль Іван' } });
      assert.ok(cyr.body.hits.length >= 1);
      // narrowed by birth date
      const none = await t.call('POST', '/api/v1/people/search', {
        as: 'olga',
        body: { q: 'Oleksandr Shevchenko', dateOfBirth: '1979-05-18' },
      });
      assert.deepEqual(none.body.hits, []);
      const one = await t.call('POST', '/api/v1/people/search', {
        as: 'olga',
        body: { q: 'Aleksandr Shevchenko', dateOfBirth: '1979-05-17' },
      });
      assert.equal(one.body.hits.length, 2, 'both records born that day');
    });

    test('scope: an officer of another office finds nothing and gets 404 for the person; the search is audited without its terms', async () => {
      const r = await t.call('POST', '/api/v1/people/search', { as: 'bruno', body: { q: 'Oleksandr Shevchenko' } });
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.hits, []);
      assert.equal((await t.call('GET', `/api/v1/people/${first.personId}`, { as: 'bruno' })).status, 404);
      assert.equal((await t.call('POST', '/api/v1/people/search', { as: 'adam', body: { q: 'Shevchenko' } })).status, 403);
      const audits = await t.handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'person.search').execute();
      assert.ok(audits.length >= 6);
      const text = JSON.stringify(audits);
      for (const term of ['Shevchenko', 'Шевченко', 'Oleksandr', '1979-05-1']) assert.ok(!text.includes(term), `audit holds ${term}`);
      const bruno = await t.handle.db.selectFrom('staff_users').select('id').where('username', '=', 'bruno').executeTakeFirstOrThrow();
      assert.ok(audits.some((a) => a.actor_id === bruno.id));
    });

    test('GET person (audited) shows passports and variants with why; duplicates route offers the other record', async () => {
      const p = await t.call('GET', `/api/v1/people/${first.personId}`, { as: 'olga' });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      assert.deepEqual(
        p.body.passports.map((x: { number: string }) => x.number),
        ['FA1234567'],
      );
      assert.ok(
        p.body.variants.some(
          (v: { text: string; why: string }) => v.text === 'SHEVCHENKO OLEKSANDR' && v.why === 'the spelling in the passport',
        ),
      );
      assert.ok(
        p.body.variants.some(
          (v: { text: string; why: string }) =>
            v.text === 'Ševčenko Oleksandr' && v.why === 'the Czech transcription of Шевченко Олександр',
        ),
      );
      const audit = await t.handle.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'person.read').execute();
      assert.ok(audit.some((a) => a.entity_id === first.personId));
      const d = await t.call('GET', `/api/v1/people/${first.personId}/duplicates`, { as: 'oskar' });
      assert.equal(d.status, 200);
      assert.equal(d.body.candidates.length, 2, JSON.stringify(d.body));
    });

    test('merge, unmerge, distinct: supervisors only, audited, 409 on illegal decisions', async () => {
      const d = await t.call('GET', `/api/v1/people/${first.personId}/duplicates`, { as: 'sylva' });
      const other = d.body.candidates.find((c: { reasons: { code: string }[] }) => c.reasons.some((r) => r.code === 'NAME')).personId;
      assert.equal((await t.call('POST', `/api/v1/people/${other}/merge`, { as: 'olga', body: { into: first.personId } })).status, 403);
      const m = await t.call('POST', `/api/v1/people/${other}/merge`, { as: 'sylva', body: { into: first.personId } });
      assert.equal(m.status, 200, JSON.stringify(m.body));
      assert.equal((await t.call('POST', `/api/v1/people/${other}/merge`, { as: 'sylva', body: { into: first.personId } })).status, 409);
      assert.equal(
        (await t.call('POST', `/api/v1/people/${first.personId}/merge`, { as: 'sylva', body: { into: first.personId } })).status,
        409,
      );
      // merged: the search answers with the survivor once
      const s = await t.call('POST', '/api/v1/people/search', {
        as: 'olga',
        body: { q: 'Aleksandr Shevchenko', dateOfBirth: '1979-05-17' },
      });
      assert.deepEqual(
        s.body.hits.map((h: { personId: string }) => h.personId),
        [first.personId],
      );
      const p = await t.call('GET', `/api/v1/people/${first.personId}`, { as: 'olga' });
      assert.deepEqual(p.body.mergedFrom, [other]);
      assert.deepEqual(p.body.passports.map((x: { number: string }) => x.number).sort(), ['EK7654321', 'FA1234567']);
      // distinct while merged: 409
      assert.equal(
        (await t.call('POST', `/api/v1/people/${other}/distinct`, { as: 'sylva', body: { other: first.personId } })).status,
        409,
      );
      const u = await t.call('POST', `/api/v1/people/${other}/unmerge`, { as: 'sylva' });
      assert.equal(u.status, 200, JSON.stringify(u.body));
      assert.equal(u.body.reversed, true);
      assert.equal((await t.call('POST', `/api/v1/people/${other}/unmerge`, { as: 'sylva' })).status, 409);
      const x = await t.call('POST', `/api/v1/people/${other}/distinct`, { as: 'sylva', body: { other: first.personId } });
      assert.equal(x.status, 200);
      assert.equal((await t.call('POST', `/api/v1/people/${first.personId}/distinct`, { as: 'sylva', body: { other } })).status, 409);
      assert.equal((await t.call('POST', `/api/v1/people/${other}/merge`, { as: 'sylva', body: { into: first.personId } })).status, 409);
      // distinct persons are not offered again
      const after = await t.call('GET', `/api/v1/people/${first.personId}/duplicates`, { as: 'sylva' });
      assert.ok(!after.body.candidates.some((c: { personId: string }) => c.personId === other));
      const actions = (await t.handle.db.selectFrom('audit_events').select('action').where('entity_id', '=', other).execute()).map(
        (a) => a.action,
      );
      for (const a of ['person.merged', 'person.unmerged', 'person.distinct']) assert.ok(actions.includes(a), a);
    });

    test('intake naming an existing person links the new record into it (reversible); an invisible one is 422', async () => {
      const r = await intake({ ...OLEKSANDR, passportNumber: 'FB0000001', personId: first.personId });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.person.linkedTo, first.personId);
      const bad = await intake({ ...OLEKSANDR, regionCode: 'CZ-64', passportNumber: 'FB0000002', personId: first.personId }, 'bruno');
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].field, '/applicant/personId');
    });

    test('MRZ at intake: a valid TD3 fills the left-out fields; a typed field that differs is flagged', async () => {
      const {
        surname: _s,
        givenNames: _g,
        dateOfBirth: _d,
        passportNumber: _p,
        passportExpiresOn: _e,
        nationality: _n,
        ...rest
      } = intakeBody().applicant;
      const body = { ...intakeBody(), applicant: rest, mrz: td3(specimen).join('\n') };
      const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.applicant.surname, 'SHEVCHENKO');
      assert.equal(r.body.applicant.givenNames, 'OLEKSANDR');
      assert.equal(r.body.applicant.dateOfBirth, '1979-05-17');
      assert.equal(r.body.applicant.passportNumber, 'FA1234567');
      assert.equal(r.body.applicant.passportExpiresOn, '2032-01-31');
      assert.deepEqual(r.body.mrzMismatches, []);
      assert.ok(r.body.duplicateCandidates.some((c: { personId: string }) => c.personId === first.personId));

      const typed = intakeBody({
        applicant: {
          surname: 'SHEVCHENKO',
          givenNames: 'OLEKSANDR',
          dateOfBirth: '1979-05-18',
          passportNumber: 'FA1234567',
          passportExpiresOn: '2032-01-31',
        },
      });
      const m = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: { ...typed, mrz: td3(specimen) } });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      assert.deepEqual(m.body.mrzMismatches, [{ field: 'dateOfBirth', typed: '1979-05-18', mrz: '1979-05-17' }]);
      assert.equal(m.body.applicant.dateOfBirth, '1979-05-18', 'the typed value is kept');

      const card = td1({ ...specimen, documentNumber: 'AB1234567' });
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: { ...intakeBody(), applicant: rest, mrz: card } });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      assert.equal(c.body.applicant.passportNumber, 'AB1234567');
    });

    test('MRZ at intake: each corrupted check digit is refused 422 naming the field; nothing is recorded', async () => {
      const lines = td3(specimen);
      const before = await t.handle.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      for (const [col, field] of [
        [9, '/mrz/documentNumber'],
        [19, '/mrz/birthDate'],
        [27, '/mrz/expiryDate'],
        [43, '/mrz/composite'],
      ] as const) {
        const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: { ...intakeBody(), mrz: corrupt(lines, 1, col) } });
        assert.equal(r.status, 422, JSON.stringify(r.body));
        assert.equal(r.body.code, 'PEOPLE.MRZ_INVALID');
        assert.ok(
          r.body.errors.some((e: { field: string; reason: string }) => e.field === field && e.reason === 'CHECK_DIGIT'),
          `${col}: ${JSON.stringify(r.body.errors)}`,
        );
      }
      const { surname: _s, ...noSurname } = intakeBody().applicant;
      const r = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body: { ...intakeBody(), applicant: noSurname } });
      assert.equal(r.status, 422);
      assert.equal(r.body.errors[0].field, '/applicant/surname');
      const after = await t.handle.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(after.n, before.n);
    });

    test('nomination records the nominee; a second nomination of the same person by the same NGO gets the candidate, another NGO does not', async () => {
      const ids: Record<string, string> = {};
      for (const name of ['Org P', 'Org Q'])
        ids[name] = (await t.call('POST', '/api/v1/admin/partner-orgs', { as: 'adam', body: { name } })).body.id;
      for (const [u, org] of [
        ['ngo.p', 'Org P'],
        ['ngo.q', 'Org Q'],
      ] as const)
        assert.equal(
          (
            await t.call('POST', '/api/v1/admin/staff', {
              as: 'adam',
              body: { username: u, displayName: u, role: 'caseworker', orgId: ids[org], password: PASSWORD },
            })
          ).status,
          201,
        );
      const n = (i: number, over: Record<string, unknown> = {}) => ({
        nationality: 'RUS',
        surname: 'IVANOV',
        givenNames: 'PETR',
        nativeName: 'Иванов Пётр',
        dateOfBirth: '1985-03-03',
        passportNumber: `RU${7100000 + i}`,
        category: 'journalist',
        publicRecord: ['https://example.org/a'],
        narrative: 'narrative text',
        visaType: 'D',
        lodgingPost: 'Embassy in Vilnius',
        ...over,
      });
      const a = await t.call('POST', '/api/v1/nominations', { as: 'ngo.p', body: n(1) });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.deepEqual(a.body.duplicateCandidates, []);
      const b = await t.call('POST', '/api/v1/nominations', {
        as: 'ngo.p',
        body: n(2, { surname: 'IVANOV', givenNames: 'PYOTR', nativeName: undefined }),
      });
      assert.equal(b.status, 201);
      assert.equal(b.body.duplicateCandidates.length, 1, JSON.stringify(b.body));
      assert.ok(b.body.duplicateCandidates[0].reasons.some((r: { code: string }) => r.code === 'NAME'));
      const c = await t.call('POST', '/api/v1/nominations', { as: 'ngo.q', body: n(3) });
      assert.deepEqual(c.body.duplicateCandidates, [], 'another NGO sees none of them');
      // an office officer not assigned to the nomination does not find the nominee
      const s = await t.call('POST', '/api/v1/people/search', { as: 'olga', body: { q: 'Petr Ivanov' } });
      assert.deepEqual(s.body.hits, []);
      const nominations = await t.handle.db.selectFrom('nominations').select(['person_id']).execute();
      assert.ok(nominations.every((x) => x.person_id));
    });
  });
}
