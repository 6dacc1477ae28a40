/**
 * Demo identities for `pobyt demo generate --people N` and the benchmarks: Ukrainian, Russian and
 * Belarusian names in their own script (given names from common-names.ts, surnames below, with the
 * feminine forms Russian and Belarusian surnames take), birth dates, passport numbers in each
 * state's pattern, and ~1 % true duplicates — the same person again under another spelling (an
 * older passport's Latin, no native name) and another passport number. Deterministic from a seed,
 * so the duplicates can be listed again without reading the database. Pure.
 */
import { GIVEN_NAMES } from './names/common-names.ts';
import type { NameLanguage } from './names/systems.ts';

const UK_SURNAMES = [
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'Ткаченко',
  'Кравченко',
  'Олійник',
  'Шевчук',
  'Поліщук',
  'Бойко',
  'Ковальчук',
  'Мельник',
  'Лисенко',
  'Марченко',
  'Руденко',
  'Савченко',
  'Петренко',
  'Мороз',
  'Кравчук',
  'Павленко',
  'Клименко',
  'Гончаренко',
  'Левченко',
  'Харченко',
  'Сидоренко',
  'Карпенко',
  'Ковальов',
  'Литвиненко',
  'Демченко',
  'Мартинюк',
  'Романюк',
  'Приходько',
  'Собко',
  'Гаврилюк',
  'Тарасенко',
  'Лук’яненко',
  'Захарченко',
  'Панченко',
  'Яковенко',
  'Білик',
  'Кузьменко',
  'Остапчук',
  'Данилюк',
  'Дячук',
  'Федорчук',
  'Щербина',
  'Вакуленко',
  'Костенко',
  'Мазур',
  'Гуменюк',
  'Григоренко',
];
const UK_STEMS = [
  'Бондар',
  'Ткач',
  'Коваль',
  'Гончар',
  'Кушнір',
  'Мельнич',
  'Пасіч',
  'Рибал',
  'Стельмах',
  'Чумак',
  'Козач',
  'Лозин',
  'Дорош',
  'Гриц',
  'Остап',
  'Семен',
  'Юрч',
  'Мирон',
  'Тимош',
  'Кирил',
];
const UK_ENDINGS = ['енко', 'ук', 'чук', 'ишин', 'ський'];

const RU_SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
];
const RU_STEMS = [
  'Жуков',
  'Комаров',
  'Чернов',
  'Щукин',
  'Быстров',
  'Громов',
  'Шилов',
  'Ершов',
  'Крылов',
  'Фомин',
  'Денисов',
  'Калинин',
  'Рябов',
  'Савин',
  'Титов',
  'Уваров',
  'Хохлов',
  'Шубин',
  'Якушев',
  'Прохоров',
];

const BE_SURNAMES = [
  'Навіцкі',
  'Шынкевіч',
  'Мельнікаў',
  'Казлоў',
  'Кавалёў',
  'Яўменаў',
  'Багдановіч',
  'Жук',
  'Новік',
  'Козел',
  'Макаранка',
  'Ціханоўскі',
  'Лукашэвіч',
  'Варановіч',
  'Каваленка',
  'Шаўчэнка',
  'Радзевіч',
  'Карповіч',
  'Сідарэвіч',
  'Марозаў',
  'Пятроў',
  'Васілеўскі',
  'Кузняцоў',
  'Лапіцкі',
  'Грыгаровіч',
  'Станкевіч',
  'Кароль',
  'Бабіч',
  'Лысенка',
  'Цвірко',
];
const BE_STEMS = ['Мацкев', 'Дамаш', 'Бурак', 'Савіц', 'Рудзев', 'Янкав', 'Гурын', 'Шапав', 'Пашкев', 'Кляцк'];
const BE_ENDINGS = ['іч', 'ічка', 'ка'];

function feminine(surname: string, lang: NameLanguage): string {
  if (lang === 'uk') {
    if (surname.endsWith('ський')) return `${surname.slice(0, -5)}ська`;
    if (surname.endsWith('ов') || surname.endsWith('ев') || surname.endsWith('ін') || surname.endsWith('ин')) return `${surname}а`;
    return surname;
  }
  if (lang === 'ru') {
    if (surname.endsWith('ий')) return `${surname.slice(0, -2)}ая`;
    if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
    return surname;
  }
  if (surname.endsWith('скі') || surname.endsWith('цкі')) return `${surname.slice(0, -1)}ая`;
  if (/(аў|оў|ёў|еў)$/.test(surname)) return `${surname.slice(0, -1)}ва`;
  if (/(ін|ын)$/.test(surname)) return `${surname}а`;
  return surname;
}

const surnamesOf: Record<NameLanguage, string[]> = {
  uk: [...UK_SURNAMES, ...UK_STEMS.flatMap((s) => UK_ENDINGS.map((e) => s + e))],
  ru: [...RU_SURNAMES, ...RU_STEMS, ...RU_STEMS.map((s) => `${s.slice(0, -2)}ский`)],
  be: [...BE_SURNAMES, ...BE_STEMS.flatMap((s) => BE_ENDINGS.map((e) => s + e))],
};

/** Given names by language and sex (a name ending in -а/-я is taken as feminine, Микола and Ілля aside). */
const MASCULINE_IN_A = new Set(['Микола', 'Ілля', 'Илья', 'Ілья', 'Кузьма', 'Фома', 'Лука', 'Сава', 'Никита', 'Мікіта']);
const givenOf = (lang: NameLanguage, sex: 'M' | 'F') =>
  [...new Set(GIVEN_NAMES.map((g) => g[lang]))].filter((n) => (/[ая]$/.test(n) && !MASCULINE_IN_A.has(n) ? 'F' : 'M') === sex);
const GIVEN: Record<NameLanguage, Record<'M' | 'F', string[]>> = {
  uk: { M: givenOf('uk', 'M'), F: givenOf('uk', 'F') },
  ru: { M: givenOf('ru', 'M'), F: givenOf('ru', 'F') },
  be: { M: givenOf('be', 'M'), F: givenOf('be', 'F') },
};

const NATIONALITY: Record<NameLanguage, 'UKR' | 'RUS' | 'BLR'> = { uk: 'UKR', ru: 'RUS', be: 'BLR' };

/** A small fast seeded PRNG (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoIdentity {
  /** Deterministic: index i → the same uuid in every run. */
  id: string;
  index: number;
  nativeName: string | null;
  /** Filled by the caller from the native name (passportSpelling), or the duplicate's other spelling. */
  surname: string | null;
  givenNames: string | null;
  dateOfBirth: string;
  sex: 'M' | 'F';
  nationality: 'UKR' | 'RUS' | 'BLR';
  language: NameLanguage;
  passport: string;
  passportExpires: string;
  /** For a true duplicate: the index of the person it duplicates. */
  duplicateOf: number | null;
}

export const demoPersonId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function passportNumber(nat: 'UKR' | 'RUS' | 'BLR', i: number): string {
  const L = (k: number) => String.fromCharCode(65 + (k % 26));
  if (nat === 'UKR') return `${L(i >> 3)}${L(i >> 7)}${pad(i % 1_000_000, 6)}${Math.floor(i / 1_000_000)}`;
  if (nat === 'RUS') return `7${pad(i, 8)}`;
  return `MP${pad(i, 7)}`;
}

/**
 * The i-th demo identity of a run. A duplicate (about `duplicateShare` of them) repeats an earlier
 * person's birth date, sex, nationality and native name; the caller spells it otherwise.
 */
export function demoIdentity(seed: number, i: number, duplicateShare = 0.01): DemoIdentity {
  const r = prng(seed * 1_000_003 + i);
  const dup = i > 10 && r() < duplicateShare ? Math.floor(r() * i) : null;
  const nationalityAndPassport = (nat: 'UKR' | 'RUS' | 'BLR') => ({
    passport: passportNumber(nat, i),
    passportExpires: `${2026 + Math.floor(r() * 10)}-${pad(1 + Math.floor(r() * 12), 2)}-15`,
  });
  if (dup !== null) {
    // the same person again (a duplicate of a duplicate is one of the first record)
    const o = demoIdentity(seed, dup, duplicateShare);
    return { ...o, id: demoPersonId(i), index: i, duplicateOf: o.duplicateOf ?? dup, ...nationalityAndPassport(o.nationality) };
  }
  const langDraw = r();
  const language: NameLanguage = langDraw < 0.6 ? 'uk' : langDraw < 0.85 ? 'ru' : 'be';
  const sex: 'M' | 'F' = r() < 0.5 ? 'M' : 'F';
  const given = pick(r, GIVEN[language][sex]);
  const sur = pick(r, surnamesOf[language]);
  const surname = sex === 'F' ? feminine(sur, language) : sur;
  const year = 1950 + Math.floor(r() * 58);
  const day = Math.floor(r() * 365);
  const dob = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
  const nationality = NATIONALITY[language];
  return {
    id: demoPersonId(i),
    index: i,
    nativeName: `${surname} ${given}`,
    surname: null,
    givenNames: null,
    dateOfBirth: dob,
    sex,
    nationality,
    language,
    ...nationalityAndPassport(nationality),
    duplicateOf: null,
  };
}
