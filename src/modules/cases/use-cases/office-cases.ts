/** OAMP cases through the engine, answered with the case as an officer sees it. */
import type { StaffCtx } from '../engine/staff-ctx.ts';
import { openCase } from '../engine/open-case.ts';
import { runCaseAction } from '../engine/run-case-action.ts';
import { buildCaseView, type CaseView } from './case-view.ts';

/** Intake of an application of an office case type. @throws as openCase */
export async function openOfficeCase(
  ctx: StaffCtx,
  typeId: string,
  input: unknown,
  idempotencyKey: string | null,
): Promise<CaseView & { replayed: boolean }> {
  const r = await openCase(ctx, typeId, input, idempotencyKey);
  // the person recorded, its duplicate candidates and any MRZ mismatches (not on a replay)
  return { ...(await buildCaseView(ctx.db, r.row, ctx.clock.now())), ...r.output, replayed: r.replayed };
}

/** One action on an office case. @throws as runCaseAction */
export async function actOnOfficeCase(
  ctx: StaffCtx,
  cmd: { caseId: string; action: string; version: number | null; input: unknown; idempotencyKey: string | null },
): Promise<CaseView & { replayed: boolean }> {
  const r = await runCaseAction(ctx, { ...cmd, scope: 'office' });
  return { ...(await buildCaseView(ctx.db, r.row, ctx.clock.now())), replayed: r.replayed };
}
