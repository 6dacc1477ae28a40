/**
 * What was typed at the counter against what the MRZ says. Names compare in the MRZ's own form
 * (capitals A–Z, diacritics stripped — or Ä Ö Ü Å as AE OE UE AA — apostrophes dropped, hyphens
 * as spaces; a Cyrillic name by the passport system of the nationality); a cut MRZ name matches by
 * prefix. Nothing is overwritten here: the caller fills only what was left out.
 */
import { passportSpelling } from '../names/passport-spelling.ts';
import type { ParsedMrz } from './parse-mrz.ts';

export interface TypedIdentity {
  surname?: string;
  givenNames?: string;
  passportNumber?: string;
  dateOfBirth?: string;
  nationality?: string;
  passportExpiresOn?: string;
}

export type IdentityField = keyof TypedIdentity;

export interface MrzMismatch {
  field: IdentityField;
  typed: string;
  mrz: string;
}

const GERMANIC: Record<string, string> = { Ä: 'AE', Ö: 'OE', Ü: 'UE', Å: 'AA' };

/** The MRZ forms a typed name may take (ICAO allows Ä → A or AE, and so on). */
export function mrzNameForms(typed: string, nationality: string): string[] {
  const forms = new Set<string>();
  const base = (() => {
    try {
      return passportSpelling(typed, nationality);
    } catch {
      return typed.toUpperCase();
    }
  })();
  const up = typed.normalize('NFC').toUpperCase();
  for (const t of [base, up.replace(/[ÄÖÜÅ]/g, (c) => GERMANIC[c] ?? c)]) {
    forms.add(
      t
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/['ʼ’]/g, '')
        .replace(/[^A-Z]+/g, ' ')
        .trim(),
    );
  }
  return [...forms];
}

function sameName(typed: string, mrz: string, nationality: string, truncated: boolean): boolean {
  return mrzNameForms(typed, nationality).some((t) => t === mrz || (truncated && t.startsWith(mrz)));
}

const docNo = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function compareWithMrz(typed: TypedIdentity, mrz: ParsedMrz): MrzMismatch[] {
  const out: MrzMismatch[] = [];
  const nat = typed.nationality ?? mrz.nationality;
  if (typed.surname !== undefined && !sameName(typed.surname, mrz.surname, nat, mrz.nameTruncated))
    out.push({ field: 'surname', typed: typed.surname, mrz: mrz.surname });
  if (typed.givenNames !== undefined && !sameName(typed.givenNames, mrz.givenNames, nat, mrz.nameTruncated))
    out.push({ field: 'givenNames', typed: typed.givenNames, mrz: mrz.givenNames });
  if (typed.passportNumber !== undefined && docNo(typed.passportNumber) !== docNo(mrz.documentNumber))
    out.push({ field: 'passportNumber', typed: typed.passportNumber, mrz: mrz.documentNumber });
  if (typed.dateOfBirth !== undefined && mrz.birthDate !== null && typed.dateOfBirth !== mrz.birthDate)
    out.push({ field: 'dateOfBirth', typed: typed.dateOfBirth, mrz: mrz.birthDate });
  if (typed.nationality !== undefined && typed.nationality !== mrz.nationality)
    out.push({ field: 'nationality', typed: typed.nationality, mrz: mrz.nationality });
  if (typed.passportExpiresOn !== undefined && mrz.expiryDate !== null && typed.passportExpiresOn !== mrz.expiryDate)
    out.push({ field: 'passportExpiresOn', typed: typed.passportExpiresOn, mrz: mrz.expiryDate });
  return out;
}
