/**
 * What the person types on the form page (personal fields, never stored or logged) and what the
 * navigator already knows (nationality, the route). Every personal field but the two names may be
 * left empty: an unknown field is printed blank, to fill by hand.
 */
import type { Locale } from '../../../platform/i18n.ts';

export type Sex = 'M' | 'F';
export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';

export const SEXES: readonly Sex[] = ['M', 'F'];
export const MARITAL_STATUSES: readonly MaritalStatus[] = ['single', 'married', 'divorced', 'widowed'];

export interface ApplicantDetails {
  /** In the person's script (Cyrillic or Latin). */
  surname: string;
  givenNames: string;
  /** The spelling printed in the passport, when the person gives it: it wins over the computed one. */
  passportSurname?: string;
  passportGivenNames?: string;
  /** Former surnames, separated by commas. */
  formerSurnames?: string;
  sex?: Sex;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  placeOfBirth?: string;
  countryOfBirth?: string;
  maritalStatus?: MaritalStatus;
  passportNumber?: string;
  /** YYYY-MM-DD */
  passportIssuedOn?: string;
  /** YYYY-MM-DD */
  passportValidTo?: string;
  passportIssuedBy?: string;
  /** Home address abroad. */
  address?: string;
  addressInCzechia?: string;
}

/** The text fields of the page, in the order the page shows them (dates and choices included). */
export const APPLICANT_FIELDS = [
  'surname',
  'givenNames',
  'passportSurname',
  'passportGivenNames',
  'formerSurnames',
  'sex',
  'dateOfBirth',
  'placeOfBirth',
  'countryOfBirth',
  'maritalStatus',
  'passportNumber',
  'passportIssuedOn',
  'passportValidTo',
  'passportIssuedBy',
  'address',
  'addressInCzechia',
] as const satisfies readonly (keyof ApplicantDetails)[];

export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

/** The route the documents are for; only the tolerance visa has them today. */
export type DocumentPurpose = 'tolerance_visa';

export interface DocumentRequest {
  applicant: ApplicantDetails;
  /** The navigator's answer (UKR, RUS, BLR, OTHER), or null when not answered: decides the passport's transliteration. */
  nationality: string | null;
  purpose: DocumentPurpose;
  /** The person's language: printed beside the Czech. */
  locale: Locale;
  /** Today (YYYY-MM-DD, Prague), from the clock: the PDF's creation date. */
  today: string;
}
