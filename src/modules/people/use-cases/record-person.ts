/**
 * The person behind a new applicant or nominee, recorded inside the intake's own transaction: a new
 * person with its passport and every name variant — or, when the officer names an existing person
 * (`linkTo`), a new record linked into that one (a `link` decision, reversible like a merge) — and
 * the duplicate candidates the caller may see, with their reasons. Never merged automatically.
 */
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Trx } from '../../../platform/db/db.ts';
import type { StaffActor } from '../../auth/index.ts';
import { type PersonName, personVariants } from '../domain/person-variants.ts';
import {
  addVariants,
  findPersonRow,
  insertLink,
  insertPerson,
  type NewPassport,
  setMergedInto,
  upsertPassport,
} from '../db/people.queries.ts';
import { type DuplicateCandidate, findDuplicateCandidates } from './duplicates.ts';
import { sql } from 'kysely';
import { visibleTo } from './visibility.ts';

export interface PersonIntake extends PersonName {
  dateOfBirth: string;
  sex?: 'M' | 'F' | 'X' | null;
  passport: NewPassport;
  /** An existing person the officer identified this one as (from the candidates or a search). */
  linkTo?: string | null;
}

export interface RecordedPerson {
  personId: string;
  /** The person this record was linked into at intake, if any. */
  linkedTo: string | null;
  duplicateCandidates: DuplicateCandidate[];
}

/**
 * @param fieldPrefix where the person sits in the request body, for errors (e.g. `/applicant`)
 * @throws VALIDATION.FAILED (`<prefix>/linkTo` unknown or not visible)
 */
export async function recordPerson(
  trx: Trx,
  actor: StaffActor,
  p: PersonIntake,
  opts: { requestId: string | null; fieldPrefix: string },
): Promise<RecordedPerson> {
  let linkedTo: string | null = null;
  if (p.linkTo) {
    const target = await findPersonRow(trx, p.linkTo);
    const visible =
      target &&
      (
        await sql<{ ok: boolean }>`select ${visibleTo(actor)} as ok from persons p where p.id = ${target.merged_into ?? target.id}`.execute(
          trx,
        )
      ).rows[0]?.ok;
    if (!target || !visible)
      throw validationFailed([fieldError(`${opts.fieldPrefix}/personId`, 'UNKNOWN_PERSON', 'No such person among those you may see.')]);
    linkedTo = target.merged_into ?? target.id;
  }
  const personId = await insertPerson(trx, p);
  const variants = personVariants(p);
  await addVariants(trx, personId, variants);
  await upsertPassport(trx, personId, p.passport);
  if (linkedTo) {
    await setMergedInto(trx, personId, linkedTo);
    const link = await insertLink(trx, { kind: 'link', personId, otherId: linkedTo, by: actor.id });
    await writeAudit(trx, {
      actorId: actor.id,
      action: 'person.linked',
      entityType: 'person',
      entityId: personId,
      requestId: opts.requestId,
      after: { into: linkedTo, linkId: link.id },
    });
  }
  const duplicateCandidates = await findDuplicateCandidates(trx, actor, {
    personIds: linkedTo ? [personId, linkedTo] : [personId],
    variants,
    dateOfBirth: p.dateOfBirth,
    passportNumbers: [p.passport.number],
  });
  await writeAudit(trx, {
    actorId: actor.id,
    action: 'person.recorded',
    entityType: 'person',
    entityId: personId,
    requestId: opts.requestId,
    // ids and counts only: never the name, the birth date or the passport number
    after: { variants: variants.length, linkedTo, candidates: duplicateCandidates.map((c) => c.personId) },
  });
  return { personId, linkedTo, duplicateCandidates };
}
