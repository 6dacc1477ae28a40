/**
 * The variants stored for one person (issue 13): every spelling of the whole name, native script
 * first, the passport's Latin spelling, then each transliteration system. Names are written surname
 * first ("Шевченко Олена", "SHEVCHENKO OLENA"); trigram matching does not depend on word order.
 */
import { foldName } from './names/fold.ts';
import { describeVariant, nameVariants, type NameVariant } from './names/variants.ts';

export interface PersonName {
  surname: string;
  givenNames: string;
  /** The name in its own script, surname first, if known. */
  nativeName?: string | null;
  nationality: string;
}

/** The Latin name as recorded (the passport's spelling, surname first). */
export const latinName = (p: Pick<PersonName, 'surname' | 'givenNames'>) => `${p.surname} ${p.givenNames}`.trim();

export function personVariants(p: PersonName): NameVariant[] {
  const latin = latinName(p);
  const native = p.nativeName?.trim();
  if (native) return nameVariants(native, { nationality: p.nationality, passportLatin: latin });
  // No native form: the Latin name is all there is (nothing is invented from it).
  const folded = foldName(latin);
  return folded ? [{ system: 'passport', text: latin.toUpperCase(), folded, from: latin }] : [];
}

/** A memo of personVariants for bulk work (the generator, the reindex): nameVariants takes milliseconds. */
export function cachedPersonVariants(): (p: PersonName) => NameVariant[] {
  const memo = new Map<string, NameVariant[]>();
  return (p) => {
    const key = `${p.nationality}\u0000${p.surname}\u0000${p.givenNames}\u0000${p.nativeName ?? ''}`;
    let v = memo.get(key);
    if (!v) {
      v = personVariants(p);
      if (memo.size > 200_000) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
}

/** A stored variant row read back as a NameVariant, to say why it matched. */
export function reasonOf(row: { system: string; variant: string; folded: string; made_from: string; language: string | null }): string {
  return describeVariant({
    system: row.system as NameVariant['system'],
    text: row.variant,
    folded: row.folded,
    from: row.made_from,
    ...(row.language ? { language: row.language as NonNullable<NameVariant['language']> } : {}),
  });
}
