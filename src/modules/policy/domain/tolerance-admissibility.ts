/**
 * Admissibility of a tolerance-visa application (§ 33(1)(a), § 34 Act 326/1999 Coll.; the seed's
 * checklist). A missing item, a missing or short fee, or a fee not paid in duty stamps makes the
 * application inadmissible: no proceedings start and everything is returned (facts §1.1, FRS glossary).
 */
import { isValidIsoDate, InvalidDateError } from '../../calendar/index.ts';
import type { Parameter, PolicyBundle } from './bundle.types.ts';
import { valueOn, type UsedParameter } from './lookup.ts';

export type PaymentMethod = 'duty_stamps' | 'cash' | 'card' | 'none';

export interface ToleranceChecklist {
  applicationForm: {
    submitted: boolean;
    /** As attested by the officer: the form is filled in Czech. */
    inCzech: boolean;
    /** The form's text fields as written by the applicant, keyed by field name. */
    fields: Record<string, string>;
  };
  passport: { submitted: boolean };
  photo: { submitted: boolean };
  fee: { method: PaymentMethod; amountCzk: number };
  affidavit: { submitted: boolean; notarised: boolean };
}

export type MissingItemCode =
  | 'FORM_MISSING'
  | 'FORM_NOT_CAPITAL_LATIN'
  | 'FORM_NOT_IN_CZECH'
  | 'PASSPORT_MISSING'
  | 'PHOTO_MISSING'
  | 'FEE_MISSING'
  | 'FEE_SHORT'
  | 'FEE_METHOD_NOT_ACCEPTED'
  | 'AFFIDAVIT_MISSING'
  | 'AFFIDAVIT_NOT_NOTARISED';

export interface MissingItem {
  code: MissingItemCode;
  field?: string;
  expected?: number;
  paid?: number;
}

export interface AdmissibilityResult {
  admissible: boolean;
  missing: MissingItem[];
  filedOn: string;
  /** Stamps worth more than the fee are accepted; the difference is not refunded (facts §2.5). */
  overpaidCzk: number;
  parameters: UsedParameter<unknown>[];
}

/** Capital letters of the Czech Latin alphabet, digits and the punctuation of names and addresses. */
const CAPITAL_LATIN = /^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9 .,'’()/:;\n-]*$/u;

export function isCapitalLatin(raw: string): boolean {
  // Decomposed diacritics (S + combining caron) are the same letters: compare in composed form.
  const text = raw.normalize('NFC');
  return CAPITAL_LATIN.test(text) && /[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9]/u.test(text);
}

/** Pure: the fee is read from `bundle` (policy/rules.ts defaults it to the policy in policy/). */
export function assessToleranceAdmissibilityIn(bundle: PolicyBundle, c: ToleranceChecklist, filedOn: string): AdmissibilityResult {
  if (!isValidIsoDate(filedOn)) throw new InvalidDateError(filedOn, 'expected YYYY-MM-DD');
  const feeParam = bundle.parameters['tolerance_visa.fee'] as Parameter<{ amount_czk: number; methods: string[] }> | undefined;
  if (!feeParam) throw new Error('policy parameter tolerance_visa.fee is missing from the bundle');
  const fee = valueOn(feeParam, filedOn);
  const missing: MissingItem[] = [];

  if (!c.applicationForm.submitted) {
    missing.push({ code: 'FORM_MISSING' });
  } else {
    for (const [field, text] of Object.entries(c.applicationForm.fields)) {
      if (!isCapitalLatin(text)) missing.push({ code: 'FORM_NOT_CAPITAL_LATIN', field });
    }
    if (!c.applicationForm.inCzech) missing.push({ code: 'FORM_NOT_IN_CZECH' });
  }
  if (!c.passport.submitted) missing.push({ code: 'PASSPORT_MISSING' });
  if (!c.photo.submitted) missing.push({ code: 'PHOTO_MISSING' });

  const required = fee.value.amount_czk;
  let overpaidCzk = 0;
  if (c.fee.method === 'none' || !Number.isInteger(c.fee.amountCzk) || c.fee.amountCzk <= 0) {
    // Not a whole, positive number of crowns (NaN, fractions, zero): no fee was paid.
    missing.push({ code: 'FEE_MISSING', expected: required, paid: 0 });
  } else if (!(fee.value.methods as readonly string[]).includes(c.fee.method)) {
    missing.push({ code: 'FEE_METHOD_NOT_ACCEPTED', expected: required, paid: 0 });
  } else if (c.fee.amountCzk < required) {
    missing.push({ code: 'FEE_SHORT', expected: required, paid: c.fee.amountCzk });
  } else {
    overpaidCzk = c.fee.amountCzk - required;
  }

  if (!c.affidavit.submitted) missing.push({ code: 'AFFIDAVIT_MISSING' });
  else if (!c.affidavit.notarised) missing.push({ code: 'AFFIDAVIT_NOT_NOTARISED' });

  return { admissible: missing.length === 0, missing, filedOn, overpaidCzk, parameters: [fee] };
}
