/**
 * The machine-readable zone of a passport (TD3, two lines of 44) or an identity card (TD1, three
 * lines of 30), parsed and checked by the `mrz` package: every check digit (document number, birth
 * date, expiry, personal number, composite) and the state codes. A bad field is refused by name;
 * nothing is guessed or autocorrected. Two-digit years are read against `asOf` (a birth date is
 * never in the future; an expiry lies within 50 years either side).
 */
import { parse as parseMrzLines, type Details, type FieldName } from 'mrz';
import { isValidIsoDate, type IsoDate } from '../../../calendar/index.ts';

export type MrzFormat = 'TD3' | 'TD1';

export interface ParsedMrz {
  format: MrzFormat;
  /** P (passport), I / ID / A / C (identity cards), with its second letter if any. */
  documentCode: string;
  issuingState: string;
  /** As in the MRZ: capitals A–Z, parts (hyphen or space in the visual zone) separated by spaces. */
  surname: string;
  givenNames: string;
  /** The MRZ fills a long name to the end of the line and may cut it: compare by prefix then. */
  nameTruncated: boolean;
  documentNumber: string;
  /** ISO 3166 alpha-3 as in the MRZ, except Germany's `D` → `DEU`. */
  nationality: string;
  /** Null when the MRZ leaves the birth date (partly) unknown (`<<`). */
  birthDate: IsoDate | null;
  sex: 'M' | 'F' | 'X';
  expiryDate: IsoDate | null;
  personalNumber: string | null;
}

/** Our names of the MRZ's fields; a problem names one of them. */
export type MrzField =
  | 'format'
  | 'documentCode'
  | 'issuingState'
  | 'surname'
  | 'givenNames'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'personalNumber'
  | 'optional'
  | 'composite';

export interface MrzProblem {
  field: MrzField;
  /** CHECK_DIGIT: the field's check digit does not match; UNKNOWN_STATE; INVALID (the value); FORMAT (the lines). */
  reason: 'CHECK_DIGIT' | 'UNKNOWN_STATE' | 'INVALID' | 'FORMAT';
  /** In English, without the MRZ's content apart from check digits. */
  message: string;
  /** Where: 0-based line and column range, when the package says. */
  line?: number;
  start?: number;
  end?: number;
}

export type MrzResult = { ok: true; mrz: ParsedMrz } | { ok: false; problems: MrzProblem[] };

const FIELD_OF: Partial<Record<FieldName, MrzField>> = {
  documentCode: 'documentCode',
  issuingState: 'issuingState',
  lastName: 'surname',
  firstName: 'givenNames',
  documentNumber: 'documentNumber',
  documentNumberCheckDigit: 'documentNumber',
  nationality: 'nationality',
  birthDate: 'birthDate',
  birthDateCheckDigit: 'birthDate',
  sex: 'sex',
  expirationDate: 'expiryDate',
  expirationDateCheckDigit: 'expiryDate',
  personalNumber: 'personalNumber',
  personalNumberCheckDigit: 'personalNumber',
  compositeCheckDigit: 'composite',
  optional: 'optional',
  optional1: 'optional',
  optional2: 'optional',
};

/** Cyrillic keys that look like MRZ letters (a Ukrainian or Russian keyboard layout left on). */
const LOOKALIKE: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
};

/** The lines as typed or scanned: one string with line breaks or an array; spaces and case ignored. */
export function mrzLines(input: string | readonly string[]): string[] {
  const raw = typeof input === 'string' ? input.split(/\r?\n|\r/) : [...input];
  return raw
    .map((l) =>
      l
        .toUpperCase()
        .replace(/\s+/g, '')
        .replace(/[АВЕКМНОРСТХУІ]/g, (c) => LOOKALIKE[c] ?? c)
        .replace(/[«‹]/g, '<'),
    )
    .filter((l) => l.length > 0);
}

function problemOf(d: Details): MrzProblem {
  const field = (d.field && FIELD_OF[d.field]) || 'format';
  const reason = d.field?.endsWith('CheckDigit')
    ? 'CHECK_DIGIT'
    : d.field === 'nationality' || d.field === 'issuingState'
      ? 'UNKNOWN_STATE'
      : 'INVALID';
  // the package's messages name digits and codes, never the name: "invalid check digit: 3. Must be 2"
  const message = reason === 'UNKNOWN_STATE' ? `${d.label}: not a state code ICAO Doc 9303 knows` : `${d.label}: ${d.error ?? 'invalid'}`;
  return { field, reason, message, line: d.line, start: d.start, end: d.end };
}

function yyMmDd(s: string | null | undefined): { yy: number; mm: string; dd: string } | null {
  if (!s || !/^\d{6}$/.test(s)) return null;
  return { yy: Number(s.slice(0, 2)), mm: s.slice(2, 4), dd: s.slice(4, 6) };
}

function birthDateOf(s: string | null | undefined, asOf: IsoDate): IsoDate | null | 'invalid' {
  if (s && /[<]/.test(s)) return null;
  const p = yyMmDd(s);
  if (!p) return 'invalid';
  const asOfYear = Number(asOf.slice(0, 4));
  let iso = `${2000 + p.yy}-${p.mm}-${p.dd}`;
  if (2000 + p.yy > asOfYear || iso > asOf) iso = `${1900 + p.yy}-${p.mm}-${p.dd}`;
  return isValidIsoDate(iso) ? iso : 'invalid';
}

function expiryDateOf(s: string | null | undefined, asOf: IsoDate): IsoDate | null | 'invalid' {
  const p = yyMmDd(s);
  if (!p) return 'invalid';
  const asOfYear = Number(asOf.slice(0, 4));
  const year = 2000 + p.yy > asOfYear + 50 ? 1900 + p.yy : 2000 + p.yy;
  const iso = `${year}-${p.mm}-${p.dd}`;
  return isValidIsoDate(iso) ? iso : 'invalid';
}

const SEX: Record<string, 'M' | 'F' | 'X'> = { male: 'M', female: 'F', nonspecified: 'X' };
/** MRZ state codes that are not three letters, to their alpha-3 (Doc 9303 Part 3: Germany is `D`). */
const ALPHA3: Record<string, string> = { D: 'DEU' };

/**
 * Parses and checks an MRZ. `asOf` is the day it is read (the receipt date), for the century of
 * two-digit years. Never throws: a malformed input is a `format` problem.
 */
export function parseMrz(input: string | readonly string[], opts: { asOf: IsoDate }): MrzResult {
  const lines = mrzLines(input);
  const shape = lines.map((l) => l.length).join('/');
  if (shape !== '44/44' && shape !== '30/30/30') {
    return {
      ok: false,
      problems: [
        {
          field: 'format',
          reason: 'FORMAT',
          message: `A passport MRZ (TD3) has 2 lines of 44 characters, an identity card's (TD1) 3 lines of 30; this has ${lines.length} line(s) of ${shape || 0}.`,
        },
      ],
    };
  }
  if (lines.some((l) => !/^[A-Z0-9<]+$/.test(l))) {
    return { ok: false, problems: [{ field: 'format', reason: 'FORMAT', message: 'An MRZ has only the letters A–Z, digits and <.' }] };
  }
  let r: ReturnType<typeof parseMrzLines>;
  try {
    r = parseMrzLines(lines);
  } catch (e) {
    return { ok: false, problems: [{ field: 'format', reason: 'FORMAT', message: `Not an MRZ: ${(e as Error).message}` }] };
  }
  if (r.format !== 'TD3' && r.format !== 'TD1') {
    return { ok: false, problems: [{ field: 'format', reason: 'FORMAT', message: `${r.format} is not a passport or identity-card MRZ.` }] };
  }
  const problems = r.details.filter((d) => !d.valid).map(problemOf);
  const f = r.fields;
  const birthDate = birthDateOf(f.birthDate, opts.asOf);
  const expiryDate = expiryDateOf(f.expirationDate, opts.asOf);
  if (birthDate === 'invalid' && !problems.some((p) => p.field === 'birthDate'))
    problems.push({ field: 'birthDate', reason: 'INVALID', message: 'Birth date: not a calendar date' });
  if (expiryDate === 'invalid' && !problems.some((p) => p.field === 'expiryDate'))
    problems.push({ field: 'expiryDate', reason: 'INVALID', message: 'Expiration date: not a calendar date' });
  if (problems.length || birthDate === 'invalid' || expiryDate === 'invalid') return { ok: false, problems };

  // the name field runs to the end of its line when the name was cut to fit
  const nameLine = r.format === 'TD3' ? lines[0]! : lines[2]!;
  const state = (s: string | null | undefined) => ALPHA3[s ?? ''] ?? s ?? '';
  return {
    ok: true,
    mrz: {
      format: r.format,
      documentCode: f.documentCode ?? '',
      issuingState: state(f.issuingState),
      surname: f.lastName ?? '',
      givenNames: f.firstName ?? '',
      nameTruncated: !nameLine.endsWith('<'),
      documentNumber: r.documentNumber ?? f.documentNumber ?? '',
      nationality: state(f.nationality),
      birthDate,
      sex: SEX[f.sex ?? ''] ?? 'X',
      expiryDate,
      personalNumber: f.personalNumber || null,
    },
  };
}
