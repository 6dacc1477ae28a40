import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateApplicant } from './validate-applicant.ts';

const today = '2026-12-02';

test('only the two names are required; empty fields are dropped, the rest kept trimmed', () => {
  assert.deepEqual(validateApplicant({}, 'UKR', today), {
    ok: false,
    errors: [
      { field: 'surname', problem: 'required' },
      { field: 'givenNames', problem: 'required' },
    ],
  });
  const r = validateApplicant(
    { surname: ' Шевченко ', givenNames: 'Олена', placeOfBirth: '  ', passportNumber: 'fx 123 456', sex: 'F' },
    'UKR',
    today,
  );
  assert.deepEqual(r, { ok: true, applicant: { surname: 'Шевченко', givenNames: 'Олена', passportNumber: 'FX123456', sex: 'F' } });
});

test('each refusal names its field and its reason', () => {
  const r = validateApplicant(
    {
      surname: 'Шевченко1',
      givenNames: 'Олена',
      passportSurname: 'Шевченко',
      dateOfBirth: '2030-01-01',
      passportIssuedOn: '2020-02-30',
      passportNumber: 'FX-1',
      placeOfBirth: 'Київ <script>',
      sex: 'X',
      maritalStatus: 'other',
      address: 'x'.repeat(161),
    },
    'UKR',
    today,
  );
  assert.equal(r.ok, false);
  assert.deepEqual(!r.ok && r.errors, [
    { field: 'surname', problem: 'characters' },
    { field: 'passportSurname', problem: 'latin' },
    { field: 'sex', problem: 'choice' },
    { field: 'dateOfBirth', problem: 'future' },
    { field: 'placeOfBirth', problem: 'characters' },
    { field: 'maritalStatus', problem: 'choice' },
    { field: 'passportNumber', problem: 'passport_number' },
    { field: 'passportIssuedOn', problem: 'date' },
    { field: 'address', problem: 'too_long' },
  ]);
});

test('a passport that expires before it was issued is refused on its expiry', () => {
  const r = validateApplicant(
    { surname: 'A', givenNames: 'B', passportIssuedOn: '2020-01-01', passportValidTo: '2019-01-01' },
    'UKR',
    today,
  );
  assert.deepEqual(!r.ok && r.errors, [{ field: 'passportValidTo', problem: 'expiry_before_issue' }]);
});
