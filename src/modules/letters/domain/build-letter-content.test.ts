import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLetterContent } from './build-letter-content.ts';
import { LetterInputError } from './letter.errors.ts';
import { ALL_LETTER_KINDS, sampleLetterInput } from './letter-input.fixtures.ts';
import type { LetterContent, LetterInput } from './letter.types.ts';

const texts = (c: LetterContent, type?: 'heading' | 'paragraph' | 'bullet') =>
  c.blocks.filter((b) => !type || b.type === type).map((b) => b.text);

test('every kind has the letterhead, reference, place and date, addressee and signature', () => {
  for (const kind of ALL_LETTER_KINDS) {
    const all = texts(buildLetterContent(sampleLetterInput(kind)));
    for (const expected of [
      'Ministerstvo vnitra',
      'Odbor azylové a migrační politiky',
      'Pracoviště Praha – Cigánkova',
      'Cigánkova 1861/2, 148 00 Praha 4',
      'Č. j.: OAM-000123/PHA-2026',
      'Praha dne 24. 11. 2026',
      'ŠEVČENKOVÁ OLENA',
      'datum narození: 2. 4. 1990',
      'státní občanství: Ukrajina',
      'Žižkova 1234/5, 130 00 Praha 3',
      'Mgr. Jiří Dvořák',
      'referent oddělení pobytu',
      'otisk úředního razítka',
    ]) {
      assert.ok(all.includes(expected), `${kind}: missing "${expected}"`);
    }
  }
});

test('the title appears exactly once, as a heading', () => {
  const expectedTitles = {
    return: 'Sdělení o nepřijatelnosti žádosti',
    grant: 'Rozhodnutí',
    refusal: 'Rozhodnutí',
    discontinuation: 'Usnesení',
    interruption: 'Výzva k odstranění nedostatků žádosti a usnesení o přerušení řízení',
  } as const;
  for (const kind of ALL_LETTER_KINDS) {
    const content = buildLetterContent(sampleLetterInput(kind));
    assert.equal(content.title, expectedTitles[kind]);
    assert.equal(content.blocks.filter((b) => b.text === content.title && b.type === 'heading').length, 1, kind);
  }
});

test('an office without an address prints no empty line', () => {
  const content = buildLetterContent(sampleLetterInput('grant', { office: { name: 'Pracoviště Brno', address: null } }));
  assert.ok(content.blocks.every((b) => b.text.trim().length > 0));
  assert.ok(texts(content).some((t) => t.includes('(Pracoviště Brno)')));
});

test('missing kind data throws LetterInputError naming the field', () => {
  const cases: [LetterInput, string][] = [
    [sampleLetterInput('return', { missingItems: undefined }), '/missingItems'],
    [sampleLetterInput('return', { missingItems: [] }), '/missingItems'],
    [sampleLetterInput('grant', { visa: undefined }), '/visa'],
    [sampleLetterInput('refusal', { refusal: undefined }), '/refusal'],
    [sampleLetterInput('discontinuation', { discontinuation: undefined }), '/discontinuation'],
    [sampleLetterInput('interruption', { interruption: undefined }), '/interruption'],
  ];
  for (const [input, field] of cases) {
    assert.throws(
      () => buildLetterContent(input),
      (err: unknown) => err instanceof LetterInputError && err.code === 'VALIDATION.FAILED' && err.details.fields?.[0]?.field === field,
      `${input.kind} without ${field}`,
    );
  }
});

test('invalid common fields throw LetterInputError', () => {
  const cases: [Partial<LetterInput>, string][] = [
    [{ issuedOn: '24. 11. 2026' }, '/issuedOn'],
    [{ receivedOn: '2026-02-30' }, '/receivedOn'],
    [{ reference: '  ' }, '/reference'],
    [{ kind: 'appeal' as never }, '/kind'],
  ];
  for (const [overrides, field] of cases) {
    assert.throws(
      () => buildLetterContent(sampleLetterInput('grant', overrides)),
      (err: unknown) => err instanceof LetterInputError && err.details.fields?.[0]?.field === field,
      field,
    );
  }
});

test('the same input gives the same content', () => {
  for (const kind of ALL_LETTER_KINDS) {
    assert.deepEqual(buildLetterContent(sampleLetterInput(kind)), buildLetterContent(sampleLetterInput(kind)));
  }
});
