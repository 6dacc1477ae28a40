/**
 * Letters as records: render, hash and store a letter in the command's transaction, then record
 * its posting and delivery. "What exactly did we send" is answered by the stored PDF and its SHA-256.
 */
import { createHash } from 'node:crypto';
import type { Trx } from '../../../platform/db/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { LETTER_TEMPLATE_VERSION, renderLetterPdf, type LetterInput } from '../render-entry.ts';
import { findLetter } from '../db/letters.queries.ts';
import { LetterErrors } from '../letters.errors.ts';

export async function issueLetter(trx: Trx, args: { caseId: string; input: LetterInput; actorId: string; requestId: string | null }) {
  const pdf = await renderLetterPdf(args.input);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const row = await trx
    .insertInto('letters')
    .values({
      case_id: args.caseId,
      kind: args.input.kind,
      template_version: LETTER_TEMPLATE_VERSION,
      sha256,
      pdf,
      issued_on: args.input.issuedOn,
      created_by: args.actorId,
    })
    .returning(['id', 'kind', 'sha256'])
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actorId: args.actorId,
    action: 'letter.issued',
    entityType: 'letter',
    entityId: row.id,
    requestId: args.requestId,
    after: { caseId: args.caseId, kind: row.kind, sha256, templateVersion: LETTER_TEMPLATE_VERSION },
  });
  return row;
}

/** @throws LETTER.NOT_FOUND, LETTER.ILLEGAL_TRANSITION (already posted, or posted before it was issued) */
export async function recordLetterPosting(
  trx: Trx,
  args: { caseId: string; letterId: string; postedOn: string; actorId: string; requestId: string | null },
) {
  const letter = await findLetter(trx, args.caseId, args.letterId);
  if (!letter) throw new AppError(LetterErrors.NOT_FOUND, 'No such letter in this case.');
  if (letter.posted_on) throw new AppError(LetterErrors.ILLEGAL_TRANSITION, `The letter was already posted on ${letter.posted_on}.`);
  if (args.postedOn < letter.issued_on) {
    throw new AppError(LetterErrors.ILLEGAL_TRANSITION, 'A letter cannot be posted before it was issued.', {
      fields: [{ field: '/postedOn', reason: 'BEFORE_ISSUE', message: `The letter was issued on ${letter.issued_on}.` }],
    });
  }
  await trx.updateTable('letters').set({ posted_on: args.postedOn }).where('id', '=', letter.id).execute();
  await writeAudit(trx, {
    actorId: args.actorId,
    action: 'letter.posted',
    entityType: 'letter',
    entityId: letter.id,
    requestId: args.requestId,
    before: { postedOn: null },
    after: { postedOn: args.postedOn },
  });
}

export interface DeliveryRecord {
  deliveredOn: string;
  how: 'delivered' | 'collected' | 'deemed';
  readyForCollectionOn: string | null;
}

/** @throws LETTER.NOT_FOUND, LETTER.ILLEGAL_TRANSITION (not posted yet, already delivered, delivery before posting) */
export async function recordLetterDelivery(
  trx: Trx,
  args: { caseId: string; letterId: string; delivery: DeliveryRecord; actorId: string; requestId: string | null },
) {
  const letter = await findLetter(trx, args.caseId, args.letterId);
  if (!letter) throw new AppError(LetterErrors.NOT_FOUND, 'No such letter in this case.');
  if (!letter.posted_on) throw new AppError(LetterErrors.ILLEGAL_TRANSITION, 'Record the posting before the delivery.');
  if (letter.delivered_on) throw new AppError(LetterErrors.ILLEGAL_TRANSITION, `Delivery was already recorded (${letter.delivered_on}).`);
  const d = args.delivery;
  const earliest = d.readyForCollectionOn ?? d.deliveredOn;
  if (earliest < letter.posted_on) {
    throw new AppError(LetterErrors.ILLEGAL_TRANSITION, 'Delivery cannot precede posting.', {
      fields: [
        {
          field: d.readyForCollectionOn ? '/readyForCollectionOn' : '/deliveredOn',
          reason: 'BEFORE_POSTING',
          message: `The letter was posted on ${letter.posted_on}.`,
        },
      ],
    });
  }
  await trx
    .updateTable('letters')
    .set({ delivered_on: d.deliveredOn, delivery_how: d.how, ready_for_collection_on: d.readyForCollectionOn })
    .where('id', '=', letter.id)
    .execute();
  await writeAudit(trx, {
    actorId: args.actorId,
    action: 'letter.delivered',
    entityType: 'letter',
    entityId: letter.id,
    requestId: args.requestId,
    before: { deliveredOn: null },
    after: { deliveredOn: d.deliveredOn, how: d.how, readyForCollectionOn: d.readyForCollectionOn },
  });
}
