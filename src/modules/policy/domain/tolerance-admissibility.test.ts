// Admissibility of a tolerance-visa application: a case table a policy officer can read.
//
// Each row starts from a COMPLETE application (all five items of the seed's checklist, CZK 300 in
// duty stamps) and says only what is different. `missing` is the exact list the applicant is told
// about, in the order the letter lists them: form, passport, photo, fee, affidavit.
//
// Sources: § 33(1)(a), § 34 Act 326/1999 Coll.; the seed shared/seeds/tolerance-visa.txt;
// facts.md § 1.1 (inadmissibility → everything returned), § 2.5 (duty stamps only, no refund of
// overpayment), § 5.2 (CZK 300 unverified [U]).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCapitalLatin, type MissingItem, type PaymentMethod, type ToleranceChecklist } from './tolerance-admissibility.ts';
import { assessToleranceAdmissibility } from '../rules.ts';
import { NoRuleInForceError } from './lookup.ts';

/** An ordinary filing date inside the fee window (Thu 2 May 2024). */
const FILED = '2024-05-02';

/** The form as a complete application has it: capital Latin letters, Czech. */
const COMPLETE_FIELDS: Record<string, string> = {
  Příjmení: 'SHEVCHENKO',
  'Jméno (jména)': 'OLENA',
  'Datum narození': '14.03.1985',
  'Adresa pobytu na území ČR': 'NA PŘÍKOPĚ 12, PRAHA 1',
};

function completeApplication(): ToleranceChecklist {
  return {
    applicationForm: { submitted: true, inCzech: true, fields: { ...COMPLETE_FIELDS } },
    passport: { submitted: true },
    photo: { submitted: true },
    fee: { method: 'duty_stamps', amountCzk: 300 },
    affidavit: { submitted: true, notarised: true },
  };
}

/** What differs from the complete application. `fields` are merged into the complete form's fields. */
interface Differences {
  form?: { submitted?: boolean; inCzech?: boolean; fields?: Record<string, string> };
  passport?: boolean;
  photo?: boolean;
  fee?: { method: PaymentMethod; amountCzk: number };
  affidavit?: { submitted?: boolean; notarised?: boolean };
}

type Expected = { admissible: boolean; missing: MissingItem[]; overpaidCzk?: number } | { noRuleInForce: true };

interface Row {
  name: string;
  filedOn: string;
  differences: Differences;
  expected: Expected;
}

function applicationWith(d: Differences): ToleranceChecklist {
  const c = completeApplication();
  if (d.form) {
    const { fields, ...rest } = d.form;
    c.applicationForm = { ...c.applicationForm, ...rest, fields: { ...c.applicationForm.fields, ...fields } };
  }
  if (d.passport !== undefined) c.passport = { submitted: d.passport };
  if (d.photo !== undefined) c.photo = { submitted: d.photo };
  if (d.fee) c.fee = d.fee;
  if (d.affidavit) c.affidavit = { ...c.affidavit, ...d.affidavit };
  return c;
}

const ADMISSIBLE: Expected = { admissible: true, missing: [] };

const rows: Row[] = [
  // ---- The complete application ------------------------------------------------------------
  { name: 'complete application', filedOn: FILED, differences: {}, expected: ADMISSIBLE },

  // ---- One item missing ----------------------------------------------------------------------
  {
    name: 'no application form',
    filedOn: FILED,
    differences: { form: { submitted: false } },
    expected: { admissible: false, missing: [{ code: 'FORM_MISSING' }] },
  },
  {
    name: 'no passport',
    filedOn: FILED,
    differences: { passport: false },
    expected: { admissible: false, missing: [{ code: 'PASSPORT_MISSING' }] },
  },
  {
    name: 'no passport photograph',
    filedOn: FILED,
    differences: { photo: false },
    expected: { admissible: false, missing: [{ code: 'PHOTO_MISSING' }] },
  },
  {
    name: 'no affidavit (čestné prohlášení)',
    filedOn: FILED,
    differences: { affidavit: { submitted: false, notarised: false } },
    expected: { admissible: false, missing: [{ code: 'AFFIDAVIT_MISSING' }] },
  },
  {
    name: 'affidavit brought but not made before a notary (practice, not statute: facts § 1.1 [P])',
    filedOn: FILED,
    differences: { affidavit: { notarised: false } },
    expected: { admissible: false, missing: [{ code: 'AFFIDAVIT_NOT_NOTARISED' }] },
  },
  {
    name: 'form filled in, but not in Czech',
    filedOn: FILED,
    differences: { form: { inCzech: false } },
    expected: { admissible: false, missing: [{ code: 'FORM_NOT_IN_CZECH' }] },
  },

  // ---- The fee: CZK 300 in duty stamps (kolkové známky) -------------------------------------
  {
    name: 'fee: nothing paid',
    filedOn: FILED,
    differences: { fee: { method: 'none', amountCzk: 0 } },
    expected: { admissible: false, missing: [{ code: 'FEE_MISSING', expected: 300, paid: 0 }] },
  },
  {
    name: 'fee: duty stamps worth CZK 0',
    filedOn: FILED,
    differences: { fee: { method: 'duty_stamps', amountCzk: 0 } },
    expected: { admissible: false, missing: [{ code: 'FEE_MISSING', expected: 300, paid: 0 }] },
  },
  {
    name: 'fee: stamps worth CZK 299, one crown short',
    filedOn: FILED,
    differences: { fee: { method: 'duty_stamps', amountCzk: 299 } },
    expected: { admissible: false, missing: [{ code: 'FEE_SHORT', expected: 300, paid: 299 }] },
  },
  {
    name: 'fee: stamps worth exactly CZK 300',
    filedOn: FILED,
    differences: { fee: { method: 'duty_stamps', amountCzk: 300 } },
    expected: { admissible: true, missing: [], overpaidCzk: 0 },
  },
  {
    name: 'fee: stamps worth CZK 500 — accepted; the CZK 200 difference is not refunded (facts § 2.5)',
    filedOn: FILED,
    differences: { fee: { method: 'duty_stamps', amountCzk: 500 } },
    expected: { admissible: true, missing: [], overpaidCzk: 200 },
  },
  {
    name: 'fee: CZK 300 in cash — not accepted at MV offices (facts § 2.5)',
    filedOn: FILED,
    differences: { fee: { method: 'cash', amountCzk: 300 } },
    expected: { admissible: false, missing: [{ code: 'FEE_METHOD_NOT_ACCEPTED', expected: 300, paid: 0 }] },
  },
  {
    name: 'fee: CZK 300 by card — not accepted at MV offices (facts § 2.5)',
    filedOn: FILED,
    differences: { fee: { method: 'card', amountCzk: 300 } },
    expected: { admissible: false, missing: [{ code: 'FEE_METHOD_NOT_ACCEPTED', expected: 300, paid: 0 }] },
  },

  // ---- The form's fields: capital letters of the Latin alphabet ------------------------------
  {
    name: 'form: given name in lowercase "Olena" — the field is named',
    filedOn: FILED,
    differences: { form: { fields: { 'Jméno (jména)': 'Olena' } } },
    expected: { admissible: false, missing: [{ code: 'FORM_NOT_CAPITAL_LATIN', field: 'Jméno (jména)' }] },
  },
  {
    name: 'form: given name in Cyrillic "ОЛЕНА"',
    filedOn: FILED,
    differences: { form: { fields: { 'Jméno (jména)': 'ОЛЕНА' } } },
    expected: { admissible: false, missing: [{ code: 'FORM_NOT_CAPITAL_LATIN', field: 'Jméno (jména)' }] },
  },
  {
    name: 'form: Czech capitals with diacritics "ŠEVČENKOVÁ" are capital Latin',
    filedOn: FILED,
    differences: { form: { fields: { Příjmení: 'ŠEVČENKOVÁ' } } },
    expected: ADMISSIBLE,
  },
  {
    name: 'form: address "ŽUKOVSKÉHO 888/2, PRAHA 6" (digits, slash, comma) is capital Latin',
    filedOn: FILED,
    differences: { form: { fields: { 'Adresa pobytu na území ČR': 'ŽUKOVSKÉHO 888/2, PRAHA 6' } } },
    expected: ADMISSIBLE,
  },
  {
    name: 'form: an empty field fails',
    filedOn: FILED,
    differences: { form: { fields: { Příjmení: '' } } },
    expected: { admissible: false, missing: [{ code: 'FORM_NOT_CAPITAL_LATIN', field: 'Příjmení' }] },
  },
  {
    name: 'form: two bad fields are both named, in the order they appear on the form',
    filedOn: FILED,
    differences: { form: { fields: { Příjmení: 'Shevchenko', 'Adresa pobytu na území ČR': 'Na Příkopě 12' } } },
    expected: {
      admissible: false,
      missing: [
        { code: 'FORM_NOT_CAPITAL_LATIN', field: 'Příjmení' },
        { code: 'FORM_NOT_CAPITAL_LATIN', field: 'Adresa pobytu na území ČR' },
      ],
    },
  },
  {
    name: 'form not brought: its fields are not checked, only FORM_MISSING is reported',
    filedOn: FILED,
    differences: { form: { submitted: false, inCzech: false, fields: { 'Jméno (jména)': 'Olena' } } },
    expected: { admissible: false, missing: [{ code: 'FORM_MISSING' }] },
  },

  // ---- Several items at once: listed form → passport → photo → fee → affidavit -------------
  {
    name: 'several at once: lowercase name, not in Czech, no photo, paid in cash, affidavit not notarised',
    filedOn: FILED,
    differences: {
      // Deliberately given in a different order from the letter's order.
      affidavit: { notarised: false },
      fee: { method: 'cash', amountCzk: 300 },
      photo: false,
      form: { inCzech: false, fields: { 'Jméno (jména)': 'Olena' } },
    },
    expected: {
      admissible: false,
      missing: [
        { code: 'FORM_NOT_CAPITAL_LATIN', field: 'Jméno (jména)' },
        { code: 'FORM_NOT_IN_CZECH' },
        { code: 'PHOTO_MISSING' },
        { code: 'FEE_METHOD_NOT_ACCEPTED', expected: 300, paid: 0 },
        { code: 'AFFIDAVIT_NOT_NOTARISED' },
      ],
    },
  },
  {
    name: 'several at once: nothing brought at all',
    filedOn: FILED,
    differences: {
      form: { submitted: false },
      passport: false,
      photo: false,
      fee: { method: 'none', amountCzk: 0 },
      affidavit: { submitted: false, notarised: false },
    },
    expected: {
      admissible: false,
      missing: [
        { code: 'FORM_MISSING' },
        { code: 'PASSPORT_MISSING' },
        { code: 'PHOTO_MISSING' },
        { code: 'FEE_MISSING', expected: 300, paid: 0 },
        { code: 'AFFIDAVIT_MISSING' },
      ],
    },
  },
  {
    name: 'several at once: passport missing and fee short',
    filedOn: FILED,
    differences: { passport: false, fee: { method: 'duty_stamps', amountCzk: 200 } },
    expected: {
      admissible: false,
      missing: [{ code: 'PASSPORT_MISSING' }, { code: 'FEE_SHORT', expected: 300, paid: 200 }],
    },
  },

  // ---- The filing date: the fee is read on the day the application is filed ----------------
  // The fee window opens on Thu 24 Feb 2022 (tolerance_visa.fee, to: null).
  {
    name: 'filed Wed 23 Feb 2022, before the fee window opens: no rule in force',
    filedOn: '2022-02-23',
    differences: {},
    expected: { noRuleInForce: true },
  },
  {
    name: 'filed Wed 23 Feb 2022 even with a defective application: still no rule in force (no partial answer)',
    filedOn: '2022-02-23',
    differences: { passport: false },
    expected: { noRuleInForce: true },
  },
  {
    name: 'filed Thu 24 Feb 2022, the first day of the fee window: CZK 300 applies',
    filedOn: '2022-02-24',
    differences: {},
    expected: ADMISSIBLE,
  },
  {
    name: "filed Thu 24 Feb 2022 with CZK 299: short by the window's CZK 300",
    filedOn: '2022-02-24',
    differences: { fee: { method: 'duty_stamps', amountCzk: 299 } },
    expected: { admissible: false, missing: [{ code: 'FEE_SHORT', expected: 300, paid: 299 }] },
  },
  {
    name: 'filed Fri 25 Feb 2022, the day after the window opens',
    filedOn: '2022-02-25',
    differences: {},
    expected: ADMISSIBLE,
  },
];

for (const row of rows) {
  test(`admissibility: ${row.name}`, () => {
    const application = applicationWith(row.differences);
    if ('noRuleInForce' in row.expected) {
      assert.throws(
        () => assessToleranceAdmissibility(application, row.filedOn),
        (e: unknown) => {
          assert.ok(e instanceof NoRuleInForceError);
          assert.equal(e.parameterId, 'tolerance_visa.fee');
          assert.equal(e.date, row.filedOn);
          return true;
        },
      );
      return;
    }
    const result = assessToleranceAdmissibility(application, row.filedOn);
    assert.equal(result.admissible, row.expected.admissible);
    assert.deepEqual(result.missing, row.expected.missing);
    assert.equal(result.overpaidCzk, row.expected.overpaidCzk ?? 0);
    assert.equal(result.filedOn, row.filedOn);
  });
}

test('admissibility: the result records the fee parameter it used, read on the filing date', () => {
  const result = assessToleranceAdmissibility(completeApplication(), FILED);
  assert.equal(result.parameters.length, 1);
  const [fee] = result.parameters;
  assert.equal(fee?.id, 'tolerance_visa.fee');
  assert.equal(fee?.date, FILED);
  assert.deepEqual(fee?.value, { amount_czk: 300, methods: ['duty_stamps'] });
  assert.equal(fee?.source.verification, 'U'); // the fee item of Act 634/2004 is unconfirmed (facts § 5.2)
});

test('admissibility: the checklist passed in is not changed', () => {
  const application = applicationWith({ photo: false, form: { fields: { 'Jméno (jména)': 'Olena' } } });
  const before = structuredClone(application);
  assessToleranceAdmissibility(application, FILED);
  assert.deepEqual(application, before);
});

// ---- isCapitalLatin: what counts as "capital letters, Latin alphabet" -------------------------

const capitalLatinExamples: Array<[text: string, expected: boolean, why: string]> = [
  ['OLENA', true, 'plain capitals'],
  ['ŠEVČENKOVÁ', true, 'Czech capitals with háček and čárka'],
  ['ŽUKOVSKÉHO 888/2, PRAHA 6', true, 'address: digits, slash, comma, space'],
  ['ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ', true, 'every Czech capital with a diacritic'],
  ["O'BRIEN-NOVÁK", true, 'apostrophe and hyphen in a name'],
  ['14.03.1985', true, 'a date written with digits and dots'],
  ['NA PŘÍKOPĚ 12\nPRAHA 1', true, 'an address on two lines'],
  ['Olena', false, 'lowercase letters'],
  ['OLENa', false, 'a single lowercase letter'],
  ['ŠEVčENKOVÁ', false, 'a lowercase č'],
  ['ОЛЕНА', false, 'Cyrillic capitals'],
  ['OLENА', false, 'Latin except the last letter, a Cyrillic А that looks the same'],
  ['MÜLLER', false, 'Ü is not a letter of the Czech alphabet'],
  ['', false, 'empty'],
  ['   ', false, 'only spaces'],
  ['-', false, 'only punctuation'],
];

for (const [text, expected, why] of capitalLatinExamples) {
  test(`isCapitalLatin(${JSON.stringify(text)}) is ${expected}: ${why}`, () => {
    assert.equal(isCapitalLatin(text), expected);
  });
}

test('admissibility: a fee that is not a whole number of crowns counts as unpaid', () => {
  for (const amountCzk of [Number.NaN, Number.POSITIVE_INFINITY, 300.5]) {
    const r = assessToleranceAdmissibility({ ...completeApplication(), fee: { method: 'duty_stamps', amountCzk } }, FILED);
    assert.equal(r.admissible, false, String(amountCzk));
    assert.equal(r.missing[0]?.code, 'FEE_MISSING');
  }
});

test('admissibility: Czech capitals typed in decomposed Unicode are still capital Latin letters', () => {
  assert.equal(isCapitalLatin('ŠEVČENKOVÁ'.normalize('NFD')), true);
});
