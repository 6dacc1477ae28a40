/**
 * Every spelling a person's name may be found under (facts §3.6): the native script and its
 * equivalents in the other two languages (Олександр / Александр / Аляксандр), the passport's own
 * spelling, each transliteration system, the common English and Czech forms. Pure and
 * deterministic; variants with the same folded form are kept once, the most telling first.
 */
import { GIVEN_NAMES, type GivenNameEntry } from './common-names.ts';
import { foldName } from './fold.ts';
import {
  ALL_NAME_SYSTEMS,
  isCyrillicNationality,
  NAME_SYSTEMS,
  type NameLanguage,
  type NameSystem,
  PASSPORT_RULES,
  passportSystemFor,
} from './systems.ts';
import { detectLanguage, NameCharacterError, normaliseName, transliterate } from './transliterate.ts';

export interface NameVariant {
  system: NameSystem | 'native' | 'passport';
  text: string;
  folded: string;
  /** The native-script form it was made from (the input, or an equivalent in another language). */
  from: string;
  /** The language of `from` when known (an equivalent's, or the input's by its letters). */
  language?: NameLanguage;
}

export interface NameVariantOptions {
  /** ISO 3166 alpha-3 state of the passport (UKR, RUS, BLR, …). */
  nationality?: string;
  /** The Latin spelling printed in the passport (visual zone or MRZ): wins as the legal spelling. */
  passportLatin?: string;
  /** The language of the native text when its letters do not tell. */
  language?: NameLanguage;
}

const MAX_COMBINATIONS = 8;
const RUSSIAN: NameSystem[] = ['ru-icao-9303', 'ru-fms-2010', 'ru-mvd-782', 'ru-mvd-310', 'ru-mvd-310-fr'];
/** The systems a name in one language is written in: its own passport system first. */
const SYSTEMS_FOR: Record<NameLanguage, NameSystem[]> = {
  uk: ['ua-national-2010', ...RUSSIAN, 'cs-transcription', 'en-common'],
  ru: [...RUSSIAN, 'cs-transcription', 'en-common'],
  be: ['be-icao', ...RUSSIAN, 'cs-transcription', 'en-common'],
};
const LANG_NAMES: Record<NameLanguage, string> = { uk: 'Ukrainian', ru: 'Russian', be: 'Belarusian' };
const hasCyrillic = (s: string) => /\p{Script=Cyrillic}/u.test(s);

const byFolded = new Map<string, GivenNameEntry>();
for (const e of GIVEN_NAMES) for (const f of [e.uk, e.ru, e.be]) if (!byFolded.has(foldName(f))) byFolded.set(foldName(f), e);

function matchCase(form: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return form.toUpperCase();
  if (like.charAt(0) === like.charAt(0).toLowerCase()) return form.toLowerCase();
  return form;
}

/** Cartesian product, capped, the first element of each list first. */
function product<T>(lists: T[][], cap: number): T[][] {
  let acc: T[][] = [[]];
  for (const l of lists) {
    const next: T[][] = [];
    for (const a of acc) for (const x of l) if (next.length < cap) next.push([...a, x]);
    acc = next;
  }
  return acc;
}

interface NativeForm {
  text: string;
  /** language of the substituted equivalents, if any */
  language: NameLanguage | null;
}

export function nameVariants(native: string, opts: NameVariantOptions = {}): NameVariant[] {
  const norm = normaliseName(native);
  const out: NameVariant[] = [];
  const seen = new Set<string>();
  const add = (system: NameVariant['system'], text: string, from: string, language?: NameLanguage | null) => {
    const folded = foldName(text);
    if (!folded || seen.has(folded)) return;
    seen.add(folded);
    out.push({ system, text, folded, from, ...(language ? { language } : {}) });
  };
  const tryAdd = (system: NameSystem, text: string, language: NameLanguage, known: NameLanguage | null) => {
    try {
      add(system, transliterate(text, system, { language }), text, known);
    } catch (e) {
      if (!(e instanceof NameCharacterError)) throw e;
    }
  };

  if (norm) add('native', norm, norm);
  if (opts.passportLatin) add('passport', normaliseName(opts.passportLatin).toUpperCase(), norm);
  if (!hasCyrillic(norm)) return out;

  const hint = opts.nationality && isCyrillicNationality(opts.nationality) ? PASSPORT_RULES[opts.nationality].language : null;
  const definite = opts.language ?? detectLanguage(norm);
  const languages: NameLanguage[] = definite ? [definite] : [...new Set<NameLanguage>([...(hint ? [hint] : []), 'uk', 'ru'])];

  // the passport system of the person's state first: its spelling is the likeliest one
  if (opts.nationality) tryAdd(passportSystemFor(opts.nationality), norm, languages[0]!, definite);

  // native forms: the input, then the given-name equivalents in the other languages
  const parts = norm.split(/([ -])/);
  const alternatives: NativeForm[][] = parts.map((p) => {
    const e = byFolded.get(foldName(p));
    const own: NativeForm = { text: p, language: null };
    if (!e) return [own];
    const others = (['uk', 'ru', 'be'] as const)
      .filter((l) => foldName(e[l]) !== foldName(p))
      .map((l) => ({ text: matchCase(e[l], p), language: l }));
    return [own, ...others];
  });
  const forms = product(alternatives, MAX_COMBINATIONS).map((combo) => ({
    text: combo.map((c) => c.text).join(''),
    language: combo.find((c) => c.language)?.language ?? null,
  }));

  for (const [i, form] of forms.entries()) {
    if (i > 0) add('native', form.text, norm, form.language);
    const known = i === 0 ? definite : form.language;
    const langs = known ? [known] : languages;
    for (const system of known ? SYSTEMS_FOR[known] : ALL_NAME_SYSTEMS) {
      if (system === 'cs-common') continue;
      const dependsOnLanguage = system === 'cs-transcription' || system === 'en-common';
      for (const l of dependsOnLanguage ? langs : langs.slice(0, 1)) tryAdd(system, form.text, l, known);
    }
  }

  // the common English and Czech forms of given names, and x for ks in the English habit
  const commonOf = (key: 'en' | 'cs'): string[] => {
    try {
      const lists = parts.map((p) => {
        const forms = byFolded.get(foldName(p))?.[key];
        if (forms?.length) return forms.map((f) => matchCase(f, p));
        if (p === ' ' || p === '-' || p === '') return [p];
        return [transliterate(p, key === 'en' ? 'en-common' : 'cs-transcription', { language: languages[0]! })];
      });
      return product(lists, MAX_COMBINATIONS).map((c) => c.join(''));
    } catch (e) {
      if (e instanceof NameCharacterError) return [];
      throw e;
    }
  };
  for (const t of commonOf('en')) add('en-common', t, norm);
  for (const v of [...out])
    if (v.system === 'en-common' && /ks/i.test(v.text))
      add('en-common', v.text.replace(/ks/g, 'x').replace(/KS/g, 'X').replace(/Ks/g, 'X'), v.from);
  if (parts.some((p) => byFolded.get(foldName(p))?.cs)) for (const t of commonOf('cs')) add('cs-common', t, norm);
  return out;
}

/** Why a variant matched, in words staff read: "the Ukrainian national transliteration of Олександр". */
export function describeVariant(v: NameVariant): string {
  if (v.system === 'native')
    return v.text === v.from ? 'the name as recorded' : `the ${v.language ? LANG_NAMES[v.language] : 'other-language'} form of ${v.from}`;
  if (v.system === 'passport') return 'the spelling in the passport';
  return `${NAME_SYSTEMS[v.system].label} of ${v.from}`;
}
