/** Partner organisations, registered by an administrator (staff accounts are the auth module's). */
import type { StaffCtx } from '../../auth/index.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { isUniqueViolation } from '../../../platform/pg-errors.ts';
import { requirePermission } from '../../auth/index.ts';
import { PartnerOrgErrors } from '../civil-society.errors.ts';
import { listAssignmentsOf } from '../db/nomination-cases.queries.ts';

export function insertPartnerOrg(db: StaffCtx['db'], name: string) {
  return db.insertInto('partner_orgs').values({ name }).returning('id').executeTakeFirstOrThrow();
}

/** @throws AUTH.FORBIDDEN, PARTNER_ORG.NAME_TAKEN (with the field) */
export async function createPartnerOrg(ctx: StaffCtx, name: string) {
  requirePermission(ctx.actor, 'org.manage');
  try {
    // The organisation and its audit event commit together.
    return await ctx.db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('partner_orgs').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actorId: ctx.actor.id,
        action: 'org.created',
        entityType: 'partner_org',
        entityId: r.id,
        requestId: ctx.requestId,
      });
      return r;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError(PartnerOrgErrors.NAME_TAKEN, 'An organisation with that name exists.', {
        fields: [fieldError('/name', 'TAKEN', 'An organisation with that name exists.')],
      });
    throw e;
  }
}

/** Every partner organisation, by name. @throws AUTH.FORBIDDEN */
export async function listPartnerOrgs(ctx: StaffCtx) {
  requirePermission(ctx.actor, 'org.manage');
  const rows = await ctx.db.selectFrom('partner_orgs').select(['id', 'name', 'created_at']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at) }));
}

/** Nominations an officer or supervisor may list: assigned ones (officer) or all (supervisor); never names or narratives. */
export async function listNominationsForStaff(ctx: StaffCtx) {
  requirePermission(ctx.actor, 'nomination.work');
  let q = ctx.db
    .selectFrom('nominations as n')
    .select(['n.id', 'n.reference', 'n.status', 'n.category', 'n.nationality', 'n.visa_type', 'n.nominated_on']);
  if (ctx.actor.role !== 'supervisor')
    q = q.innerJoin('nomination_assignments as a', 'a.nomination_id', 'n.id').where('a.officer_id', '=', ctx.actor.id);
  const rows = await q.orderBy('n.nominated_on').execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    category: r.category,
    nationality: r.nationality,
    visaType: r.visa_type,
    nominatedOn: r.nominated_on,
  }));
}

/** The same list with the officers assigned to each (ids), for the staff pages. */
export async function listNominationsWithOfficers(ctx: StaffCtx) {
  const rows = await listNominationsForStaff(ctx);
  const assigned = await listAssignmentsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, officers: assigned.filter((a) => a.nomination_id === r.id).map((a) => a.officer_id) }));
}
