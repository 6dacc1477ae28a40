/**
 * Values in CAPITAL LATIN LETTERS, as the form is filled in (facts §5.1, the ÚJOP guide). Names are
 * spelt as the person's passport prints them (people's `passportSpelling`: Ukrainian national, Russian
 * ICAO, Belarusian ICAO by nationality) unless the passport's own spelling is given, which wins.
 * Free text (places, addresses, the issuing authority) keeps its Latin words as typed — a Czech
 * address keeps its háčky and čárky — and transliterates its Cyrillic words by the same system.
 */
import { passportSpelling } from '../../people/index.ts';

/** A name or place word of any script the passport systems know; digits and punctuation are refused. */
export function formName(typed: string, nationality: string | null, passport?: string): string {
  if (passport?.trim()) return passportLatin(passport);
  return passportSpelling(collapse(typed), nationality ?? 'OTHER');
}

/** Several former surnames, comma-separated, each spelt as a passport would. */
export function formNames(typed: string, nationality: string | null): string {
  return typed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => formName(s, nationality))
    .join(', ');
}

/** The passport's own spelling as typed, upper case (Latin letters, spaces, hyphens, apostrophes only). */
export function passportLatin(text: string): string {
  const out = collapse(text).toUpperCase();
  if (!isPassportLatin(out)) throw new RangeError('not a Latin passport spelling');
  return out;
}

export const isPassportLatin = (text: string) => /^[\p{Script=Latin}' -]+$/u.test(collapse(text));

const CYRILLIC_RUN = /[\p{Script=Cyrillic}]+(?:['’ʼ][\p{Script=Cyrillic}]+)*/gu;
const FREE_TEXT = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\d\s.,/'’ʼ()"„“:;#№-]*$/u;

/** Characters a free-text field may hold (any Latin or Cyrillic letter, digits and address punctuation). */
export const isFreeText = (text: string) => FREE_TEXT.test(text);

/** Free text in capital Latin letters: Cyrillic words by the passport's system, the rest as typed. */
export function formText(typed: string, nationality: string | null): string {
  return collapse(typed)
    .replace(/№/g, 'č.')
    .replace(CYRILLIC_RUN, (word) => passportSpelling(word, nationality ?? 'OTHER'))
    .toUpperCase();
}

function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
