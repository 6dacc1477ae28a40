// The example tables of facts §3 and Resolution 55/2010, one assertion per row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passportSpelling } from './passport-spelling.ts';
import { type NameSystem, passportSystemFor } from './systems.ts';
import { NameCharacterError, transliterate } from './transliterate.ts';

/** The examples of the table in Cabinet of Ministers of Ukraine Resolution No. 55 of 27 Jan 2010. */
const RESOLUTION_55: [string, string][] = [
  ['Алушта', 'Alushta'],
  ['Андрій', 'Andrii'],
  ['Борщагівка', 'Borshchahivka'],
  ['Борисенко', 'Borysenko'],
  ['Вінниця', 'Vinnytsia'],
  ['Володимир', 'Volodymyr'],
  ['Гадяч', 'Hadiach'],
  ['Богдан', 'Bohdan'],
  ['Згурський', 'Zghurskyi'],
  ['Ґалаґан', 'Galagan'],
  ['Ґорґани', 'Gorgany'],
  ['Донецьк', 'Donetsk'],
  ['Дмитро', 'Dmytro'],
  ['Рівне', 'Rivne'],
  ['Олег', 'Oleh'],
  ['Есмань', 'Esman'],
  ['Єнакієве', 'Yenakiieve'],
  ['Гаєвич', 'Haievych'],
  ["Короп'є", 'Koropie'],
  ['Житомир', 'Zhytomyr'],
  ['Жанна', 'Zhanna'],
  ['Жежелів', 'Zhezheliv'],
  ['Закарпаття', 'Zakarpattia'],
  ['Казимирчук', 'Kazymyrchuk'],
  ['Медвин', 'Medvyn'],
  ['Михайленко', 'Mykhailenko'],
  ['Іванків', 'Ivankiv'],
  ['Іващенко', 'Ivashchenko'],
  ['Їжакевич', 'Yizhakevych'],
  ['Кадиївка', 'Kadyivka'],
  ["Мар'їне", 'Marine'],
  ['Йосипівка', 'Yosypivka'],
  ['Стрий', 'Stryi'],
  ['Олексій', 'Oleksii'],
  ['Київ', 'Kyiv'],
  ['Коваленко', 'Kovalenko'],
  ['Лебедин', 'Lebedyn'],
  ['Леонід', 'Leonid'],
  ['Миколаїв', 'Mykolaiv'],
  ['Маринич', 'Marynych'],
  ['Ніжин', 'Nizhyn'],
  ['Наталія', 'Nataliia'],
  ['Одеса', 'Odesa'],
  ['Онищенко', 'Onyshchenko'],
  ['Полтава', 'Poltava'],
  ['Петро', 'Petro'],
  ['Решетилівка', 'Reshetylivka'],
  ['Рибчинський', 'Rybchynskyi'],
  ['Суми', 'Sumy'],
  ['Соломія', 'Solomiia'],
  ['Тернопіль', 'Ternopil'],
  ['Троць', 'Trots'],
  ['Ужгород', 'Uzhhorod'],
  ['Уляна', 'Uliana'],
  ['Фастів', 'Fastiv'],
  ['Філіпчук', 'Filipchuk'],
  ['Харків', 'Kharkiv'],
  ['Христина', 'Khrystyna'],
  ['Біла Церква', 'Bila Tserkva'],
  ['Стеценко', 'Stetsenko'],
  ['Чернівці', 'Chernivtsi'],
  ['Шевченко', 'Shevchenko'],
  ['Шостка', 'Shostka'],
  ['Кишеньки', 'Kyshenky'],
  ['Щербухи', 'Shcherbukhy'],
  ['Гоща', 'Hoshcha'],
  ['Гаращенко', 'Harashchenko'],
  ['Юрій', 'Yurii'],
  ['Корюківка', 'Koriukivka'],
  ['Яготин', 'Yahotyn'],
  ['Ярошенко', 'Yaroshenko'],
  ['Костянтин', 'Kostiantyn'],
  ["Знам'янка", 'Znamianka'],
  ['Феодосія', 'Feodosiia'],
  ['Згорани', 'Zghorany'],
  ['Розгон', 'Rozghon'],
];

test('Resolution 55/2010: every example of its table, in title case and in capitals', () => {
  for (const [cyr, lat] of RESOLUTION_55) {
    assert.equal(transliterate(cyr, 'ua-national-2010'), lat, cyr);
    assert.equal(transliterate(cyr.toUpperCase(), 'ua-national-2010'), lat.toUpperCase(), cyr.toUpperCase());
  }
});

test('facts §3.2: the typical Ukrainian results', () => {
  for (const [c, l] of [
    ['Олександр', 'Oleksandr'],
    ['Юлія', 'Yuliia'],
    ['Андрій', 'Andrii'],
    ['Сергій', 'Serhii'],
  ])
    assert.equal(transliterate(c!, 'ua-national-2010'), l);
});

test('facts §3.3: Russian passports from 2014 (ICAO 9303), in capitals as printed', () => {
  for (const [c, l] of [
    ['Юлия', 'IULIIA'],
    ['Дмитрий', 'DMITRII'],
    ['Андрей', 'ANDREI'],
    ['Яна', 'IANA'],
    ['Анастасия', 'ANASTASIIA'],
  ]) {
    assert.equal(passportSpelling(c!, 'RUS'), l);
    assert.equal(transliterate(c!.toUpperCase(), 'ru-icao-9303'), l);
  }
  // the ICAO table of §3.1, letter by letter where it differs from older habits
  assert.equal(transliterate('Жихарев Щукин Цой', 'ru-icao-9303'), 'Zhikharev Shchukin Tsoi');
  assert.equal(transliterate('Подъячев', 'ru-icao-9303'), 'Podieiachev');
  assert.equal(transliterate('Эрик Ёлкин Быков', 'ru-icao-9303'), 'Erik Elkin Bykov');
});

test('facts §3.3: Russian passports before 2014 write Я/Ю as YA/YU, Й as Y, Ц as TC and drop Ъ', () => {
  assert.equal(transliterate('Юля Андрей Цой Подъячев', 'ru-fms-2010'), 'Yulya Andrey Tcoy Podyachev');
  assert.equal(transliterate('Юлия', 'ru-fms-2010'), 'Yuliya');
  // MVD 310 / 782 (older documents) through iuliia; ь kept as an apostrophe
  assert.equal(transliterate('Юлия', 'ru-mvd-782'), 'Yuliya');
  assert.equal(transliterate('Ильин', 'ru-mvd-310'), "Il'in");
  assert.equal(transliterate('Сергей', 'ru-mvd-310-fr'), 'Serguei');
});

test('facts §3.1 / §3.4: Belarusian ICAO (Г → H, Ё → IO, Ў → U)', () => {
  assert.equal(transliterate('Аляксандр', 'be-icao'), 'Aliaksandr');
  assert.equal(transliterate('СВЯТЛАНА', 'be-icao'), 'SVIATLANA');
  assert.equal(transliterate('Ігар', 'be-icao'), 'Ihar');
  assert.equal(transliterate('Мікалай', 'be-icao'), 'Mikalai');
  assert.equal(transliterate('Сяргей', 'be-icao'), 'Siarhei');
  assert.equal(transliterate('Ўладзімір Сёмка', 'be-icao'), 'Uladzimir Siomka');
  assert.equal(passportSpelling('Аляксандр', 'BLR'), 'ALIAKSANDR');
});

test('facts §3.5: the Czech transcription (594/2006 Coll., ÚJČ practice)', () => {
  assert.equal(transliterate('Есенин', 'cs-transcription', { language: 'ru' }), 'Jesenin');
  assert.equal(transliterate('Тургенев', 'cs-transcription', { language: 'ru' }), 'Turgeněv');
  assert.equal(transliterate('Тимошенко', 'cs-transcription', { language: 'uk' }), 'Tymošenko');
  assert.equal(transliterate('Янукович', 'cs-transcription', { language: 'uk' }), 'Janukovyč');
  assert.equal(transliterate('Тетяна', 'cs-transcription', { language: 'uk' }), 'Teťana');
  assert.equal(transliterate('Фёдор Тютчев', 'cs-transcription', { language: 'ru' }), 'Fjodor Ťutčev');
  // ж → ž, й → j, ц → c, ч → č, ш → š (Annex 2)
  assert.equal(transliterate('Жуков Чайковский Цветаева Шишкин', 'cs-transcription'), 'Žukov Čajkovskij Cvetajeva Šiškin');
  // Russian и → i, Ukrainian и → y; Ukrainian г → h
  assert.equal(transliterate('Щербина', 'cs-transcription', { language: 'uk' }), 'Ščerbyna');
  assert.equal(transliterate('Щербина', 'cs-transcription', { language: 'ru' }), 'Ščerbina');
  assert.equal(transliterate('Ильин Наталья', 'cs-transcription'), 'Iljin Natalja');
});

test('facts §3.6: every cell of the comparison table that a system produces', () => {
  const rows: [string, NameSystem, string, ('uk' | 'ru' | 'be')?][] = [
    ['Олександр', 'ua-national-2010', 'Oleksandr'],
    ['Александр', 'ru-icao-9303', 'Aleksandr'],
    ['Александр', 'ru-fms-2010', 'Aleksandr'],
    ['Аляксандр', 'be-icao', 'Aliaksandr'],
    ['Олександр', 'cs-transcription', 'Oleksandr', 'uk'],
    ['Юлія', 'ua-national-2010', 'Yuliia'],
    ['Юлия', 'ru-icao-9303', 'Iuliia'],
    ['Юлия', 'ru-fms-2010', 'Yuliya'],
    ['Юлія', 'cs-transcription', 'Julija', 'uk'],
    ['Сергій', 'ua-national-2010', 'Serhii'],
    ['Сергей', 'ru-icao-9303', 'Sergei'],
    ['Сергей', 'ru-fms-2010', 'Sergey'],
    ['Сяргей', 'be-icao', 'Siarhei'],
    ['Сергій', 'cs-transcription', 'Serhij', 'uk'],
    ['Сергей', 'cs-transcription', 'Sergej', 'ru'],
    ['Сергей', 'en-common', 'Sergey', 'ru'],
    ['Щербина', 'ua-national-2010', 'Shcherbyna'],
    ['Щербина', 'ru-icao-9303', 'Shcherbina'],
    ['Щербина', 'cs-transcription', 'Ščerbyna', 'uk'],
  ];
  for (const [c, s, l, language] of rows) assert.equal(transliterate(c, s, language ? { language } : {}), l, `${c} by ${s}`);
  assert.equal(passportSpelling('Александр', 'RUS'), 'ALEKSANDR');
  assert.equal(passportSpelling('Сергей', 'RUS'), 'SERGEI');
  assert.equal(passportSpelling('Щербина', 'RUS'), 'SHCHERBINA');
});

test('double names: each part of a space or hyphen name is a word of its own', () => {
  assert.equal(transliterate('Іванова-Їжак', 'ua-national-2010'), 'Ivanova-Yizhak');
  assert.equal(transliterate('ІВАНОВА-ЇЖАК', 'ua-national-2010'), 'IVANOVA-YIZHAK');
  assert.equal(transliterate('Анна Марія', 'ua-national-2010'), 'Anna Mariia');
  assert.equal(transliterate('Римский-Корсаков', 'ru-icao-9303'), 'Rimskii-Korsakov');
  // a dash typed as – or with spaces around it is one hyphen
  assert.equal(transliterate('Іванова – Їжак', 'ua-national-2010'), 'Ivanova-Yizhak');
  assert.equal(passportSpelling('Іванова-Їжак', 'UKR'), 'IVANOVA-YIZHAK');
});

test("apostrophes: ', ʼ and ’ are one sign, not written by the national systems", () => {
  for (const a of ["'", 'ʼ', '’']) {
    assert.equal(transliterate(`Знам${a}янка`, 'ua-national-2010'), 'Znamianka');
    assert.equal(transliterate(`Мар${a}яна`, 'be-icao'), 'Mariana');
    assert.equal(passportSpelling(`Дар${a}я`, 'BLR'), 'DARIA');
  }
  assert.equal(transliterate('Мар’яна', 'cs-transcription', { language: 'uk' }), 'Marjana');
});

test('capitals: a name in capitals comes out in capitals (the ALL-CAPS trap of the packages)', () => {
  assert.equal(transliterate('ШЕВЧЕНКО ЮРІЙ', 'ua-national-2010'), 'SHEVCHENKO YURII');
  assert.equal(transliterate('ЮЛИЯ ЩЕГЛОВА', 'ru-icao-9303'), 'IULIIA SHCHEGLOVA');
  assert.equal(transliterate('Я', 'ua-national-2010'), 'Ya');
});

test('mixed scripts: a look-alike letter of the other script is repaired, a real mix is refused', () => {
  assert.equal(transliterate('Шевчeнко', 'ua-national-2010'), 'Shevchenko'); // Latin e
  assert.equal(transliterate('Іvanov', 'ru-icao-9303'), 'Ivanov'); // Cyrillic І inside a Latin name
  assert.throws(() => transliterate('Шевчenко', 'ua-national-2010'), NameCharacterError);
});

test('Latin input passes through; characters no system maps are refused, never dropped', () => {
  assert.equal(transliterate('Novák', 'ua-national-2010'), 'Novák');
  assert.equal(passportSpelling('Novák Müller', 'CZE'), 'NOVAK MULLER');
  assert.equal(passportSpelling("O'Brien", 'IRL'), 'OBRIEN');
  assert.throws(() => transliterate('Шевченко2', 'ua-national-2010'), NameCharacterError);
  assert.throws(
    () => transliterate('Ђорђе', 'ru-icao-9303'),
    (e: unknown) => e instanceof NameCharacterError && e.character === 'Ђ',
  );
  assert.throws(() => transliterate('Шевченко!', 'be-icao'), NameCharacterError);
});

test('passportSystemFor: the system of each state’s current passports', () => {
  assert.equal(passportSystemFor('UKR'), 'ua-national-2010');
  assert.equal(passportSystemFor('RUS'), 'ru-icao-9303');
  assert.equal(passportSystemFor('BLR'), 'be-icao');
  assert.equal(passportSystemFor('KAZ'), 'ru-icao-9303');
  // an older passport by another system
  assert.equal(passportSpelling('Юлия', 'RUS', { system: 'ru-fms-2010' }), 'YULIYA');
});
