import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCatalogs, LOCALES } from '../../../platform/i18n.ts';
import { DOCUMENT_TEXTS } from './texts.ts';

test('the documents’ words exist in all five languages with the same placeholders, and compile', () => {
  const flat = Object.fromEntries(
    LOCALES.map((l) => [
      l,
      {
        ...Object.fromEntries(Object.entries(DOCUMENT_TEXTS[l].labels).map(([k, v]) => [`label.${k}`, v])),
        ...DOCUMENT_TEXTS[l].text,
      },
    ]),
  );
  for (const l of LOCALES) for (const [k, v] of Object.entries(flat[l]!)) assert.ok(v.trim(), `${l}: ${k} is empty`);
  // Czech alone has the {sex, select} forms; the other languages write both forms in one text.
  const problems = checkCatalogs(flat, 'cs').filter((p) => !(p.problem === 'placeholders' && /^aff\.(intro|declare|truth)$/.test(p.key)));
  assert.deepEqual(problems, []);
});
