import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_ACTIONS, foldCase, isAllowed, type ActionPayload } from './case-model.ts';

const intake: ActionPayload = { type: 'intake', receivedOn: '2024-03-01', admissible: true, missing: [] };

test('an admissible intake opens the case under assessment', () => {
  const s = foldCase([intake]);
  assert.equal(s.status, 'under_assessment');
  assert.deepEqual(s.interruptions, []);
});

test('an inadmissible intake allows only letter steps', () => {
  const s = foldCase([{ ...intake, admissible: false, missing: [{ code: 'PHOTO_MISSING' }] }]);
  assert.equal(s.status, 'inadmissible');
  assert.equal(isAllowed('inadmissible', 'grant'), false);
  assert.deepEqual([...ALLOWED_ACTIONS.inadmissible], ['letter_posted', 'letter_delivery']);
});

test('interrupt and resume record the clock stop; a decision ends the case', () => {
  const s = foldCase([
    intake,
    { type: 'interrupt', on: '2024-03-10', requested: 'x', respondBy: '2024-03-25' },
    { type: 'resume', on: '2024-03-20' },
    { type: 'grant', on: '2024-03-28', visaNumber: 'V1', visaCode: 'D/VS/91', validFrom: '2024-03-28', validTo: '2025-03-27' },
  ]);
  assert.equal(s.status, 'granted');
  assert.equal(s.decidedOn, '2024-03-28');
  assert.deepEqual(s.interruptions, [{ from: '2024-03-10', to: '2024-03-20' }]);
});

test('a decision while interrupted is not in the table; withdrawal is and closes the interruption', () => {
  const interrupted = [intake, { type: 'interrupt', on: '2024-03-10', requested: 'x', respondBy: '2024-03-25' } as ActionPayload];
  assert.throws(() => foldCase([...interrupted, { type: 'refuse', on: '2024-03-12', reasons: 'r', legalGround: 'g' }]));
  const s = foldCase([...interrupted, { type: 'withdraw', on: '2024-03-12' }]);
  assert.equal(s.status, 'withdrawn');
  assert.deepEqual(s.interruptions, [{ from: '2024-03-10', to: '2024-03-12' }]);
});

test('nothing but letters follows a final decision', () => {
  for (const st of ['granted', 'refused', 'withdrawn', 'discontinued'] as const) {
    for (const a of ['interrupt', 'resume', 'grant', 'refuse', 'withdraw', 'discontinue', 'intake'] as const) {
      assert.equal(isAllowed(st, a), false, `${a} after ${st}`);
    }
  }
});
