import type { Db, Trx } from '../../../platform/db/db.ts';

export type LetterRowSummary = Awaited<ReturnType<typeof listLettersOfCase>>[number];

const SUMMARY = [
  'id',
  'case_id',
  'kind',
  'template_version',
  'sha256',
  'issued_on',
  'posted_on',
  'ready_for_collection_on',
  'delivered_on',
  'delivery_how',
] as const;

export function listLettersOfCase(db: Db | Trx, caseId: string) {
  return db.selectFrom('letters').select(SUMMARY).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export function findLetter(db: Db | Trx, caseId: string, letterId: string) {
  return db.selectFrom('letters').select(SUMMARY).where('case_id', '=', caseId).where('id', '=', letterId).executeTakeFirst();
}

export function findLetterPdf(db: Db | Trx, caseId: string, letterId: string) {
  return db
    .selectFrom('letters')
    .select(['id', 'kind', 'sha256', 'pdf'])
    .where('case_id', '=', caseId)
    .where('id', '=', letterId)
    .executeTakeFirst();
}
