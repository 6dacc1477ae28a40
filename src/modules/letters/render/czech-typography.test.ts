import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tieCzechText } from './czech-typography.ts';

const show = (s: string) => s.replaceAll('\u00A0', '~');

test('ties one-letter words, dates, sections and amounts with no-break spaces', () => {
  assert.equal(show(tieCzechText('a v Praze dne 2. 4. 2024')), 'a~v~Praze dne 2.~4.~2024');
  assert.equal(show(tieCzechText('podle § 33 odst. 1 písm. a) zákona')), 'podle §~33 odst.~1 písm.~a) zákona');
  assert.equal(show(tieCzechText('poplatek 1 000 Kč')), 'poplatek 1~000~Kč');
  assert.equal(show(tieCzechText('Č. j.: OAM-1/PHA-2026')), 'Č.~j.:~OAM-1/PHA-2026');
});

test('leaves other text unchanged', () => {
  const text = 'Ministerstvo vnitra rozhodlo takto:';
  assert.equal(tieCzechText(text), text);
});
