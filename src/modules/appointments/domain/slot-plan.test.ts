import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSlots, pragueInstant } from './slot-plan.ts';

const hours = [
  { weekday: 1, opens: '08:00', closes: '10:00' },
  { weekday: 3, opens: '08:00', closes: '09:00' },
];

test('slots fall on opening hours of working days only (Easter Monday 2026 is skipped)', () => {
  // Mon 30 Mar → Wed 8 Apr 2026; Mon 6 Apr is Easter Monday.
  const s = planSlots(hours, '2026-03-30', '2026-04-08', 30);
  assert.deepEqual([...new Set(s.map((x) => x.date))], ['2026-03-30', '2026-04-01', '2026-04-08']);
  assert.deepEqual(
    s.filter((x) => x.date === '2026-03-30').map((x) => x.time),
    ['08:00', '08:30', '09:00', '09:30'],
  );
});

test('Prague wall-clock times become the right instants in winter and summer', () => {
  assert.equal(pragueInstant('2026-01-12', '08:00').toISOString(), '2026-01-12T07:00:00.000Z');
  assert.equal(pragueInstant('2026-07-13', '08:00').toISOString(), '2026-07-13T06:00:00.000Z');
});
