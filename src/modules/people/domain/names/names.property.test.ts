// Properties of every transliteration system over random names in the Russian, Ukrainian and
// Belarusian alphabets: only Latin letters and the system's separators come out, and no letter is
// lost except the documented omissions (NAME_SYSTEMS[s].omits) and contractions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldName } from './fold.ts';
import { passportSpelling } from './passport-spelling.ts';
import { ALL_NAME_SYSTEMS, NAME_SYSTEMS, type NameSystem } from './systems.ts';
import { CYRILLIC_LETTERS } from './tables.ts';
import { transliterate } from './transliterate.ts';
import { nameVariants } from './variants.ts';

const letter = fc.constantFrom(...CYRILLIC_LETTERS, ...CYRILLIC_LETTERS.toUpperCase());
const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const apostrophed = fc.tuple(word, fc.constantFrom("'", 'ʼ', '’'), word).map(([a, s, b]) => a + s + b.toLowerCase());
const name = fc
  .array(fc.tuple(fc.oneof(word, apostrophed), fc.constantFrom(' ', '-')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([w, sep], i) => (i ? sep : '') + w).join(''));

const KEEPS_APOSTROPHE: NameSystem[] = ['ru-mvd-782', 'ru-mvd-310'];
const latinLetters = (s: string) => [...s].filter((c) => /\p{Script=Latin}/u.test(c)).length;

/**
 * Letters of the input a system may legitimately not write one for one: its omissions, plus the
 * contractions of the English habit (word-final -ий/-ый/-ій → y/iy) and the French table (кс → x).
 */
function allowance(input: string, system: NameSystem): number {
  const lower = input.toLowerCase();
  const omitted = [...lower].filter((c) => NAME_SYSTEMS[system].omits.includes(c) || c === 'ʼ' || c === '’').length;
  let contracted = 0;
  if (system === 'en-common') contracted += (lower.match(/[иыі]й(?=$|[ -])/g) ?? []).length;
  if (system === 'ru-mvd-310-fr') contracted += (lower.match(/кс/g) ?? []).length;
  return omitted + contracted;
}

test('property: every system writes only Latin letters, spaces, hyphens (and apostrophes where it keeps them)', () => {
  fc.assert(
    fc.property(name, fc.constantFrom(...ALL_NAME_SYSTEMS), (n, s) => {
      const out = transliterate(n, s);
      const allowed = KEEPS_APOSTROPHE.includes(s) ? /^[\p{Script=Latin} '-]*$/u : /^[\p{Script=Latin} -]*$/u;
      assert.match(out, allowed, `${n} by ${s} → ${out}`);
      assert.equal(out.split(/[ -]/).length, n.split(/[ -]/).length, `words kept: ${n} → ${out}`);
    }),
    { numRuns: 1500 },
  );
});

test('property: nothing is dropped silently — each letter gives a Latin letter unless documented', () => {
  fc.assert(
    fc.property(name, fc.constantFrom(...ALL_NAME_SYSTEMS), (n, s) => {
      const out = transliterate(n, s);
      const cyr = [...n].filter((c) => CYRILLIC_LETTERS.includes(c.toLowerCase())).length;
      assert.ok(latinLetters(out) >= cyr - allowance(n, s), `${n} by ${s} → ${out}`);
    }),
    { numRuns: 1500 },
  );
});

test('property: a single letter between vowels always shows in the output, unless its system omits it', () => {
  for (const s of ALL_NAME_SYSTEMS)
    for (const c of CYRILLIC_LETTERS) {
      if (NAME_SYSTEMS[s].omits.includes(c)) continue;
      const out = transliterate(`а${c}а`, s);
      assert.ok(latinLetters(out) >= 3 || (s === 'ru-mvd-310-fr' && c === 'к'), `${c} by ${s} → ${out}`);
    }
});

test('property: passport spellings are capital A–Z, space and hyphen only, for the three states', () => {
  fc.assert(
    fc.property(name, fc.constantFrom('UKR', 'RUS', 'BLR'), (n, nat) => {
      assert.match(passportSpelling(n, nat), /^[A-Z -]*$/);
    }),
    { numRuns: 1000 },
  );
});

test('property: the case of the input decides only the case of the output', () => {
  fc.assert(
    fc.property(name, fc.constantFrom(...ALL_NAME_SYSTEMS), (n, s) => {
      assert.equal(foldName(transliterate(n.toUpperCase(), s)), foldName(transliterate(n.toLowerCase(), s)));
    }),
    { numRuns: 800 },
  );
});

test('property: foldName is idempotent and ignores case, apostrophes and hyphens', () => {
  fc.assert(
    fc.property(name, (n) => {
      const f = foldName(n);
      assert.equal(foldName(f), f);
      assert.equal(foldName(n.toUpperCase()), f);
      assert.equal(foldName(n.replace(/-/g, ' ')), f);
      assert.equal(foldName(n.replace(/['ʼ’]/g, '')), f);
    }),
    { numRuns: 800 },
  );
});

test('property: variants are distinct once folded, and each carries its own folded text', () => {
  fc.assert(
    fc.property(name, fc.constantFrom(undefined, 'UKR', 'RUS', 'BLR'), (n, nat) => {
      const vs = nameVariants(n, nat ? { nationality: nat } : {});
      assert.equal(new Set(vs.map((v) => v.folded)).size, vs.length);
      for (const v of vs) assert.equal(v.folded, foldName(v.text));
      assert.equal(vs[0]?.system, 'native');
    }),
    { numRuns: 300 },
  );
});
