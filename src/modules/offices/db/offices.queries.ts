import type { Db, Trx } from '../../../platform/db/db.ts';
import { OFFICES, REGIONS } from '../data/directory.ts';

/** Idempotent: inserts the directory rows that are missing and refreshes the rest. */
export async function upsertDirectory(db: Db | Trx): Promise<void> {
  for (const r of REGIONS) {
    await db
      .insertInto('regions')
      .values({ code: r.code, name_cs: r.nameCs, name_en: r.nameEn, iso: r.iso, nuts: r.nuts })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name_cs: r.nameCs, name_en: r.nameEn }))
      .execute();
  }
  for (const o of OFFICES) {
    const row = {
      region_code: o.regionCode,
      name: o.name,
      address: o.address,
      address_verified: o.addressVerified,
      phone: o.phone,
      source: o.source,
    };
    await db
      .insertInto('offices')
      .values({ id: o.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }
}

export function listRegions(db: Db) {
  return db.selectFrom('regions').selectAll().orderBy('code').execute();
}

export function listOffices(db: Db, regionCode?: string) {
  let q = db.selectFrom('offices').selectAll().orderBy('region_code').orderBy('id');
  if (regionCode) q = q.where('region_code', '=', regionCode);
  return q.execute();
}

export function findOffice(db: Db | Trx, id: string) {
  return db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
}
