/**
 * Names folded for matching: lower case, no diacritics (Latin č → c, Cyrillic й → и, ё → е,
 * ї → і, ў → у), no apostrophes, hyphens and runs of whitespace as one space, look-alike letters
 * of the other script repaired per word. Both scripts stay as they are otherwise: folding does not
 * transliterate (nameVariants does).
 */
import { normaliseName, repairScript } from './transliterate.ts';

/** Latin letters NFD does not decompose. */
const LATIN_EXTRA: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', þ: 'th', ı: 'i', ð: 'd' };

export function foldName(text: string): string {
  const words = normaliseName(text)
    .replace(/'/g, '')
    .replace(/[-.,]/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => {
      try {
        return repairScript(w);
      } catch {
        return w;
      }
    });
  return words
    .join(' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßøæœłđþıð]/g, (c) => LATIN_EXTRA[c] ?? c)
    .normalize('NFC');
}
