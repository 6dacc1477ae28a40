// Properties of the statutory clock over the whole supported calendar (2000..2099).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, diffDays } from './civil-date.ts';
import { isWorkingDay } from './working-days.ts';
import { computeStatutoryDeadline, deemedDeliveryDate, periodEnd } from './deadlines.ts';

const anyDate = fc.integer({ min: 0, max: 98 * 365 }).map((n) => addDays('2000-01-01', n));
const days = fc.integer({ min: 1, max: 400 });

test('property: periodEnd is a working day, never before trigger + days, at most 5 days after', () => {
  // 5 = the longest run of days of rest: Sat 22 – Wed 26 Dec when Christmas Eve is a Monday.
  fc.assert(
    fc.property(anyDate, days, (t, n) => {
      const end = periodEnd(t, n);
      assert.ok(isWorkingDay(end));
      const shift = diffDays(addDays(t, n), end);
      assert.ok(shift >= 0 && shift <= 5, `${t} + ${n} → ${end}`);
    }),
    { numRuns: 2000 },
  );
});

test('property: deemed delivery with shift is a working day, not before the unshifted day', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (ready, n) => {
      const shifted = deemedDeliveryDate(ready, n, true);
      const plain = deemedDeliveryDate(ready, n, false);
      assert.ok(isWorkingDay(shifted));
      assert.ok(plain <= shifted);
      assert.equal(plain, addDays(ready, n));
    }),
    { numRuns: 1000 },
  );
});

test('property: without interruptions the deadline is periodEnd', () => {
  fc.assert(
    fc.property(anyDate, days, (t, n) => {
      const r = computeStatutoryDeadline({ receivedOn: t, periodDays: n, minDaysAfterResume: 15, interruptions: [] });
      assert.equal(r.dueOn, periodEnd(t, n));
    }),
  );
});

test('property: a closed interruption never shortens the deadline and respects the floor', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 1, max: 90 }), fc.nat(100), fc.nat(60), fc.nat(30), (t, n, startOffset, length, floorDays) => {
      const from = addDays(t, startOffset);
      const to = addDays(from, length);
      const r = computeStatutoryDeadline({ receivedOn: t, periodDays: n, minDaysAfterResume: floorDays, interruptions: [{ from, to }] });
      const plain = periodEnd(t, n);
      assert.ok(r.dueOn !== null && r.dueOn >= plain);
      assert.ok(isWorkingDay(r.dueOn));
      if (from <= plain) {
        assert.ok(r.dueOn >= addDays(to, floorDays));
        assert.equal(r.pausedDays, length);
        assert.ok(diffDays(t, r.dueOn) >= n + length); // the paused days are added on top
      } else {
        assert.equal(r.dueOn, plain); // a deadline already missed is not revived
      }
    }),
  );
});
