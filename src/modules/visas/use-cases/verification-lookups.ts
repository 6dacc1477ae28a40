/** What the authorities' module may ask of the register: one visa by number or by passport + birth date, and the change feed. */
import type { Db } from '../../../platform/db/db.ts';

export type VisaQuery = { visaNumber: string } | { passportNumber: string; dateOfBirth: string };

export async function findVisaForVerification(db: Db, q: VisaQuery) {
  let query = db.selectFrom('visas as v').innerJoin('applicants as a', 'a.id', 'v.applicant_id')
    .select(['v.id', 'v.visa_number', 'v.visa_code', 'v.status', 'v.valid_from', 'v.valid_to', 'a.surname', 'a.given_names', 'a.date_of_birth']);
  query = 'visaNumber' in q
    ? query.where('v.visa_number', '=', q.visaNumber)
    : query.where('a.passport_number', '=', q.passportNumber).where('a.date_of_birth', '=', q.dateOfBirth);
  // The newest visa first when a passport holds several.
  return query.orderBy('v.issued_on', 'desc').executeTakeFirst();
}

export function listChangeEvents(db: Db, afterSeq: number, limit: number) {
  return db.selectFrom('change_events').select(['seq', 'event_id', 'occurred_at', 'kind', 'payload'])
    .where('seq', '>', String(afterSeq)).orderBy('seq').limit(limit).execute();
}
