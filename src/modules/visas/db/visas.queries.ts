import type { Db, Trx } from '../../../platform/db/db.ts';

export function findVisaByCase(db: Db | Trx, caseId: string) {
  return db
    .selectFrom('visas')
    .select(['id', 'visa_number', 'visa_code', 'valid_from', 'valid_to', 'issued_on', 'status'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}
