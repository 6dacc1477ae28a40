import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApplicantDetails, DocumentRequest } from './applicant.ts';
import { buildAffidavit, BLANK } from './affidavit.ts';
import { buildVisaForm, formValues } from './visa-form.ts';

const olena: ApplicantDetails = { surname: 'Шевченко', givenNames: 'Олена', sex: 'F' };
const req = (applicant: ApplicantDetails, nationality: string | null, locale: DocumentRequest['locale'] = 'uk'): DocumentRequest => ({
  applicant,
  nationality,
  locale,
  purpose: 'tolerance_visa',
  today: '2026-12-02',
});
const value = (r: DocumentRequest, id: string) => buildVisaForm(r).rows.find((x) => x.id === id)!.value;

test('a Cyrillic name is spelt by the system of the passport: Ukrainian national, Russian ICAO, Belarusian ICAO', () => {
  // The same letters give three spellings: Г is H in the Ukrainian and Belarusian tables, G in the Russian one;
  // И is Y in the Ukrainian, I in the Russian.
  const a = { surname: 'Григоренко', givenNames: 'Юлія' };
  assert.equal(formValues(a, 'UKR').surname, 'HRYHORENKO');
  assert.equal(formValues(a, 'UKR').givenNames, 'YULIIA');
  assert.equal(formValues({ surname: 'Григорьев', givenNames: 'Юлия' }, 'RUS').surname, 'GRIGOREV');
  assert.equal(formValues({ surname: 'Григорьев', givenNames: 'Юлия' }, 'RUS').givenNames, 'IULIIA');
  assert.equal(formValues({ surname: 'Лукашэнка', givenNames: 'Аляксандр' }, 'BLR').givenNames, 'ALIAKSANDR');
  assert.equal(formValues({ surname: 'Ігар', givenNames: 'Святлана' }, 'BLR').surname, 'IHAR');
  assert.equal(formValues({ surname: 'Щербак', givenNames: 'Сергій' }, 'UKR').givenNames, 'SERHII');
});

test('the passport’s own spelling wins over the computed one, in capitals', () => {
  const a = { surname: 'Шевченко', givenNames: 'Олександр', passportSurname: 'Shevchenko', passportGivenNames: 'oleksandre' };
  const v = formValues(a, 'UKR');
  assert.equal(v.surname, 'SHEVCHENKO');
  assert.equal(v.givenNames, 'OLEKSANDRE');
  // Only one of the two given: the other is computed.
  assert.equal(formValues({ surname: 'Юрченко', givenNames: 'Андрій', passportGivenNames: 'Andriy' }, 'UKR').surname, 'YURCHENKO');
  assert.equal(formValues({ surname: 'Юрченко', givenNames: 'Андрій', passportGivenNames: 'Andriy' }, 'UKR').givenNames, 'ANDRIY');
  const form = buildVisaForm(req(a, 'UKR'));
  assert.match(form.namesNote, /з паспорта/);
  assert.match(buildVisaForm(req(olena, 'UKR')).namesNote, /українська національна транслітерація/);
});

test('every value is in CAPITAL LATIN LETTERS: Cyrillic places transliterated, a Czech address keeps its diacritics', () => {
  const a: ApplicantDetails = {
    ...olena,
    placeOfBirth: 'Київ',
    countryOfBirth: 'Україна',
    address: 'вул. Хрещатик 1, кв. 5, Київ',
    addressInCzechia: 'Žižkova 1234/5, Praha 3',
    passportIssuedBy: '8012',
    formerSurnames: 'Іваненко, Петренко',
  };
  const v = formValues(a, 'UKR');
  assert.equal(v.placeOfBirth, 'KYIV');
  assert.equal(v.countryOfBirth, 'UKRAINA');
  assert.equal(v.homeAddress, 'VUL. KHRESHCHATYK 1, KV. 5, KYIV');
  assert.equal(v.addressInCzechia, 'ŽIŽKOVA 1234/5, PRAHA 3');
  assert.equal(v.formerSurnames, 'IVANENKO, PETRENKO');
  for (const x of Object.values(v)) assert.doesNotMatch(x, /[\p{Script=Cyrillic}\p{Ll}]/u, x);
});

test('what the navigator and the person gave fills its item; everything else is left blank', () => {
  const r = req(olena, 'UKR');
  const form = buildVisaForm(r);
  assert.deepEqual(form.rows.map((x) => x.number).filter(Boolean), [
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '10',
    '11',
    '12',
    '13',
    '14',
    '15',
  ]);
  assert.equal(value(r, 'citizenship'), 'UKRAJINA');
  assert.equal(value(r, 'sex'), 'ŽENA');
  assert.match(value(r, 'purpose'), /^STRPĚNÍ POBYTU NA ÚZEMÍ \(§ 33 ODST\. 1 PÍSM\. A\)/);
  for (const id of [
    'formerSurnames',
    'dateOfBirth',
    'placeOfBirth',
    'maritalStatus',
    'docType',
    'docNumber',
    'homeAddress',
    'lengthOfStay',
  ])
    assert.equal(value(r, id), '', id);
  // Another state: citizenship blank, the name by the ICAO table.
  assert.equal(value(req({ surname: 'Popescu', givenNames: 'Ana' }, 'OTHER'), 'citizenship'), '');
  assert.equal(value(req({ surname: 'Popescu', givenNames: 'Ana' }, 'OTHER'), 'surname'), 'POPESCU');
});

test('dates in the Czech way, marital status and sex in Czech forms for a man, a woman, or both', () => {
  const a: ApplicantDetails = {
    surname: 'Коваль',
    givenNames: 'Іван',
    dateOfBirth: '1990-04-02',
    maritalStatus: 'married',
    passportNumber: 'FX123456',
    passportIssuedOn: '2019-05-01',
    passportValidTo: '2029-05-01',
  };
  assert.equal(formValues({ ...a, sex: 'M' }, 'UKR').maritalStatus, 'ŽENATÝ');
  assert.equal(formValues({ ...a, sex: 'F' }, 'UKR').maritalStatus, 'VDANÁ');
  assert.equal(formValues(a, 'UKR').maritalStatus, 'ŽENATÝ/VDANÁ');
  const v = formValues(a, 'UKR');
  assert.equal(v.dateOfBirth, '2. 4. 1990');
  assert.equal(v.docType, 'CESTOVNÍ PAS');
  assert.equal(v.docValidTo, '1. 5. 2029');
});

test('labels: Czech as on the form, the person’s language beside them (none beside Czech)', () => {
  const uk = buildVisaForm(req(olena, 'UKR', 'uk'));
  assert.equal(uk.rows[0]!.labelCs, 'Příjmení');
  assert.equal(uk.rows[0]!.labelLocal, 'Прізвище, як у паспорті');
  assert.equal(uk.title.cs, 'Žádost o udělení víza k pobytu nad 90 dnů');
  const cs = buildVisaForm(req(olena, 'UKR', 'cs'));
  assert.equal(cs.rows[0]!.labelLocal, null);
  assert.equal(cs.title.local, null);
});

test('the affidavit: Czech with the person’s language, particulars in capitals, blanks for the unknown and for the notary', () => {
  const aff = buildAffidavit(req(olena, 'UKR', 'ru'));
  assert.equal(aff.title.cs, 'Čestné prohlášení');
  assert.equal(aff.intro.cs, 'Já, níže podepsaná');
  assert.match(aff.body[0]!.cs, /žila před začátkem války/);
  assert.match(aff.body[0]!.local!, /Украину/);
  assert.deepEqual(
    aff.particulars.slice(0, 3).map((p) => p.value),
    ['SHEVCHENKO', 'OLENA', BLANK],
  );
  assert.ok(aff.notary.every((n) => n.cs.includes(BLANK)));
  assert.match(aff.notaryTitle.cs, /vyplní notář/);
  const unknownSex = buildAffidavit(req({ surname: 'Коваль', givenNames: 'Іван' }, 'UKR', 'cs'));
  assert.equal(unknownSex.intro.cs, 'Já, níže podepsaný/á');
  assert.equal(unknownSex.body[0]!.local, null);
});
