/**
 * Master-key rotation: every data key still wrapped by another master key is unwrapped and wrapped
 * by the active one, in small batches, each a short transaction — so it runs while the service runs.
 * Field ciphertexts are untouched. Returns how many records were re-wrapped.
 */
import type { Db } from '../../../platform/db/db.ts';
import { rewrapRecordKey, type Keyring } from '../../../platform/crypto.ts';

export async function rotateKeys(db: Db, ring: Keyring, onProgress?: (done: number, total: number) => void, batch = 200): Promise<number> {
  const total = Number(
    (
      await db
        .selectFrom('nominations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('dek_master_id', '<>', ring.active)
        .executeTakeFirstOrThrow()
    ).n,
  );
  let done = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('nominations')
        .select(['id', 'dek_wrapped', 'dek_master_id'])
        .where('dek_master_id', '<>', ring.active)
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const r of rows) {
        const w = rewrapRecordKey(ring, r.id, r.dek_wrapped, r.dek_master_id);
        await trx
          .updateTable('nominations')
          .set({ dek_wrapped: w.wrapped, dek_master_id: w.masterId })
          .where('id', '=', r.id)
          .where('dek_master_id', '=', r.dek_master_id)
          .execute();
      }
      return rows.length;
    });
    if (n === 0) break;
    done += n;
    onProgress?.(done, total);
  }
  return done;
}
