/**
 * The Czech transcription of Cyrillic names (Government Regulation 594/2006 Coll. as amended by
 * 100/2007 Coll., Annex 2; facts §3.5): ж ž, й j, ц c, ч č, ш š, щ šč, х ch; Russian е → je at the
 * start, after a vowel and after ь/ъ, ě after д т н; я/ю/ё soften д т н to ď ť ň (Тетяна → Teťana);
 * ь before a vowel is j (Ильин → Iljin), at the end it softens д т н and is otherwise not written.
 * Ukrainian и → y, г → h (ÚJČ: Тимошенко → Tymošenko); Russian и → i, г → g.
 */
import type { NameLanguage } from './systems.ts';

const VOWELS = new Set([...'аеёиіїоуыэюяє']);
const SOFTENS: Record<string, string> = { d: 'ď', t: 'ť', n: 'ň' };

const PLAIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  ґ: 'g',
  д: 'd',
  ж: 'ž',
  з: 'z',
  і: 'i',
  й: 'j',
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
  х: 'ch',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  щ: 'šč',
  ы: 'y',
  э: 'e',
};

/** One lower-case Cyrillic word in Czech transcription. */
export function czechWord(word: string, lang: NameLanguage): string {
  const chars = [...word];
  let out = '';
  // whether the previous letter asks the next iotated vowel to be written with j (ь, ъ, ')
  let jNext = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = i > 0 ? chars[i - 1]! : '';
    const atStart = i === 0;
    const afterVowel = VOWELS.has(prev);
    const last = out.slice(-1);
    const softenLast = () => {
      const s = SOFTENS[last];
      if (s) out = out.slice(0, -1) + s;
      return Boolean(s);
    };
    const iotated = (vowel: string) => {
      if (jNext || atStart || afterVowel) out += `j${vowel}`;
      else if (!softenLast()) out += `j${vowel}`;
      else out += vowel;
    };
    const wasJ = jNext;
    jNext = false;
    switch (c) {
      case 'г':
        out += lang === 'ru' ? 'g' : 'h';
        break;
      case 'и':
        out += wasJ ? 'ji' : lang === 'uk' ? 'y' : 'i';
        break;
      case 'е':
        if (lang === 'uk') out += wasJ ? 'je' : 'e';
        else if (wasJ || atStart || afterVowel) out += 'je';
        else if (SOFTENS[last]) out += 'ě';
        else out += 'e';
        break;
      case 'є':
        if (wasJ || atStart || afterVowel) out += 'je';
        else if (SOFTENS[last]) out += 'ě';
        else out += 'je';
        break;
      case 'ё':
        if (!wasJ && !atStart && !afterVowel && 'жчшщ'.includes(prev)) out += 'o';
        else iotated('o');
        break;
      case 'ї':
        out += 'ji';
        break;
      case 'я':
        iotated('a');
        break;
      case 'ю':
        iotated('u');
        break;
      case 'ь': {
        const next = chars[i + 1];
        if (next && (VOWELS.has(next) || next === 'о')) {
          if (next === 'о') out += 'j';
          else jNext = true;
        } else softenLast();
        break;
      }
      case 'ъ':
      case "'":
        jNext = true;
        break;
      default: {
        const p = PLAIN[c];
        if (p === undefined) throw new Error(`czechWord: no mapping for ${c}`);
        out += p;
      }
    }
  }
  return out;
}
