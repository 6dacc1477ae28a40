/**
 * Cyrillic → Latin for names, by a named system. Packages do the Ukrainian national system
 * (cyrillic-to-translit-js, preset uk) and the Russian ones (iuliia); hand tables do the rest.
 * Every system goes through one wrapper (stack-2.md's traps): the text is normalised (apostrophes
 * ' ʼ ’ → one, dashes → '-', homoglyphs of the other script repaired), split into words on spaces
 * and hyphens, each word transliterated in lower case, then given back the case of its input word
 * (ШЕВЧЕНКО → SHEVCHENKO, Шевченко → Shevchenko). A character no system knows is refused.
 */
import cyrillicToTranslit from 'cyrillic-to-translit-js';
import * as iuliia from 'iuliia';
import { czechWord } from './czech.ts';
import { NAME_SYSTEMS, type NameLanguage, type NameSystem } from './systems.ts';
import { BE_ICAO, CYRILLIC_LETTERS, EN_BE, EN_UK, type Letter, RU_FMS_2010 } from './tables.ts';

/** A character in a name that no system maps (a digit, punctuation, a letter of another script). */
export class NameCharacterError extends Error {
  constructor(readonly character: string) {
    super(
      `a name cannot contain ${JSON.stringify(character)} (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
    );
  }
}

const ukTranslit = (cyrillicToTranslit as unknown as typeof cyrillicToTranslit.default)({ preset: 'uk' });

const CYR = new Set([...CYRILLIC_LETTERS]);
const isCyr = (c: string) => CYR.has(c.toLowerCase());
const isLatin = (c: string) => /\p{Script=Latin}/u.test(c);

/** Latin letters that look like Cyrillic ones and back (facts §3.6: a Cyrillic І inside a Latin name). */
const LAT_TO_CYR: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};
const CYR_TO_LAT: Record<string, string> = Object.fromEntries(Object.entries(LAT_TO_CYR).map(([l, c]) => [c, l]));

/** One apostrophe, one hyphen, single spaces, NFC. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2019\u02BC\u2018\u0060\u00B4\u02B9\u2032]/g, "'")
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .trim();
}

/** Repairs a word typed in two scripts: the minority script's look-alikes go to the majority's. */
export function repairScript(word: string): string {
  const chars = [...word];
  const cyr = chars.filter(isCyr).length;
  const lat = chars.filter(isLatin).length;
  if (cyr === 0 || lat === 0) return word;
  const toCyr = cyr >= lat;
  const table = toCyr ? LAT_TO_CYR : CYR_TO_LAT;
  return chars
    .map((c) => {
      if (toCyr ? !isLatin(c) : !isCyr(c)) return c;
      const m = table[c];
      if (!m) throw new NameCharacterError(c);
      return m;
    })
    .join('');
}

type CaseShape = 'upper' | 'title' | 'lower';

function caseOf(word: string): CaseShape {
  const letters = [...word].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length === 0) return 'lower';
  const upper = letters.filter((c) => c === c.toUpperCase()).length;
  if (letters.length > 1 && upper === letters.length) return 'upper';
  return letters[0] === letters[0]!.toUpperCase() ? 'title' : 'lower';
}

function applyCase(out: string, shape: CaseShape): string {
  if (shape === 'upper') return out.toUpperCase();
  if (shape === 'title') return out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}

function byTable(word: string, table: Record<string, Letter>): string {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const m = table[chars[i]!];
    if (m === undefined) throw new NameCharacterError(chars[i]!);
    const initial = i === 0 || chars[i - 1] === "'";
    out += typeof m === 'string' ? m : initial ? m.initial : m.medial;
  }
  return out;
}

/** Letters outside Russian, for the Russian schemes: by ICAO 9303 for ICAO, by sound for MVD. */
const RU_FOREIGN_ICAO: Record<string, string> = { і: 'и', ї: 'и', є: 'ие', ґ: 'г', ў: 'у', "'": '' };
const RU_FOREIGN_MVD: Record<string, string> = { і: 'и', ї: 'йи', є: 'е', ґ: 'г', ў: 'у', "'": '' };
/** Letters outside Ukrainian, for the Ukrainian system: ы/э by their Ukrainian sound, ъ as the apostrophe. */
const UK_FOREIGN: Record<string, string> = { ы: 'и', э: 'е', ъ: "'", ў: 'у' };

const swap = (word: string, m: Record<string, string>) => [...word].map((c) => m[c] ?? c).join('');

function iuliiaWord(word: string, schema: iuliia.Schema, foreign: Record<string, string>): string {
  // iuliia writes ь/ъ as ' and " in the MVD schemes; a name keeps at most the apostrophe.
  return iuliia.translate(swap(word, foreign), schema).replace(/"/g, "'");
}

/** The language of a Cyrillic text from its letters, or null when the letters do not tell. */
export function detectLanguage(text: string): NameLanguage | null {
  const t = text.toLowerCase();
  if (/ў/.test(t)) return 'be';
  if (/[їєґ]/.test(t)) return 'uk';
  if (/і/.test(t)) return /[ыэёъ]/.test(t) ? 'be' : 'uk';
  if (/[ыэёъ]/.test(t)) return 'ru';
  return null;
}

function wordIn(word: string, system: NameSystem, lang: NameLanguage): string {
  switch (system) {
    case 'ua-national-2010':
      return ukTranslit.transform(swap(word, UK_FOREIGN));
    case 'ru-icao-9303':
      return iuliiaWord(word, iuliia.ICAO_DOC_9303, RU_FOREIGN_ICAO);
    case 'ru-mvd-782':
      return iuliiaWord(word, iuliia.MVD_782, RU_FOREIGN_MVD);
    case 'ru-mvd-310':
      return iuliiaWord(word, iuliia.MVD_310, RU_FOREIGN_MVD);
    case 'ru-mvd-310-fr':
      return iuliiaWord(word, iuliia.MVD_310_FR, RU_FOREIGN_MVD);
    case 'ru-fms-2010':
      return byTable(word, RU_FMS_2010);
    case 'be-icao':
      return byTable(word, BE_ICAO);
    case 'cs-transcription':
    case 'cs-common':
      return czechWord(word, lang);
    case 'en-common':
      if (lang === 'ru') return iuliiaWord(word, iuliia.WIKIPEDIA, RU_FOREIGN_MVD).replace(/'/g, '');
      return byTable(word, lang === 'be' ? EN_BE : EN_UK)
        .replace(/ii$/, 'iy')
        .replace(/yi$/, 'y');
  }
}

export interface TransliterateOptions {
  /** The language of the Cyrillic text (Czech and English forms depend on it); else from its letters, else Russian. */
  language?: NameLanguage;
}

/**
 * A name in Latin letters by `system`. Latin words pass through unchanged; each Cyrillic word is
 * transliterated on its own (so the second part of a double name starts a word: Іванова-Їжак →
 * Ivanova-Yizhak). Throws NameCharacterError on a character no system maps.
 */
export function transliterate(text: string, system: NameSystem, opts: TransliterateOptions = {}): string {
  if (!NAME_SYSTEMS[system]) throw new Error(`unknown name system ${system}`);
  const norm = normaliseName(text);
  const lang = opts.language ?? detectLanguage(norm) ?? 'ru';
  return norm
    .split(/([ -])/)
    .map((part) => (part === ' ' || part === '-' || part === '' ? part : memoWord(part, system, lang)))
    .join('');
}

/**
 * One word's spelling depends on the word, the system and the language only, so it is memoised per
 * word: a surname or a given name is worked out once and combined with every other (bulk work — the
 * generator, the reindex — meets the same few thousand words again and again). A word no system maps
 * is remembered as its error. Bounded: cleared when full.
 */
const wordMemo = new Map<string, string | NameCharacterError>();
const WORD_MEMO_SIZE = 100_000;

function memoWord(part: string, system: NameSystem, lang: NameLanguage): string {
  const key = `${system}\u0000${lang}\u0000${part}`;
  let r = wordMemo.get(key);
  if (r === undefined) {
    try {
      r = spellWord(part, system, lang);
    } catch (e) {
      if (!(e instanceof NameCharacterError)) throw e;
      r = e;
    }
    if (wordMemo.size >= WORD_MEMO_SIZE) wordMemo.clear();
    wordMemo.set(key, r);
  }
  if (r instanceof NameCharacterError) throw r;
  return r;
}

function spellWord(part: string, system: NameSystem, lang: NameLanguage): string {
  const word = repairScript(part);
  for (const c of word) if (!isCyr(c) && !isLatin(c) && c !== "'") throw new NameCharacterError(c);
  if (![...word].some(isCyr)) return word;
  // apostrophes at the edges of a word are typing noise, not a separation sign
  const core = word.replace(/^'+|'+$/g, '');
  const out = wordIn(core.toLowerCase(), system, lang);
  for (const c of out) if (isCyr(c)) throw new NameCharacterError(c);
  return applyCase(out, caseOf(core));
}
