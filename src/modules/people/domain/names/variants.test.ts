// Every spelling one person may be found under (issue 13; facts §3.4, §3.6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName } from './fold.ts';
import { describeVariant, nameVariants } from './variants.ts';

const folded = (native: string, opts = {}) => new Set(nameVariants(native, opts).map((v) => v.folded));
const has = (set: Set<string>, ...texts: string[]) => {
  for (const t of texts) assert.ok(set.has(foldName(t)), `missing ${t} in ${[...set].join(', ')}`);
};

test('Олександр Шевченко: his passport, an older passport, a Czech letter and an English email all match', () => {
  const vs = folded('Олександр Шевченко', { nationality: 'UKR' });
  has(vs, 'Олександр Шевченко', 'OLEKSANDR SHEVCHENKO', 'ALEKSANDR SHEVCHENKO', 'Oleksandr Ševčenko', 'Alexander Shevchenko');
  has(vs, 'Александр Шевченко', 'Olexandr Shevchenko', 'Alexandr Ševčenko');
});

test('facts §3.6 row by row: each column of the table is among the variants of the native name', () => {
  has(folded('Олександр'), 'Oleksandr', 'ALEKSANDR', 'Aleksandr', 'Aliaksandr', 'Alexandr', 'Alexander', 'Olexandr');
  has(folded('Юлія'), 'Yuliia', 'IULIIA', 'Yulia', 'Yuliya', 'Julija', 'Julia');
  has(folded('Сергій'), 'Serhii', 'SERGEI', 'Sergey', 'Siarhei', 'Serhij', 'Sergej');
  has(folded('Щербина', { nationality: 'UKR' }), 'Shcherbyna', 'SHCHERBINA', 'Ščerbyna');
});

test('facts §3.4: the spellings seen in real passports for Александр and Андрей', () => {
  has(folded('Александр', { nationality: 'BLR' }), 'Aliaksandr', 'Aleksandr', 'Alexander', 'Alexandre', 'Alexandr', 'Aleksander');
  has(folded('Андрей'), 'Andrei', 'Andrey', 'Andrej', 'Andry', 'Andrew');
});

test('the passport spelling comes first after the native name and is named as such', () => {
  const vs = nameVariants('Юлія', { nationality: 'UKR', passportLatin: 'Yulia' });
  assert.deepEqual(
    vs.slice(0, 3).map((v) => [v.system, v.text]),
    [
      ['native', 'Юлія'],
      ['passport', 'YULIA'],
      ['ua-national-2010', 'Yuliia'],
    ],
  );
  assert.equal(describeVariant(vs[1]!), 'the spelling in the passport');
  assert.equal(describeVariant(vs[2]!), 'the Ukrainian national transliteration of Юлія');
});

test('the reason names the system and the form it was made from', () => {
  const vs = nameVariants('Олександр', { nationality: 'UKR' });
  const why = (t: string) => describeVariant(vs.find((v) => v.folded === foldName(t))!);
  assert.equal(why('Oleksandr'), 'the Ukrainian national transliteration of Олександр');
  assert.equal(why('Александр'), 'the Russian form of Олександр');
  assert.equal(why('ALEKSANDR'), 'the Russian ICAO 9303 transliteration of Александр');
  assert.equal(why('Aliaksandr'), 'the Belarusian ICAO transliteration of Аляксандр');
  assert.equal(why('Alexander'), 'a common English spelling of Олександр');
});

test('a name in Latin only gives itself and the passport spelling; nothing is invented', () => {
  const vs = nameVariants('Novák', { passportLatin: 'NOVAK' });
  assert.deepEqual(
    vs.map((v) => [v.system, v.folded]),
    [['native', 'novak']],
  );
});

test('a name with a character no system maps still gives its native variant', () => {
  const vs = nameVariants('Шевченко 2');
  assert.deepEqual(
    vs.map((v) => v.system),
    ['native'],
  );
});

test('foldName: case, diacritics, apostrophes, hyphens and whitespace in both scripts', () => {
  assert.equal(foldName('  ŠEVČENKO-Ol’ha '), 'sevcenko olha');
  assert.equal(foldName('Шевченко–Ольга'), 'шевченко ольга');
  assert.equal(foldName("Знам'янка"), foldName('ЗНАМʼЯНКА'));
  assert.equal(foldName('Ёлкин Йосип Їжак Ўладзімір'), 'елкин иосип іжак уладзімір');
  assert.equal(foldName('Weiß Łukasz'), 'weiss lukasz');
  // a Cyrillic І typed inside a Latin name folds like the Latin one
  assert.equal(foldName('Іvanov'), foldName('Ivanov'));
});
