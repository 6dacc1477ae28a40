import { LetterInputError } from './letter.errors.ts';
import { formatCzechDate, parseIsoDate } from './czech-format.ts';
import type { LetterBlock, LetterInput, LetterWording } from './letter.types.ts';

/** What is applied for, as it follows "žádost"/"žádosti"; the statutory name of the visa (§ 33 Act 326/1999 Coll.). */
export const VISA_APPLICATION_OBJECT = 'o udělení víza k pobytu nad 90 dnů za účelem strpění pobytu na území';

/** The tolerance visa's wording: the default of every letter. */
export const TOLERANCE_WORDING: LetterWording = {
  applicationObject: VISA_APPLICATION_OBJECT,
  grantStatement: 'Vízum k pobytu nad 90 dnů za účelem strpění pobytu na území bylo uděleno',
  // Rights as stated by MV/refugee.info (seed, facts.md § 1.1); not yet checked against the statute.
  rights: [
    'Vízum samo neopravňuje k výkonu zaměstnání. Pracovat můžete pouze s povolením k zaměstnání, o které je nutné požádat Úřad práce České republiky.',
    'Vízum nezakládá účast ve veřejném zdravotním pojištění.',
    'Vízum nezakládá nárok na humanitární dávku ani na jinou pomoc od státu.',
    'S platným vízem můžete vycestovat z území České republiky a znovu se na ně vrátit.',
  ],
  collection:
    'Vízový štítek si převezměte osobně na pracovišti ministerstva ({office}). Vezměte s sebou cestovní doklad, do kterého bude štítek vlepen.',
};

/** The wording of the letter's case type. */
export function wordingOf(input: LetterInput): LetterWording {
  return input.wording ?? TOLERANCE_WORDING;
}

/** What is applied for, in the letter's case type's words. */
export function applicationObject(input: LetterInput): string {
  return requireText(wordingOf(input).applicationObject, '/wording/applicationObject');
}

export const heading = (text: string): LetterBlock => ({ type: 'heading', text });
export const paragraph = (text: string): LetterBlock => ({ type: 'paragraph', text });
export const bullet = (text: string): LetterBlock => ({ type: 'bullet', text });

/** A non-empty trimmed string, or a LetterInputError naming the field (JSON pointer into LetterInput). */
export function requireText(value: string | null | undefined, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw LetterInputError.of(field, 'REQUIRED', `${field} must be a non-empty string`);
  return text;
}

/** An ISO date printed the Czech way, or a LetterInputError naming the field. */
export function requireDate(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || !parseIsoDate(value)) {
    throw LetterInputError.of(field, 'INVALID_DATE', `${field} must be an ISO date YYYY-MM-DD`);
  }
  return formatCzechDate(value);
}

/** Kind-specific data; missing data is an input error, not a letter with holes. */
export function requireKindData<T>(value: T | null | undefined, field: string, kind: string): T {
  if (value === null || value === undefined) {
    throw LetterInputError.of(field, 'REQUIRED_FOR_KIND', `${field} is required for a '${kind}' letter`);
  }
  return value;
}

/** Closes a sentence that ends with a citation without doubling a final period ("… Sb." + "."). */
export function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** Splits free text written by an officer into paragraphs at line breaks, dropping empty lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The identification of the applicant used inside decisions (§ 68(2) Act 500/2004 Coll. names the participant). */
export function describeApplicant(input: LetterInput): string {
  const a = input.addressee;
  return `${requireText(a.fullName, '/addressee/fullName')}, nar. ${requireDate(a.dateOfBirth, '/addressee/dateOfBirth')}, státní občanství: ${requireText(a.nationality, '/addressee/nationality')}`;
}

/** Letterhead, reference, place and date, addressee: the same on every letter. */
export function buildHeaderBlocks(input: LetterInput): LetterBlock[] {
  const address = input.office.address?.trim();
  const a = input.addressee;
  return [
    heading('Ministerstvo vnitra'),
    heading('Odbor azylové a migrační politiky'),
    paragraph(requireText(input.office.name, '/office/name')),
    ...(address ? [paragraph(address)] : []),
    paragraph(`Č. j.: ${requireText(input.reference, '/reference')}`),
    // "Praha dne …" avoids declining the place name ("V Praze"), which cannot be done reliably for any place.
    paragraph(`${requireText(input.placeOfIssue, '/placeOfIssue')} dne ${requireDate(input.issuedOn, '/issuedOn')}`),
    heading('Adresát'),
    paragraph(requireText(a.fullName, '/addressee/fullName')),
    paragraph(`datum narození: ${requireDate(a.dateOfBirth, '/addressee/dateOfBirth')}`),
    paragraph(`státní občanství: ${requireText(a.nationality, '/addressee/nationality')}`),
    paragraph(requireText(a.address, '/addressee/address')),
  ];
}

/** How many blocks the signature takes at the end of every letter; the renderer sets them apart. */
export const SIGNATURE_BLOCK_COUNT = 3;

/** Signature block; the stamp itself is applied on paper, so the letter only leaves its place. */
export function buildFooterBlocks(input: LetterInput): LetterBlock[] {
  return [
    paragraph(requireText(input.officer.displayName, '/officer/displayName')),
    paragraph(requireText(input.officer.role, '/officer/role')),
    paragraph('otisk úředního razítka'),
  ];
}
