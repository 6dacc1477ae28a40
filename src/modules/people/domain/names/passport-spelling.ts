/**
 * The name as a passport of the given state would print it: CAPITAL LATIN letters, hyphens and
 * spaces kept, no apostrophes or diacritics (ICAO Doc 9303 visual zone). The spelling actually
 * printed in a person's passport always wins over this computed one — callers pass it when known.
 */
import { type NameSystem, passportSystemFor } from './systems.ts';
import { NameCharacterError, transliterate } from './transliterate.ts';

const LATIN_EXTRA: Record<string, string> = { ß: 'SS', Ø: 'OE', Æ: 'AE', Œ: 'OE', Ł: 'L', Đ: 'D', Þ: 'TH', Ð: 'D' };

export interface PassportSpellingOptions {
  /** Another system than the current one of the state (an older passport). */
  system?: NameSystem;
}

export function passportSpelling(text: string, nationality: string, opts: PassportSpellingOptions = {}): string {
  const system = opts.system ?? passportSystemFor(nationality);
  const out = transliterate(text, system)
    .replace(/'/g, '')
    .toUpperCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßØÆŒŁĐÞÐ]/g, (c) => LATIN_EXTRA[c] ?? c);
  for (const c of out) if (!/[A-Z -]/.test(c)) throw new NameCharacterError(c);
  return out;
}
