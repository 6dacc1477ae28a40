/**
 * `pobyt demo generate --people N`: N demo persons (domain/demo-names.ts) with their passports and
 * every name variant, inserted set-based in batches (one statement per table per batch, arrays
 * unnested on the server), variants cached per distinct name; ~1 % true duplicates under another
 * spelling, which `demoDuplicates` lists again from the seed.
 */
import type { Db } from '../../../platform/db/db.ts';
import { passportSpelling } from '../domain/names/passport-spelling.ts';
import { cachedPersonVariants } from '../domain/person-variants.ts';
import { type DemoIdentity, demoIdentity, prng } from '../domain/demo-names.ts';
import { insertPersonRows, insertVariantRows } from '../db/people.queries.ts';
import type { NameVariant } from '../domain/names/variants.ts';

export interface GenerateOptions {
  count: number;
  seed?: number;
  batch?: number;
  duplicateShare?: number;
  onProgress?: (done: number, total: number) => void;
}

const firstSpace = (s: string): [string, string] => {
  const i = s.indexOf(' ');
  return i < 0 ? [s, s] : [s.slice(0, i), s.slice(i + 1)];
};

/** The person as recorded: a first record carries its native name and passport spelling; a duplicate another Latin spelling only. */
export function spellDemo(
  d: DemoIdentity,
  variantsOf: (p: { surname: string; givenNames: string; nativeName: string | null; nationality: string }) => NameVariant[],
) {
  const native = d.nativeName!;
  const [surname, givenNames] = firstSpace(passportSpelling(native, d.nationality));
  if (d.duplicateOf === null) return { surname, givenNames, nativeName: native };
  // Another spelling of the same name: an older passport's, a Czech or English one — never the current passport's.
  const others = variantsOf({ surname, givenNames, nativeName: native, nationality: d.nationality }).filter(
    (v) =>
      v.system !== 'native' &&
      v.system !== 'passport' &&
      v.folded !== `${surname} ${givenNames}`.toLowerCase() &&
      /^[A-Za-z' -]+$/.test(v.text),
  );
  const r = prng(d.index * 7 + 3);
  const v = others.length ? others[Math.floor(r() * others.length)]! : null;
  const [s, g] = v ? firstSpace(v.text.toUpperCase()) : [surname, givenNames];
  return { surname: s, givenNames: g, nativeName: null };
}

export async function generatePeople(db: Db, o: GenerateOptions): Promise<{ persons: number; variants: number; duplicates: number }> {
  const seed = o.seed ?? 1;
  const size = o.batch ?? 5000;
  const variantsOf = cachedPersonVariants();
  let variants = 0;
  let duplicates = 0;
  for (let start = 0; start < o.count; start += size) {
    const persons: Parameters<typeof insertPersonRows>[1] = [];
    const vrows: Parameters<typeof insertVariantRows>[1] = [];
    for (let i = start; i < Math.min(o.count, start + size); i++) {
      const d = demoIdentity(seed, i, o.duplicateShare);
      const name = spellDemo(d, variantsOf);
      if (d.duplicateOf !== null) duplicates++;
      persons.push({
        id: d.id,
        ...name,
        dateOfBirth: d.dateOfBirth,
        nationality: d.nationality,
        sex: d.sex,
        passport: d.passport,
        passportExpires: d.passportExpires,
      });
      for (const v of variantsOf({ ...name, nationality: d.nationality }))
        vrows.push({ personId: d.id, system: v.system, text: v.text, folded: v.folded, from: v.from, language: v.language ?? null });
    }
    await db.transaction().execute(async (trx) => {
      await insertPersonRows(trx, persons);
      await insertVariantRows(trx, vrows);
    });
    variants += vrows.length;
    o.onProgress?.(Math.min(o.count, start + size), o.count);
  }
  return { persons: o.count, variants, duplicates };
}

/** The true duplicates of a generated run: [duplicate id, original id]. */
export function demoDuplicates(count: number, seed = 1, duplicateShare?: number): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const d = demoIdentity(seed, i, duplicateShare);
    if (d.duplicateOf !== null) out.push([d.id, demoIdentity(seed, d.duplicateOf, duplicateShare).id]);
  }
  return out;
}
