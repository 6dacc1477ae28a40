import type { Db, Trx } from '../../../platform/db/db.ts';

export function findVisaByCase(db: Db | Trx, caseId: string) {
  return db
    .selectFrom('visas')
    .select(['id', 'visa_number', 'visa_code', 'valid_from', 'valid_to', 'issued_on', 'status'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** Visa numbers by id (the appointments of a day name each booking's visa; no holder data). */
export async function visaNumbersOf(db: Db | Trx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('visas').select(['id', 'visa_number']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.visa_number]));
}
