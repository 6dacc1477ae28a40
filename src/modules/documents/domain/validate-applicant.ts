/**
 * The form page's fields checked, each with the reason it is refused (the page words the reason in
 * the person's language, beside the field). Pure: `today` comes from the caller's clock.
 */
import { isValidIsoDate } from '../../calendar/index.ts';
import { NameCharacterError } from '../../people/index.ts';
import {
  APPLICANT_FIELDS,
  type ApplicantDetails,
  type ApplicantField,
  MARITAL_STATUSES,
  type MaritalStatus,
  SEXES,
  type Sex,
} from './applicant.ts';
import { formName, formNames, isFreeText, isPassportLatin } from './latin.ts';

export type ApplicantProblem =
  | 'required'
  | 'too_long'
  | 'characters'
  | 'latin'
  | 'date'
  | 'future'
  | 'expiry_before_issue'
  | 'passport_number'
  | 'choice';

export interface ApplicantFieldError {
  field: ApplicantField;
  problem: ApplicantProblem;
}

export type ApplicantResult = { ok: true; applicant: ApplicantDetails } | { ok: false; errors: ApplicantFieldError[] };

/** Longest value a field takes (the form's boxes are short; an address may run to two lines). */
export const MAX_LENGTH: Record<ApplicantField, number> = {
  surname: 80,
  givenNames: 80,
  passportSurname: 80,
  passportGivenNames: 80,
  formerSurnames: 160,
  sex: 1,
  dateOfBirth: 10,
  placeOfBirth: 80,
  countryOfBirth: 60,
  maritalStatus: 10,
  passportNumber: 20,
  passportIssuedOn: 10,
  passportValidTo: 10,
  passportIssuedBy: 80,
  address: 160,
  addressInCzechia: 160,
};

const DATES = ['dateOfBirth', 'passportIssuedOn', 'passportValidTo'] as const;
const NAMES = ['surname', 'givenNames'] as const;
const FREE = ['placeOfBirth', 'countryOfBirth', 'passportIssuedBy', 'address', 'addressInCzechia'] as const;

/** Checks the raw form body (strings; anything else is ignored) against the passport's nationality. */
export function validateApplicant(raw: Record<string, unknown>, nationality: string | null, today: string): ApplicantResult {
  const v: Partial<Record<ApplicantField, string>> = {};
  for (const f of APPLICANT_FIELDS) {
    const x = raw[f];
    if (typeof x === 'string' && x.trim()) v[f] = x.trim();
  }
  const errors: ApplicantFieldError[] = [];
  const fail = (field: ApplicantField, problem: ApplicantProblem) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, problem });
  };

  for (const f of APPLICANT_FIELDS) if ((v[f]?.length ?? 0) > MAX_LENGTH[f]) fail(f, 'too_long');
  for (const f of NAMES) {
    const value = v[f];
    if (!value) fail(f, 'required');
    else if (!errors.some((e) => e.field === f)) {
      try {
        formName(value, nationality);
      } catch (e) {
        if (!(e instanceof NameCharacterError)) throw e;
        fail(f, 'characters');
      }
    }
  }
  for (const f of ['passportSurname', 'passportGivenNames'] as const) if (v[f] && !isPassportLatin(v[f])) fail(f, 'latin');
  if (v.formerSurnames) {
    try {
      formNames(v.formerSurnames, nationality);
    } catch (e) {
      if (!(e instanceof NameCharacterError)) throw e;
      fail('formerSurnames', 'characters');
    }
  }
  for (const f of FREE) if (v[f] && !isFreeText(v[f])) fail(f, 'characters');
  for (const f of DATES) if (v[f] && !isValidIsoDate(v[f])) fail(f, 'date');
  if (v.dateOfBirth && isValidIsoDate(v.dateOfBirth) && v.dateOfBirth > today) fail('dateOfBirth', 'future');
  if (v.passportIssuedOn && isValidIsoDate(v.passportIssuedOn) && v.passportIssuedOn > today) fail('passportIssuedOn', 'future');
  if (
    v.passportIssuedOn &&
    v.passportValidTo &&
    isValidIsoDate(v.passportIssuedOn) &&
    isValidIsoDate(v.passportValidTo) &&
    v.passportValidTo <= v.passportIssuedOn
  )
    fail('passportValidTo', 'expiry_before_issue');
  if (v.passportNumber && !/^[A-Z0-9]{4,20}$/.test(v.passportNumber.replace(/\s+/g, '').toUpperCase()))
    fail('passportNumber', 'passport_number');
  if (v.sex && !(SEXES as readonly string[]).includes(v.sex)) fail('sex', 'choice');
  if (v.maritalStatus && !(MARITAL_STATUSES as readonly string[]).includes(v.maritalStatus)) fail('maritalStatus', 'choice');

  if (errors.length) {
    const order = (f: ApplicantField) => APPLICANT_FIELDS.indexOf(f);
    return { ok: false, errors: errors.sort((a, b) => order(a.field) - order(b.field)) };
  }
  const { sex, maritalStatus, ...rest } = v;
  return {
    ok: true,
    applicant: {
      ...rest,
      surname: v.surname!,
      givenNames: v.givenNames!,
      ...(v.passportNumber ? { passportNumber: v.passportNumber.replace(/\s+/g, '').toUpperCase() } : {}),
      ...(sex ? { sex: sex as Sex } : {}),
      ...(maritalStatus ? { maritalStatus: maritalStatus as MaritalStatus } : {}),
    },
  };
}
