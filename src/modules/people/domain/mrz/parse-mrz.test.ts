// MRZ specimens with real state codes (stack-2.md: the ICAO `UTO` is not in the package's state
// table), valid and with each check digit corrupted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithMrz } from './compare.ts';
import { checkDigit, corrupt, td1, td3 } from './mrz-specimens.ts';
import { type MrzResult, parseMrz } from './parse-mrz.ts';

const asOf = '2026-12-02';
const problemsOf = (r: MrzResult) => (r.ok ? [] : r.problems.map((p) => `${p.field}:${p.reason}`));
const ok = (r: MrzResult) => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.mrz;
};

const UKR = td3({
  surname: 'SHEVCHENKO',
  givenNames: 'OLEKSANDR',
  documentNumber: 'FE123456',
  issuingState: 'UKR',
  nationality: 'UKR',
  birth: '850314',
  sex: 'M',
  expiry: '320101',
});
const RUS = td3({
  surname: 'IVANOVA',
  givenNames: 'IULIIA',
  documentNumber: '751234567',
  issuingState: 'RUS',
  nationality: 'RUS',
  birth: '920701',
  sex: 'F',
  expiry: '300615',
});
const BLR = td3({
  surname: 'KANDRATSENKA',
  givenNames: 'SIARHEI',
  documentNumber: 'MP1234567',
  issuingState: 'BLR',
  nationality: 'BLR',
  birth: '780101',
  sex: 'M',
  expiry: '290909',
  personalNumber: '3010178A001PB1',
});
const DEU = td3({
  surname: 'MUELLER',
  givenNames: 'JUERGEN',
  documentNumber: 'C01X00T47',
  issuingState: 'D',
  nationality: 'D',
  birth: '640812',
  sex: 'M',
  expiry: '310131',
});
const UKR_ID = td1({
  surname: 'IVANOVA-IZHAK',
  givenNames: 'YULIIA',
  documentNumber: '001234567',
  issuingState: 'UKR',
  nationality: 'UKR',
  birth: '040229',
  sex: 'F',
  expiry: '310101',
});
/** ICAO Doc 9303's own specimen passport with UKR for the fictional UTO. */
const ICAO_TD3 = ['P<UKRERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UKR7408122F1204159ZE184226B<<<<<10'];

test('check digits of the specimen builder agree with ICAO Doc 9303’s worked specimen', () => {
  assert.equal(checkDigit('L898902C3'), '6');
  assert.equal(checkDigit('740812'), '2');
  assert.equal(checkDigit('120415'), '9');
});

test('a Ukrainian passport (TD3): every field parsed, two-digit years read against the date', () => {
  assert.deepEqual(ok(parseMrz(UKR, { asOf })), {
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'UKR',
    surname: 'SHEVCHENKO',
    givenNames: 'OLEKSANDR',
    nameTruncated: false,
    documentNumber: 'FE123456',
    nationality: 'UKR',
    birthDate: '1985-03-14',
    sex: 'M',
    expiryDate: '2032-01-01',
    personalNumber: null,
  });
});

test('Russian, Belarusian and German (D) passports and the ICAO specimen are valid', () => {
  const r = ok(parseMrz(RUS, { asOf }));
  assert.deepEqual([r.surname, r.givenNames, r.nationality, r.birthDate, r.sex], ['IVANOVA', 'IULIIA', 'RUS', '1992-07-01', 'F']);
  const b = ok(parseMrz(BLR, { asOf }));
  assert.deepEqual(
    [b.surname, b.documentNumber, b.personalNumber, b.expiryDate],
    ['KANDRATSENKA', 'MP1234567', '3010178A001PB1', '2029-09-09'],
  );
  const d = ok(parseMrz(DEU, { asOf }));
  assert.deepEqual([d.nationality, d.issuingState], ['DEU', 'DEU']);
  const e = ok(parseMrz(ICAO_TD3, { asOf }));
  assert.deepEqual(
    [e.surname, e.givenNames, e.birthDate, e.expiryDate, e.documentNumber],
    ['ERIKSSON', 'ANNA MARIA', '1974-08-12', '2012-04-15', 'L898902C3'],
  );
});

test('a Ukrainian identity card (TD1): three lines, a hyphenated surname, born on 29 Feb 2004', () => {
  const r = ok(parseMrz(UKR_ID, { asOf }));
  assert.deepEqual(
    [r.format, r.documentCode, r.surname, r.givenNames, r.documentNumber, r.birthDate, r.expiryDate],
    ['TD1', 'I', 'IVANOVA IZHAK', 'YULIIA', '001234567', '2004-02-29', '2031-01-01'],
  );
});

test('TD3: each check digit corrupted is refused naming its field', () => {
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR, 1, 9), { asOf })), ['documentNumber:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR, 1, 19), { asOf })), ['birthDate:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR, 1, 27), { asOf })), ['expiryDate:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  assert.deepEqual(problemsOf(parseMrz(corrupt(BLR, 1, 42), { asOf })), ['personalNumber:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR, 1, 43), { asOf })), ['composite:CHECK_DIGIT']);
  // a digit of the data itself (the birth day) breaks its check digit
  assert.deepEqual(problemsOf(parseMrz(corrupt(RUS, 1, 18), { asOf })), ['birthDate:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  const r = parseMrz(corrupt(UKR, 1, 19), { asOf });
  assert.ok(!r.ok && r.problems[0]!.message === 'Birth date check digit: invalid check digit: 0. Must be 9' && r.problems[0]!.line === 1);
});

test('TD1: each check digit corrupted is refused naming its field', () => {
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR_ID, 0, 14), { asOf })), ['documentNumber:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR_ID, 1, 6), { asOf })), ['birthDate:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR_ID, 1, 14), { asOf })), ['expiryDate:CHECK_DIGIT', 'composite:CHECK_DIGIT']);
  assert.deepEqual(problemsOf(parseMrz(corrupt(UKR_ID, 1, 29), { asOf })), ['composite:CHECK_DIGIT']);
});

test('unknown state codes (the ICAO UTO), impossible dates and wrong shapes are refused by name', () => {
  assert.deepEqual(
    problemsOf(
      parseMrz(
        ICAO_TD3.map((l) => l.replace('UKR', 'UTO')),
        { asOf },
      ),
    ),
    ['issuingState:UNKNOWN_STATE', 'nationality:UNKNOWN_STATE'],
  );
  const feb29 = td1({
    surname: 'A',
    givenNames: 'B',
    documentNumber: '001234567',
    issuingState: 'UKR',
    nationality: 'UKR',
    birth: '050229',
    sex: 'F',
    expiry: '310101',
  });
  assert.deepEqual(problemsOf(parseMrz(feb29, { asOf })), ['birthDate:INVALID']);
  assert.deepEqual(problemsOf(parseMrz([UKR[0]!, UKR[1]!.slice(0, 43)], { asOf })), ['format:FORMAT']);
  assert.deepEqual(problemsOf(parseMrz(['hello'], { asOf })), ['format:FORMAT']);
  assert.deepEqual(problemsOf(parseMrz([UKR[0]!.replace('<', '#'), UKR[1]!], { asOf })), ['format:FORMAT']);
});

test('as typed or scanned: one string with line breaks, spaces, lower case, a Cyrillic Р for P', () => {
  const typed = `р<ukr${UKR[0]!.slice(5, 20)} ${UKR[0]!.slice(20)}\r\n  ${UKR[1]!.toLowerCase()}\n`;
  assert.equal(ok(parseMrz(typed, { asOf })).documentNumber, 'FE123456');
});

test('centuries: a birth date is never after the day it is read; an expiry may be', () => {
  const young = td3({
    surname: 'A',
    givenNames: 'B',
    documentNumber: 'FE000001',
    issuingState: 'UKR',
    nationality: 'UKR',
    birth: '261231',
    sex: 'F',
    expiry: '361231',
  });
  const r = ok(parseMrz(young, { asOf }));
  assert.equal(r.birthDate, '1926-12-31');
  assert.equal(r.expiryDate, '2036-12-31');
  assert.equal(ok(parseMrz(young, { asOf: '2027-01-01' })).birthDate, '2026-12-31');
});

test('a long name cut at the end of the line is marked, and matches the typed name by prefix', () => {
  const long = td3({
    surname: 'KOSTIANTYNOPOLSKA-VOLODYMYRIVSKA',
    givenNames: 'OLEKSANDRA',
    documentNumber: 'FE000002',
    issuingState: 'UKR',
    nationality: 'UKR',
    birth: '900101',
    sex: 'F',
    expiry: '300101',
  });
  const r = ok(parseMrz(long, { asOf }));
  assert.equal(r.nameTruncated, true);
  assert.deepEqual(compareWithMrz({ surname: 'Kostiantynopolska-Volodymyrivska', givenNames: 'Oleksandra' }, r), []);
});

test('compareWithMrz: what was typed against the MRZ, each difference named', () => {
  const r = ok(parseMrz(UKR, { asOf }));
  assert.deepEqual(
    compareWithMrz(
      {
        surname: 'Shevchenko',
        givenNames: 'OLEKSANDR',
        passportNumber: 'fe 123456',
        dateOfBirth: '1985-03-14',
        nationality: 'UKR',
        passportExpiresOn: '2032-01-01',
      },
      r,
    ),
    [],
  );
  // a Cyrillic name is compared by the passport system of the nationality
  assert.deepEqual(compareWithMrz({ surname: 'Шевченко', givenNames: 'Олександр' }, r), []);
  assert.deepEqual(
    compareWithMrz(
      { surname: 'Ševčenko', givenNames: 'Aleksandr', passportNumber: 'FE123457', dateOfBirth: '1985-04-13', nationality: 'RUS' },
      r,
    ),
    [
      // the Czech transcription is not the passport's spelling: flagged
      { field: 'surname', typed: 'Ševčenko', mrz: 'SHEVCHENKO' },
      { field: 'givenNames', typed: 'Aleksandr', mrz: 'OLEKSANDR' },
      { field: 'passportNumber', typed: 'FE123457', mrz: 'FE123456' },
      { field: 'dateOfBirth', typed: '1985-04-13', mrz: '1985-03-14' },
      { field: 'nationality', typed: 'RUS', mrz: 'UKR' },
    ],
  );
  // hyphens and Germanic umlauts in the MRZ's own form
  assert.deepEqual(compareWithMrz({ surname: 'Ivanova-Izhak' }, ok(parseMrz(UKR_ID, { asOf }))), []);
  assert.deepEqual(compareWithMrz({ surname: 'Müller', givenNames: 'Jürgen', nationality: 'DEU' }, ok(parseMrz(DEU, { asOf }))), []);
});
