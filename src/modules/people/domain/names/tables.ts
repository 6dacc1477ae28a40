/**
 * Hand tables for the systems no package implements (facts §3, stack-2.md): the Belarusian ICAO
 * passport table, the Russian passport table used before 2014, the Czech transcription and the
 * common English habit. Each maps one lower-case Cyrillic letter; context rules are in the engine.
 */

/** Word-initial and elsewhere forms of a letter. */
export type Letter = string | { initial: string; medial: string };

const ICAO_BASE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  "'": '',
};

/** Belarusian ICAO 9303: Г → H, Ё → IO, Ў → U; Ь and the apostrophe are not written. */
export const BE_ICAO: Record<string, Letter> = { ...ICAO_BASE, г: 'h', ё: 'io', ъ: '' };

/** Russian passports before 2014 (facts §3.3): ICAO except Я/Ю → YA/YU, Й → Y, Ц → TC, Ъ dropped. */
export const RU_FMS_2010: Record<string, Letter> = { ...ICAO_BASE, я: 'ya', ю: 'yu', й: 'y', ц: 'tc', ъ: '' };

/** Common English habit for Ukrainian names (y for й, ya/yu/ye/yi, г → h). */
export const EN_UK: Record<string, Letter> = {
  ...ICAO_BASE,
  г: 'h',
  є: 'ye',
  и: 'y',
  ї: 'yi',
  й: 'y',
  ю: 'yu',
  я: 'ya',
  ъ: '',
  ё: 'yo',
  ы: 'y',
};

/** Common English habit for Belarusian names. */
export const EN_BE: Record<string, Letter> = {
  ...ICAO_BASE,
  г: 'h',
  е: { initial: 'ye', medial: 'e' },
  ё: 'yo',
  й: 'y',
  ю: 'yu',
  я: 'ya',
  ъ: '',
  є: 'ye',
  ї: 'yi',
};

/** Letters the supported alphabets (Russian, Ukrainian, Belarusian) use, lower-case. */
export const CYRILLIC_LETTERS = 'абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя';
