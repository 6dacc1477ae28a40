import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLetterContent } from '../build-letter-content.ts';
import { LetterInputError } from '../letter.errors.ts';
import { sampleLetterInput } from '../letter-input.fixtures.ts';
import type { LetterContent } from '../letter.types.ts';

const joined = (c: LetterContent) => c.blocks.map((b) => b.text).join('\n');
const headings = (c: LetterContent) => c.blocks.filter((b) => b.type === 'heading').map((b) => b.text);

test('grant: decision with visa number, code, validity, rights and sticker collection', () => {
  const content = buildLetterContent(sampleLetterInput('grant'));
  const text = joined(content);
  assert.equal(content.title, 'Rozhodnutí');
  assert.match(text, /Vízum k pobytu nad 90 dnů za účelem strpění pobytu na území bylo uděleno podle § 33 odst\. 1 písm\. a\)/);
  assert.match(text, /číslo víza: CZE123456789/);
  assert.match(text, /druh víza \(kód\): D\/VS\/91/);
  assert.match(text, /platnost: od 1\. 12\. 2026 do 30\. 11\. 2027/);
  assert.match(text, /Úřad práce/);
  assert.match(text, /veřejném zdravotním pojištění/);
  assert.match(text, /humanitární dávku/);
  assert.match(text, /znovu se na ně vrátit/);
  assert.match(text, /Vízový štítek si převezměte osobně/);
});

test('grant: validity ending before it starts is rejected', () => {
  const input = sampleLetterInput('grant');
  input.visa = { number: 'X', code: 'D/VS/91', validFrom: '2027-01-01', validTo: '2026-12-31' };
  assert.throws(() => buildLetterContent(input), LetterInputError);
});

test('refusal: Výrok, Odůvodnění with the reasons, Poučení with the 15-day appeal', () => {
  const content = buildLetterContent(sampleLetterInput('refusal'));
  const text = joined(content);
  assert.equal(content.title, 'Rozhodnutí');
  assert.deepEqual(headings(content).slice(-4), ['Rozhodnutí', 'Výrok', 'Odůvodnění', 'Poučení']);
  assert.match(text, /podal účastník řízení ŠEVČENKOVÁ OLENA, nar\. 2\. 4\. 1990, státní občanství: Ukrajina, takto:/);
  assert.match(text, /se zamítá podle § 56 odst\. 1 písm\. j\) zákona č\. 326\/1999 Sb\./);
  // Each line of the officer's reasons becomes its own paragraph.
  assert.ok(content.blocks.some((b) => b.type === 'paragraph' && b.text === 'Předložené doklady nejsou věrohodné.'));
  assert.match(text, /Proti tomuto rozhodnutí lze podat odvolání ve lhůtě 15 dnů ode dne jeho oznámení\./);
});

test('refusal: empty reasons are rejected', () => {
  const input = sampleLetterInput('refusal');
  input.refusal = { reasons: ' \n ', legalGround: '§ 56', appealDays: 15 };
  assert.throws(() => buildLetterContent(input), LetterInputError);
});

test('discontinuation: Usnesení, proceedings discontinued, reason withdrawn or other', () => {
  const withdrawn = buildLetterContent(sampleLetterInput('discontinuation'));
  assert.equal(withdrawn.title, 'Usnesení');
  assert.match(joined(withdrawn), /se zastavuje podle § 66 odst\. 1 písm\. a\) zákona č\. 500\/2004 Sb\., správní řád\./);
  assert.match(joined(withdrawn), /vzal svou žádost zpět/);

  const other = buildLetterContent(
    sampleLetterInput('discontinuation', {
      discontinuation: { reason: 'other', legalGround: '§ 66 odst. 1 písm. g) zákona č. 500/2004 Sb.', note: 'Žadatel zemřel.' },
    }),
  );
  assert.doesNotMatch(joined(other), /vzal svou žádost zpět/);
  assert.match(joined(other), /z důvodu uvedeného ve výroku/);
  assert.ok(other.blocks.some((b) => b.text === 'Žadatel zemřel.'));
});

test('interruption: what is requested, by when, and that proceedings are interrupted until then', () => {
  const content = buildLetterContent(sampleLetterInput('interruption'));
  const text = joined(content);
  assert.equal(content.title, 'Výzva k odstranění nedostatků žádosti a usnesení o přerušení řízení');
  assert.match(text, /nejpozději do 15\. 12\. 2026/);
  assert.deepEqual(
    content.blocks.filter((b) => b.type === 'bullet').map((b) => b.text),
    ['předložte čestné prohlášení o překážce vycestování', 'předložte platný cestovní doklad'],
  );
  assert.match(text, /Řízení o žádosti se do 15\. 12\. 2026 přerušuje podle § 64 odst\. 1 písm\. a\)/);
});

test('interruption: a deadline before the letter is issued is rejected', () => {
  const input = sampleLetterInput('interruption');
  input.interruption = { requested: 'doklad', respondBy: '2026-11-01', legalGround: '§ 64' };
  assert.throws(() => buildLetterContent(input), LetterInputError);
});
