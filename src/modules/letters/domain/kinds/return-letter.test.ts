import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLetterContent } from '../build-letter-content.ts';
import { LetterInputError } from '../letter.errors.ts';
import { sampleLetterInput } from '../letter-input.fixtures.ts';
import type { MissingItem, MissingItemCode } from '../letter.types.ts';

const bullets = (items: MissingItem[]) =>
  buildLetterContent(sampleLetterInput('return', { missingItems: items }))
    .blocks.filter((b) => b.type === 'bullet')
    .map((b) => b.text);

const ALL_CODES: MissingItemCode[] = [
  'FORM_MISSING',
  'FORM_NOT_CAPITAL_LATIN',
  'FORM_NOT_IN_CZECH',
  'PASSPORT_MISSING',
  'PASSPORT_EXPIRED',
  'PHOTO_MISSING',
  'FEE_MISSING',
  'FEE_SHORT',
  'FEE_METHOD_NOT_ACCEPTED',
  'AFFIDAVIT_MISSING',
  'AFFIDAVIT_NOT_NOTARISED',
];
const completeItem = (code: MissingItemCode): MissingItem =>
  code === 'FORM_NOT_CAPITAL_LATIN' ? { code, field: 'Jméno' } : code === 'FEE_SHORT' ? { code, expected: 300, paid: 100 } : { code };

test('return letter says the application is inadmissible, not filed, and what is returned', () => {
  const content = buildLetterContent(sampleLetterInput('return'));
  const text = content.blocks.map((b) => b.text).join('\n');
  assert.equal(content.title, 'Sdělení o nepřijatelnosti žádosti');
  assert.match(
    text,
    /žádost o udělení víza k pobytu nad 90 dnů za účelem strpění pobytu na území, přijatá dne 2\. 11\. 2026, je nepřijatelná/,
  );
  assert.match(text, /žádost se považuje za nepodanou/);
  assert.match(text, /vrací formulář žádosti, všechny předložené doklady a kolkové známky/);
  assert.match(text, /Můžete kdykoli podat novou žádost/);
});

test('each missing item is listed exactly once and nothing else is listed', () => {
  const listed = bullets([{ code: 'PHOTO_MISSING' }, { code: 'PASSPORT_EXPIRED' }]);
  assert.deepEqual(listed, ['nebyla předložena fotografie', 'předložený cestovní doklad (pas) již není platný']);
  const every = bullets(ALL_CODES.map(completeItem));
  assert.equal(every.length, ALL_CODES.length);
  assert.equal(new Set(every).size, ALL_CODES.length);
});

test('the same defect reported twice is listed once; distinct fields stay distinct', () => {
  assert.equal(bullets([{ code: 'PHOTO_MISSING' }, { code: 'PHOTO_MISSING' }]).length, 1);
  const fields = bullets([
    { code: 'FORM_NOT_CAPITAL_LATIN', field: 'Příjmení' },
    { code: 'FORM_NOT_CAPITAL_LATIN', field: 'Místo narození' },
  ]);
  assert.deepEqual(fields, [
    'formulář žádosti není vyplněn předepsaným způsobem: pole „Příjmení“ není vyplněno velkými písmeny latinkou',
    'formulář žádosti není vyplněn předepsaným způsobem: pole „Místo narození“ není vyplněno velkými písmeny latinkou',
  ]);
});

test('FEE_SHORT states the amount due and the amount paid in Kč', () => {
  const [text] = bullets([{ code: 'FEE_SHORT', expected: 1000, paid: 300 }]);
  assert.equal(text, 'správní poplatek nebyl zaplacen v plné výši: poplatek činí 1 000 Kč, zaplaceno bylo 300 Kč');
});

test('FEE_METHOD_NOT_ACCEPTED names duty stamps and rules out cash and card', () => {
  const [text] = bullets([{ code: 'FEE_METHOD_NOT_ACCEPTED' }]);
  assert.match(text ?? '', /výhradně kolkovými známkami, nikoli v hotovosti ani platební kartou/);
});

test('items that need details throw without them', () => {
  const cases: [MissingItem, string][] = [
    [{ code: 'FORM_NOT_CAPITAL_LATIN' }, '/missingItems/0/field'],
    [{ code: 'FEE_SHORT', paid: 100 }, '/missingItems/0/expected'],
    [{ code: 'FEE_SHORT', expected: 300 }, '/missingItems/0/paid'],
    [{ code: 'FEE_SHORT', expected: 300, paid: -5 }, '/missingItems/0/paid'],
    [{ code: 'NOT_A_CODE' as MissingItemCode }, '/missingItems/0/code'],
  ];
  for (const [item, field] of cases) {
    assert.throws(
      () => bullets([item]),
      (err: unknown) => err instanceof LetterInputError && err.details.fields?.[0]?.field === field,
      field,
    );
  }
});
