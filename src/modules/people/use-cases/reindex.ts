/**
 * `pobyt people reindex`: writes every person's name variants again with the current nameVariants
 * (after migration 0014's plain fold, or after the names code changed — VARIANTS_VERSION), in
 * batches of one transaction each, keyset-paged; variants cached per distinct name.
 */
import type { Db } from '../../../platform/db/db.ts';
import { cachedPersonVariants } from '../domain/person-variants.ts';
import { countPersons, insertVariantRows, markVariantsCurrent, personBatch, replaceVariantsOf } from '../db/people.queries.ts';

export async function reindexPeople(
  db: Db,
  opts: { onlyStale?: boolean; batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ persons: number; variants: number }> {
  const onlyStale = opts.onlyStale ?? false;
  const size = opts.batch ?? 2000;
  const total = await countPersons(db, onlyStale);
  const variantsOf = cachedPersonVariants();
  let after: string | null = null;
  let persons = 0;
  let variants = 0;
  for (;;) {
    const batch = await personBatch(db, after, size, onlyStale);
    if (!batch.length) break;
    const rows = batch.flatMap((p) =>
      variantsOf({ surname: p.surname, givenNames: p.given_names, nativeName: p.native_name, nationality: p.nationality }).map((v) => ({
        personId: p.id,
        system: v.system,
        text: v.text,
        folded: v.folded,
        from: v.from,
        language: v.language ?? null,
      })),
    );
    const ids = batch.map((p) => p.id);
    await db.transaction().execute(async (trx) => {
      await replaceVariantsOf(trx, ids);
      await insertVariantRows(trx, rows);
      await markVariantsCurrent(trx, ids);
    });
    persons += batch.length;
    variants += rows.length;
    after = ids.at(-1)!;
    opts.onProgress?.(persons, total);
  }
  return { persons, variants };
}
