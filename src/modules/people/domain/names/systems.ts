/**
 * The transliteration systems a Cyrillic name may be written in, with where each comes from.
 * Sources: ../shared/domain/facts.md §3 (the law and the passport tables), the iuliia package's
 * schema descriptions, and — for the common spellings — the editors' own knowledge (marked).
 */
export type NameSystem =
  | 'ua-national-2010'
  | 'ru-icao-9303'
  | 'ru-fms-2010'
  | 'ru-mvd-782'
  | 'ru-mvd-310'
  | 'ru-mvd-310-fr'
  | 'be-icao'
  | 'cs-transcription'
  | 'en-common'
  | 'cs-common';

/** The source language of a Cyrillic name: decides Г (h/g), И (y/i) and the Czech forms. */
export type NameLanguage = 'uk' | 'ru' | 'be';

export interface NameSystemInfo {
  system: NameSystem;
  /** How a reason names it: "the Ukrainian national transliteration". */
  label: string;
  /** The legal or documentary basis, dated where the source dates it. */
  basis: string;
  /** Letters it does not write as a letter (documented omissions, or written as an apostrophe), lower-case. */
  omits: string;
}

export const NAME_SYSTEMS: Record<NameSystem, NameSystemInfo> = {
  'ua-national-2010': {
    system: 'ua-national-2010',
    label: 'the Ukrainian national transliteration',
    basis: 'Cabinet of Ministers of Ukraine Resolution No. 55 of 27 Jan 2010 (Ukrainian passports since 2010)',
    omits: "ьъ'",
  },
  'ru-icao-9303': {
    system: 'ru-icao-9303',
    label: 'the Russian ICAO 9303 transliteration',
    basis: 'ICAO Doc 9303 Part 3, used in Russian passports from 2014 (FMS Order No. 211 of 26 Mar 2014)',
    omits: "ь'",
  },
  'ru-fms-2010': {
    system: 'ru-fms-2010',
    label: 'the Russian passport transliteration used before 2014',
    basis: 'Russian passports before 2014: ICAO table but Я/Ю → YA/YU, Й → Y, Ц → TC, Ъ not written (facts §3.3)',
    omits: "ьъ'",
  },
  'ru-mvd-782': {
    system: 'ru-mvd-782',
    label: 'the older Russian MVD 782 transliteration',
    basis: 'MVD Order No. 782 (2000), as implemented by the iuliia package (older Russian documents); ь and ъ written as an apostrophe',
    omits: "ьъ'",
  },
  'ru-mvd-310': {
    system: 'ru-mvd-310',
    label: 'the older Russian MVD 310 transliteration',
    basis: 'MVD Order No. 310 (1997), the English-oriented passport table, as implemented by iuliia; ь and ъ written as an apostrophe',
    omits: "ьъ'",
  },
  'ru-mvd-310-fr': {
    system: 'ru-mvd-310-fr',
    label: 'the French-based Russian transliteration',
    basis:
      'the French-based table of MVD Order No. 310 as implemented by iuliia (matches Soviet-era French-style spellings such as Serguei)',
    omits: "ьъ'",
  },
  'be-icao': {
    system: 'be-icao',
    label: 'the Belarusian ICAO transliteration',
    basis: 'ICAO Doc 9303 with the Belarusian exceptions Г → H, Ё → IO, Ў → U (Belarusian passports, facts §3.1, §3.4)',
    omits: "ьъ'",
  },
  'cs-transcription': {
    system: 'cs-transcription',
    label: 'the Czech transcription',
    basis: 'Government Regulation 594/2006 Coll. as amended by 100/2007 Coll., Annex 2, with ÚJČ practice for Ukrainian (facts §3.5)',
    omits: "ьъ'",
  },
  'en-common': {
    system: 'en-common',
    label: 'a common English spelling',
    basis:
      'common English-language habit (BGN-style y for й/я/ю, English equivalents of given names): editors’ knowledge, not a legal table',
    omits: "ьъ'",
  },
  'cs-common': {
    system: 'cs-common',
    label: 'the usual Czech form of the given name',
    basis: 'Czech forms of common given names (Alexandr, Alexej), facts §3.6 table: editors’ knowledge',
    omits: "ьъ'",
  },
};

export const ALL_NAME_SYSTEMS = Object.keys(NAME_SYSTEMS) as NameSystem[];

/** Nationalities whose passports transliterate a Cyrillic name by a known national rule. */
export type CyrillicNationality = 'UKR' | 'RUS' | 'BLR';

export interface PassportRule {
  nationality: CyrillicNationality;
  system: NameSystem;
  language: NameLanguage;
  /** Since when the rule applies, in words, as far as the source dates it (the date itself stays in facts §3). */
  since: string;
  source: string;
}

/** Current passport rules (facts §3.2–3.4). Older passports: take the passport's own spelling. */
export const PASSPORT_RULES: Record<CyrillicNationality, PassportRule> = {
  UKR: {
    nationality: 'UKR',
    system: 'ua-national-2010',
    language: 'uk',
    since: 'passports issued under Resolution 55 of 27 Jan 2010',
    source: 'facts §3.2',
  },
  RUS: { nationality: 'RUS', system: 'ru-icao-9303', language: 'ru', since: '2014', source: 'facts §3.3' },
  BLR: {
    nationality: 'BLR',
    system: 'be-icao',
    language: 'be',
    since: 'in force in Nov 2026 (start date not in the sources)',
    source: 'facts §3.1, §3.4',
  },
};

export function isCyrillicNationality(n: string): n is CyrillicNationality {
  return n === 'UKR' || n === 'RUS' || n === 'BLR';
}

/**
 * The system a current passport of this state uses for a Cyrillic name. Any other state: the ICAO
 * 9303 table (its Russian letters, with the other Cyrillic letters by the same document).
 */
export function passportSystemFor(nationality: string): NameSystem {
  return isCyrillicNationality(nationality) ? PASSPORT_RULES[nationality].system : 'ru-icao-9303';
}
