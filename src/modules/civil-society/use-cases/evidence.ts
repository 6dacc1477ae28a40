/** Evidence files attached by the nominating NGO: type checked by content, size limited, sealed like the narrative. */
import { randomUUID } from 'node:crypto';
import type { StaffCtx } from '../../auth/index.ts';
import { AppError, fieldError, validationFailed, GenericErrors } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { sealField, unwrapRecordKey, openField } from '../../../platform/crypto.ts';
import { requirePermission } from '../../auth/index.ts';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../domain/nomination-model.ts';
import { AuthErrors } from '../../auth/index.ts';
import { CaseErrors } from '../../cases/index.ts';

/** @throws NOT_FOUND (not the caller's organisation's nomination), VALIDATION.FAILED (type, size) */
export async function addEvidence(ctx: StaffCtx, nominationId: string, file: { name: string; mime: string; content: Buffer }) {
  requirePermission(ctx.actor, 'nomination.create');
  const check = EVIDENCE_TYPES.get(file.mime);
  if (!check) throw validationFailed([fieldError('/mime', 'TYPE_NOT_ALLOWED', `Allowed: ${[...EVIDENCE_TYPES.keys()].join(', ')}.`)]);
  if (file.content.length === 0 || file.content.length > EVIDENCE_MAX_BYTES)
    throw validationFailed([fieldError('/content', 'SIZE', `Between 1 byte and ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`)]);
  if (!check(file.content)) throw validationFailed([fieldError('/content', 'CONTENT_MISMATCH', `The file is not a ${file.mime}.`)]);
  return ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .selectFrom('nominations')
      .select(['id', 'org_id', 'dek_wrapped', 'dek_master_id', 'status'])
      .where('id', '=', nominationId)
      .executeTakeFirst();
    if (!n || n.org_id !== ctx.actor.orgId) throw new AppError(GenericErrors.NOT_FOUND, 'No such nomination.');
    if (n.status === 'approved' || n.status === 'declined') throw new AppError(CaseErrors.ILLEGAL_TRANSITION, 'The nomination is decided.');
    const dek = unwrapRecordKey(ctx.config.keyring!, n.id, n.dek_wrapped, n.dek_master_id);
    const id = randomUUID();
    await trx
      .insertInto('nomination_evidence')
      .values({
        id,
        nomination_id: n.id,
        mime: file.mime,
        size_bytes: file.content.length,
        name_ct: sealField(dek, n.id, `evidence:${id}:name`, file.name),
        content_ct: sealField(dek, n.id, `evidence:${id}:content`, file.content),
      })
      .execute();
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'nomination.evidence_added',
      entityType: 'nomination',
      entityId: n.id,
      requestId: ctx.requestId,
      after: { evidenceId: id, mime: file.mime, size: file.content.length },
    });
    return { id, mime: file.mime, sizeBytes: file.content.length };
  });
}

/** An evidence file, for an assigned officer only; the read is audited. */
export async function readEvidence(ctx: StaffCtx, nominationId: string, evidenceId: string) {
  requirePermission(ctx.actor, 'nomination.work');
  return ctx.db.transaction().execute(async (trx) => {
    const assigned = await trx
      .selectFrom('nomination_assignments')
      .select('officer_id')
      .where('nomination_id', '=', nominationId)
      .where('officer_id', '=', ctx.actor.id)
      .executeTakeFirst();
    if (!assigned) throw new AppError(AuthErrors.FORBIDDEN, 'Only officers assigned to this nomination read its evidence.');
    const n = await trx
      .selectFrom('nominations')
      .select(['dek_wrapped', 'dek_master_id'])
      .where('id', '=', nominationId)
      .executeTakeFirstOrThrow();
    const e = await trx
      .selectFrom('nomination_evidence')
      .selectAll()
      .where('id', '=', evidenceId)
      .where('nomination_id', '=', nominationId)
      .executeTakeFirst();
    if (!e) throw new AppError(GenericErrors.NOT_FOUND, 'No such evidence.');
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'nomination.evidence_read',
      entityType: 'nomination',
      entityId: nominationId,
      requestId: ctx.requestId,
      after: { evidenceId },
    });
    const dek = unwrapRecordKey(ctx.config.keyring!, nominationId, n.dek_wrapped, n.dek_master_id);
    return { mime: e.mime, content: openField(dek, nominationId, `evidence:${evidenceId}:content`, e.content_ct) };
  });
}
