/** The register after the decision: cancelling a visa (§ 37) and recording new stickers, on every database tier. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTiers } from '../support/db-tiers.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { intakeBody } from '../support/fixtures.ts';
import { DEMO_HOURS, setOfficeHours } from '../../src/modules/appointments/index.ts';

for (const tier of dbTiers()) {
  describe(`visa register: cancellation and stickers [${tier.name}]`, () => {
    let t: TestApp;
    let slots: { id: string; startsAt: string; free: number }[];
    const count = async (table: 'change_events' | 'audit_events' | 'visa_stickers', where: [string, string] | null = null) => {
      let q = t.handle.db.selectFrom(table as 'audit_events').select((eb) => eb.fn.countAll<string>().as('n'));
      if (where) q = q.where(where[0] as 'action', '=', where[1]);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    /** A granted tolerance visa of PHA-ZUK for a fresh applicant, with that applicant's date of birth. */
    const grant = async (passportNumber: string) => {
      t.clock.set('2026-03-02T08:00:00Z');
      const body = intakeBody({ receivedOn: '2026-03-02' });
      (body.applicant as Record<string, unknown>).passportNumber = passportNumber;
      const c = await t.call('POST', '/api/v1/cases/tolerance', { as: 'olga', body });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const g = await t.call('POST', `/api/v1/cases/${c.body.id}/grant`, {
        as: 'olga',
        body: { version: c.body.version, validFrom: '2026-03-02', validTo: '2027-03-01' },
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      return { visaNumber: g.body.visa.visaNumber as string, dateOfBirth: (body.applicant as { dateOfBirth: string }).dateOfBirth };
    };
    const book = async (holder: { visaNumber: string; dateOfBirth: string }, slot: number) => {
      const r = await t.call('POST', '/api/v1/appointments', { body: { ...holder, slotId: slots[slot]!.id } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.code as string;
    };
    const freeSeats = async (slot: number) =>
      (await t.call('GET', '/api/v1/offices/PHA-ZUK/slots?from=2026-03-03&to=2026-03-04')).body.find(
        (s: { id: string }) => s.id === slots[slot]!.id,
      ).free as number;

    before(async () => {
      t = await startTestApp(await tier.open(), { now: '2026-03-02T08:00:00Z' });
      await setOfficeHours(t.handle.db, 'PHA-ZUK', DEMO_HOURS);
      const r = await t.call('POST', '/api/v1/offices/PHA-ZUK/slots', {
        as: 'sylva',
        body: { from: '2026-03-03', to: '2026-03-04', minutes: 60, capacity: 3 },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      slots = (await t.call('GET', '/api/v1/offices/PHA-ZUK/slots?from=2026-03-03&to=2026-03-04')).body;
    });
    after(() => t.close());

    test('the register shows a visa with its holder and ground; staff find a holder’s visas by passport and birth date', async () => {
      const holder = await grant('RG0000001');
      const v = await t.call('GET', `/api/v1/visas/${holder.visaNumber}`, { as: 'bruno' });
      assert.equal(v.status, 200, JSON.stringify(v.body));
      assert.equal(v.body.holder.passportNumber, 'RG0000001');
      assert.equal(v.body.holder.dateOfBirth, holder.dateOfBirth);
      assert.deepEqual(v.body.ground, { basis: 'tolerance_visa', ground: '33-1-a', officeId: 'PHA-ZUK' });
      assert.deepEqual(v.body.stickers, []);
      assert.equal(v.body.cancellation, null);

      const search = (body: object, as?: string) => t.call('POST', '/api/v1/visas/search', { ...(as ? { as } : {}), body });
      const found = await search({ passportNumber: 'RG0000001', dateOfBirth: holder.dateOfBirth }, 'olga');
      assert.equal(found.status, 200, JSON.stringify(found.body));
      assert.deepEqual(
        found.body.map((x: { visaNumber: string }) => x.visaNumber),
        [holder.visaNumber],
      );
      assert.equal(found.body[0].basis, 'tolerance_visa');
      const wrongDob = await search({ passportNumber: 'RG0000001', dateOfBirth: '1990-01-01' }, 'olga');
      assert.deepEqual(wrongDob.body, []);
      assert.equal((await search({ passportNumber: 'rg-1', dateOfBirth: '1990-01-01' }, 'olga')).status, 400);
      assert.equal((await search({ passportNumber: 'RG0000001', dateOfBirth: holder.dateOfBirth })).status, 401);
      assert.equal((await search({ passportNumber: 'RG0000001', dateOfBirth: holder.dateOfBirth }, 'adam')).status, 403);
      // The old lookup with personal data in the URL is gone, and says where it went.
      const old = await t.call('GET', '/api/v1/visas?passportNumber=RG0000009&dateOfBirth=1990-01-01', { as: 'olga' });
      assert.equal(old.status, 410);
      assert.equal(old.body.code, 'VISA.LOOKUP_MOVED');
      const audits = await t.handle.db.selectFrom('audit_events').select(['after']).where('action', '=', 'visa.search').execute();
      assert.equal(audits.length, 2);
      assert.equal(JSON.stringify(audits).includes('RG0000001'), false, 'the passport number stays out of the audit');
    });

    test('a sticker affixed at a booked appointment is kept with the visa and the appointment is marked attended', async () => {
      const holder = await grant('ST0000001');
      const code = await book(holder, 0);
      t.clock.set('2026-03-03T07:10:00Z');
      const elsewhere = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/stickers`, {
        as: 'bruno',
        body: { appointmentCode: code },
      });
      assert.equal(elsewhere.status, 409, 'the appointment is at PHA-ZUK, not at Brno');
      const r = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/stickers`, {
        as: 'olga',
        body: { appointmentCode: code, stickerNumber: 'CZE1234567' },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(r.body.stickers, [
        { code: 'D/VS/91', number: 'CZE1234567', affixedOn: '2026-03-03', officeId: 'PHA-ZUK', appointment: code },
      ]);
      const a = await t.handle.db.selectFrom('appointments').select('status').where('code', '=', code).executeTakeFirstOrThrow();
      assert.equal(a.status, 'attended');
      const again = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/stickers`, { as: 'olga', body: { appointmentCode: code } });
      assert.equal(again.status, 404, 'an attended appointment is not booked any more');
      // A walk-in at another office needs no appointment.
      const walkIn = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/stickers`, { as: 'bruno', body: {} });
      assert.equal(walkIn.status, 201, JSON.stringify(walkIn.body));
      assert.equal(walkIn.body.stickers.length, 2);
      assert.equal(await count('audit_events', ['action', 'visa.sticker_affixed']), 2);
      const future = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/stickers`, { as: 'olga', body: { affixedOn: '2026-03-04' } });
      assert.equal(future.status, 422);
      assert.equal(future.body.errors[0].field, '/affixedOn');
      assert.equal((await t.call('POST', `/api/v1/visas/${holder.visaNumber}/stickers`, { as: 'adam', body: {} })).status, 403);
      assert.equal((await t.call('POST', '/api/v1/visas/NO-SUCH-VISA/stickers', { as: 'olga', body: {} })).status, 404);
    });

    test('a supervisor cancels a visa: the register, the audit, the change feed, the verification answer and the holder’s booking all follow', async () => {
      const holder = await grant('CN0000001');
      const code = await book(holder, 1);
      assert.equal(await freeSeats(1), 2);
      const api = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'VZP', kind: 'health_insurance' } });
      const feedBefore = await t.call('GET', '/api/v1/authority/events?after=0&limit=1000', { headers: { 'x-api-key': api.body.apiKey } });

      assert.equal(
        (await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, { as: 'olga', body: { ground: 'holder_request' } })).status,
        403,
        'an officer may not cancel',
      );
      assert.equal(
        (await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, { as: 'adam', body: { ground: 'holder_request' } })).status,
        403,
      );
      const badGround = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, { as: 'sylva', body: { ground: 'because' } });
      assert.equal(badGround.status, 400, JSON.stringify(badGround.body));
      assert.deepEqual(badGround.body.errors, [
        {
          field: '/ground',
          reason: 'NOT_ALLOWED',
          message:
            'must be one of: holder_request, purpose_not_fulfilled, criminal_conviction, false_information, travel_document_invalid, schengen_expulsion, other_statutory',
        },
      ]);
      const future = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, {
        as: 'sylva',
        body: { ground: 'holder_request', cancelledOn: '2026-03-03' },
      });
      assert.equal(future.status, 422);
      assert.equal(future.body.errors[0].field, '/cancelledOn');
      const early = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, {
        as: 'sylva',
        body: { ground: 'holder_request', cancelledOn: '2026-03-01' },
      });
      assert.equal(early.status, 422);
      assert.equal(await count('change_events', ['kind', 'visa.cancelled']), 0, 'refused requests write nothing');

      t.clock.set('2026-03-02T12:00:00Z');
      const r = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, { as: 'sylva', body: { ground: 'holder_request' } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'cancelled');
      assert.deepEqual(r.body.cancellation, { on: '2026-03-02', ground: 'holder_request' });
      assert.equal(await count('audit_events', ['action', 'visa.cancelled']), 1);
      const booking = await t.handle.db.selectFrom('appointments').select('status').where('code', '=', code).executeTakeFirstOrThrow();
      assert.equal(booking.status, 'cancelled', 'the holder’s sticker appointment is released');
      assert.equal(await freeSeats(1), 3);

      const feed = await t.call('GET', `/api/v1/authority/events?after=${feedBefore.body.next}`, {
        headers: { 'x-api-key': api.body.apiKey },
      });
      const ev = feed.body.events.filter((e: { kind: string }) => e.kind === 'visa.cancelled');
      assert.equal(ev.length, 1);
      assert.equal(ev[0].visaNumber, holder.visaNumber);
      assert.equal(ev[0].status, 'cancelled');
      assert.equal(ev[0].cancelledOn, '2026-03-02');

      const now = await t.call('POST', '/api/v1/authority/verify', {
        headers: { 'x-api-key': api.body.apiKey },
        body: { visaNumber: holder.visaNumber },
      });
      assert.equal(now.body.status, 'cancelled');
      assert.equal(now.body.cancelledOn, '2026-03-02');

      const twice = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, { as: 'sylva', body: { ground: 'holder_request' } });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'VISA.ALREADY_CANCELLED');
      assert.equal(await count('change_events', ['kind', 'visa.cancelled']), 1);
      const sticker = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/stickers`, { as: 'olga', body: {} });
      assert.equal(sticker.status, 409);
      assert.equal(sticker.body.code, 'VISA.NOT_IN_FORCE');
    });

    test('a visa is judged on the day asked: before its cancellation date it was valid', async () => {
      const holder = await grant('CN0000002');
      t.clock.set('2026-03-05T09:00:00Z');
      const r = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, {
        as: 'sylva',
        body: { ground: 'false_information', cancelledOn: '2026-03-04' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const api = await t.call('POST', '/api/v1/admin/authorities', { as: 'adam', body: { name: 'ÚP', kind: 'labour_office' } });
      const ask = (asOf: string) =>
        t.call('POST', '/api/v1/authority/verify', {
          headers: { 'x-api-key': api.body.apiKey },
          body: { visaNumber: holder.visaNumber, asOf },
        });
      assert.equal((await ask('2026-03-03')).body.status, 'valid');
      assert.equal((await ask('2026-03-04')).body.status, 'cancelled');
    });

    test('two cancellations at once: one wins, the other gets 409, one change event', async () => {
      const holder = await grant('CN0000003');
      const before = await count('change_events', ['kind', 'visa.cancelled']);
      const replies = await Promise.all(
        [0, 1, 2].map(() =>
          t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, { as: 'sylva', body: { ground: 'purpose_not_fulfilled' } }),
        ),
      );
      assert.deepEqual(replies.map((r) => r.status).sort(), [200, 409, 409]);
      assert.equal((await count('change_events', ['kind', 'visa.cancelled'])) - before, 1);
    });

    test('staff of another office cannot cancel', async () => {
      const holder = await grant('CN0000004');
      const other = await t.call('POST', `/api/v1/visas/${holder.visaNumber}/cancel`, { as: 'bruno', body: { ground: 'holder_request' } });
      assert.equal(other.status, 403, 'an officer of Brno: no permission and not the office');
    });
  });
}
