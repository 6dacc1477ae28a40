/**
 * `pobyt audit verify` and GET /api/v1/audit/verify: both chains (audit events, case actions), the
 * first broken link of each, and — given anchors saved earlier — whether a chain's tail was cut off.
 */
import type { Db } from '../../../platform/db/db.ts';
import type { Clock } from '../../../platform/clock.ts';
import { auditEventChainAnchor, verifyAuditEventChain } from '../../../platform/audit.ts';
import { checkAnchor, type ChainAnchor, type ChainBreak, type ChainReport } from '../../../platform/audit-chain.ts';
import { caseActionChainAnchor, verifyCaseActionChain } from '../../cases/index.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { requirePermission, type StaffCtx } from '../../auth/index.ts';

export interface AuditVerification {
  ok: boolean;
  tables: ChainReport[];
  /** The first break found (audit events first), or null. */
  firstBreak: ChainBreak | null;
  /** How many anchors were checked (0 without an anchor file). */
  anchorsChecked: number;
}

/** What `--save-anchors` writes and `--anchors` reads. */
export interface AnchorFile {
  pobytAuditAnchors: 1;
  savedAt: string;
  anchors: ChainAnchor[];
}

export async function verifyAuditChains(db: Db, anchors?: AnchorFile | null): Promise<AuditVerification> {
  const tables = [await verifyAuditEventChain(db), await verifyCaseActionChain(db)];
  let firstBreak = tables.find((t) => t.firstBreak)?.firstBreak ?? null;
  let anchorsChecked = 0;
  for (const a of anchors?.anchors ?? []) {
    const b = await checkAnchor(db, a);
    anchorsChecked += 1;
    if (b) {
      const report = tables.find((t) => t.table === a.table);
      if (report?.ok) {
        report.ok = false;
        report.firstBreak = b;
      }
      firstBreak ??= b;
    }
  }
  return { ok: firstBreak === null, tables, firstBreak, anchorsChecked };
}

export async function readAnchors(db: Db, clock: Clock): Promise<AnchorFile> {
  const anchors = [await auditEventChainAnchor(db), await caseActionChainAnchor(db)].filter((a): a is ChainAnchor => a !== null);
  return { pobytAuditAnchors: 1, savedAt: clock.now().toISOString(), anchors };
}

/** @throws Error when the text is not an anchor file */
export function parseAnchorFile(text: string): AnchorFile {
  const v = JSON.parse(text) as Partial<AnchorFile>;
  const good =
    v?.pobytAuditAnchors === 1 &&
    Array.isArray(v.anchors) &&
    v.anchors.every((a) => a && typeof a.table === 'string' && /^[0-9]+$/.test(String(a.id)) && /^[0-9a-f]{64}$/.test(String(a.rowHash)));
  if (!good) throw new Error('not a pobyt audit anchor file');
  return v as AnchorFile;
}

/**
 * The check a supervisor or an administrator runs (the API route and the page): both chains, then an
 * audit event chained onto the rows just verified. @throws AUTH.FORBIDDEN without `audit.verify`
 */
export async function verifyChainsAsStaff(ctx: StaffCtx): Promise<AuditVerification> {
  requirePermission(ctx.actor, 'audit.verify');
  const result = await verifyAuditChains(ctx.db);
  await writeAudit(ctx.db, {
    actorId: ctx.actor.id,
    action: 'audit.verify',
    entityType: 'audit',
    entityId: 'chains',
    after: { ok: result.ok, firstBreak: result.firstBreak, rows: Object.fromEntries(result.tables.map((t) => [t.table, t.rows])) },
    requestId: ctx.requestId,
  });
  return result;
}
