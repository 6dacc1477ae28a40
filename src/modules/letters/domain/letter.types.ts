/** Which official letter is produced. Each kind carries its own data on `LetterInput`. */
export type LetterKind = 'return' | 'grant' | 'refusal' | 'discontinuation' | 'interruption';

/** Why an application is inadmissible; each code becomes one bullet of the 'return' letter. */
export type MissingItemCode =
  | 'FORM_MISSING'
  | 'FORM_NOT_CAPITAL_LATIN'
  | 'FORM_NOT_IN_CZECH'
  | 'PASSPORT_MISSING'
  | 'PASSPORT_EXPIRED'
  | 'PHOTO_MISSING'
  | 'FEE_MISSING'
  | 'FEE_SHORT'
  | 'FEE_METHOD_NOT_ACCEPTED'
  | 'AFFIDAVIT_MISSING'
  | 'AFFIDAVIT_NOT_NOTARISED';

export interface MissingItem {
  code: MissingItemCode;
  /** Form field concerned; required for FORM_NOT_CAPITAL_LATIN. */
  field?: string;
  /** Fee due in CZK; required for FEE_SHORT. */
  expected?: number;
  /** Fee actually paid in CZK; required for FEE_SHORT. */
  paid?: number;
}

export interface LetterInput {
  kind: LetterKind;
  /** Case reference (číslo jednací), e.g. "OAM-000123/PHA-2026". */
  reference: string;
  /** ISO date 'YYYY-MM-DD'. */
  issuedOn: string;
  placeOfIssue: string;
  office: { name: string; address: string | null };
  addressee: { fullName: string; dateOfBirth: string; nationality: string; address: string };
  officer: { displayName: string; role: string };
  /** Provision the application is decided under, e.g. "§ 33 odst. 1 písm. a) zákona č. 326/1999 Sb., …". */
  legalBasis: string;
  /** ISO date the application was received. */
  receivedOn: string;
  missingItems?: MissingItem[];
  visa?: { number: string; code: string; validFrom: string; validTo: string };
  /** appealDays comes from the policy module (the appeal period is a legal period). */
  refusal?: { reasons: string; legalGround: string; appealDays: number };
  discontinuation?: { reason: 'withdrawn' | 'other'; legalGround: string; note?: string };
  interruption?: { requested: string; respondBy: string; legalGround: string };
  /** The case type's own words; the tolerance visa's when absent. */
  wording?: LetterWording;
}

/**
 * What differs between the letters of one case type and another: what is applied for (as it follows
 * "žádost"), what a grant states, the rights listed under the grant, and where the sticker is collected
 * (`{office}` stands for the office's name and address).
 */
export interface LetterWording {
  applicationObject: string;
  grantStatement: string;
  rights: readonly string[];
  collection: string;
}

/**
 * One block of a letter in reading order. Exactly one 'heading' block carries the same text as
 * `LetterContent.title`; the renderer gives that one the title style.
 */
export interface LetterBlock {
  type: 'heading' | 'paragraph' | 'bullet';
  text: string;
}

/** The whole wording of a letter, free of layout; rendering is done elsewhere (render/). */
export interface LetterContent {
  title: string;
  blocks: LetterBlock[];
}
