/**
 * A mass extension decreed by a policy rule (e.g. auto_extension.tolerance_2023), run as set-based
 * SQL in batches. Each batch is one transaction that picks the next visas of the rule's window in
 * (issued_on, id) order (`for update skip locked`), records the extension (unique per visa and rule,
 * so a visa extended before is passed over by `on conflict do nothing`), moves the end date, and
 * writes one audit event and one change event per visa. A crash loses at most the batch in flight; a
 * rerun picks up exactly what is left, so every eligible visa is extended once.
 *
 * Batches page by key (`(issued_on, id) >` the last key of the batch before, on the index
 * visas_extension_walk_idx), so each batch reads only its own rows and a run costs O(N) — not
 * O(N²/batch), as when every batch scanned from the start past all the visas done before it. Rows
 * another transaction holds locked are skipped by the walk; after it the run counts what is still
 * eligible and walks again if anything is, until a walk extends nothing.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/db.ts';
import { writeAuditFrom } from '../../../platform/audit.ts';
import { appendChangeEventsFrom } from '../../../platform/outbox.ts';
import { massExtensionPlan, type MassExtensionPlan } from '../../policy/index.ts';

export interface ExtendOptions {
  ruleId: string;
  dryRun?: boolean;
  batchSize?: number;
  actorId?: string | null;
  onProgress?: (done: number, total: number) => void;
  /** Called with the job id once the run is recorded. */
  onStart?: (runId: string) => void;
  /** Test hook: called after each committed batch (a throw simulates a crash between batches). */
  afterBatch?: (done: number) => void | Promise<void>;
}

export interface ExtendResult {
  runId: string;
  ruleId: string;
  dryRun: boolean;
  eligible: number;
  extended: number;
  plan: MassExtensionPlan;
}

/** The visas the plan's window selects, before the "not already extended by this rule" test. */
function windowWhere(plan: MassExtensionPlan, w: MassExtensionPlan['windows'][number]) {
  return sql`v.status = 'valid'
    and v.visa_code in (${sql.join(plan.visaCodes)})
    and (${!plan.requiresWarRelated} or v.war_related)
    and v.issued_on between ${w.issuedFrom} and ${w.issuedTo}
    and v.valid_to >= ${w.validOnOrAfter} and v.valid_to < ${w.extendTo}`;
}

function eligibleWhere(plan: MassExtensionPlan, w: MassExtensionPlan['windows'][number]) {
  return sql`${windowWhere(plan, w)}
    and not exists (select 1 from visa_extensions e where e.visa_id = v.id and e.rule_id = ${plan.ruleId})`;
}

interface WalkKey {
  issuedOn: string;
  id: string;
}

/**
 * One batch, one transaction: the next `limit` visas of the window after `after` in (issued_on, id)
 * order, locked (skipping rows another transaction holds), extended unless this rule extended them
 * before. Returns how many were extended and the key of the last visa looked at (null: none left).
 */
async function extendBatch(
  db: Db,
  plan: MassExtensionPlan,
  w: MassExtensionPlan['windows'][number],
  runId: string,
  actorId: string | null,
  limit: number,
  after: WalkKey | null,
): Promise<{ extended: number; last: WalkKey | null }> {
  const from = after ? sql`and (v.issued_on, v.id) > (${after.issuedOn}::date, ${after.id}::uuid)` : sql``;
  return db.transaction().execute(async (trx) => {
    const r = await sql<{ n: number; last_issued_on: string | null; last_id: string | null }>`
      with picked as (
        select v.id, v.issued_on, v.valid_to from visas v where ${windowWhere(plan, w)} ${from}
        order by v.issued_on, v.id limit ${limit}
        for update of v skip locked
      ), ext as (
        insert into visa_extensions (visa_id, rule_id, run_id, old_valid_to, new_valid_to)
        select id, ${plan.ruleId}, ${runId}::uuid, valid_to, ${w.extendTo}::date from picked
        on conflict (visa_id, rule_id) do nothing
        returning visa_id, old_valid_to, new_valid_to
      ), upd as (
        update visas v set valid_to = ext.new_valid_to from ext where v.id = ext.visa_id
        returning v.id, v.visa_number, v.valid_from, v.visa_code
      ), aud as (
        ${writeAuditFrom({
          actorId,
          action: 'visa.extended',
          entityType: 'visa',
          entityId: sql`ext.visa_id::text`,
          before: sql`jsonb_build_object('validTo', ext.old_valid_to)`,
          after: sql`jsonb_build_object('validTo', ext.new_valid_to, 'rule', ${plan.ruleId}::text, 'run', ${runId}::text, 'policyVersion', ${plan.policyVersion}::text)`,
          from: sql`ext`,
        })}
      ), feed as (
        ${appendChangeEventsFrom({
          kind: 'visa.extended',
          visaId: sql`upd.id`,
          payload: sql`jsonb_build_object('visaNumber', upd.visa_number, 'visaCode', upd.visa_code,
               'validFrom', upd.valid_from, 'validTo', ${w.extendTo}::date, 'status', 'valid', 'rule', ${plan.ruleId}::text)`,
          from: sql`upd`,
        })}
      ), last as (
        select issued_on, id from picked order by issued_on desc, id desc limit 1
      )
      select (select count(*)::int from ext) as n,
             (select issued_on from last) as last_issued_on, (select id from last) as last_id`.execute(trx);
    const row = r.rows[0]!;
    // Progress and a heartbeat with every batch, even one that extended nothing (the job status shows a dead run as interrupted).
    await trx
      .updateTable('job_runs')
      .set({ done: sql`done + ${row.n}`, heartbeat_at: sql`now()` })
      .where('id', '=', runId)
      .execute();
    return { extended: row.n, last: row.last_id ? { issuedOn: String(row.last_issued_on), id: row.last_id } : null };
  });
}

export async function countEligible(db: Db | Trx, plan: MassExtensionPlan): Promise<number> {
  let n = 0;
  for (const w of plan.windows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from visas v where ${eligibleWhere(plan, w)}`.execute(db);
    n += r.rows[0]!.n;
  }
  return n;
}

/** Stops a run between two batches (graceful shutdown); the run stays `running` and a resume finishes it. */
export class ExtensionStopped extends Error {
  constructor(readonly runId: string) {
    super('The extension stopped between two batches (shutdown); resuming it extends only what is left.');
    this.name = 'ExtensionStopped';
  }
}

export interface RunRecord {
  runId: string;
  eligible: number;
  plan: MassExtensionPlan;
  batchSize: number;
}

/**
 * Records a run in job_runs (status running, or succeeded for a dry run) with the count of eligible
 * visas as its total; `db` may be the caller's transaction (the job queue's send commits with it).
 * @throws NotAMassExtensionRule when the rule is not of that shape
 */
export async function recordExtensionRun(
  db: Db | Trx,
  o: Pick<ExtendOptions, 'ruleId' | 'dryRun' | 'batchSize' | 'actorId'>,
): Promise<RunRecord> {
  const plan = massExtensionPlan(o.ruleId);
  const batch = o.batchSize ?? 5000;
  const eligible = await countEligible(db as Db, plan);
  const run = await db
    .insertInto('job_runs')
    .values({
      kind: 'visa.extend',
      params: JSON.stringify({ ruleId: o.ruleId, policyVersion: plan.policyVersion, batchSize: batch }),
      status: o.dryRun ? 'succeeded' : 'running',
      dry_run: Boolean(o.dryRun),
      total: eligible,
      started_by: o.actorId ?? null,
      ...(o.dryRun ? { finished_at: sql`now()` } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { runId: run.id, eligible, plan, batchSize: batch };
}

/**
 * Runs (or resumes) a recorded run's batches until nothing eligible is left, then marks it succeeded.
 * A `signal` aborted between batches stops it with ExtensionStopped, still `running`; any other
 * failure marks it failed. Progress counts on from what the run had done before.
 */
export async function runExtensionBatches(
  db: Db,
  run: RunRecord & { actorId?: string | null; doneBefore?: number },
  o: Pick<ExtendOptions, 'onProgress' | 'afterBatch'> & { signal?: AbortSignal } = {},
): Promise<number> {
  const { plan, runId, eligible } = run;
  let done = run.doneBefore ?? 0;
  try {
    for (const w of plan.windows) {
      // Walk the window once by key; if visas are still eligible afterwards (rows another transaction
      // held locked were skipped), walk again, until nothing is left or a walk extends nothing.
      for (;;) {
        let after: WalkKey | null = null;
        let extendedInWalk = 0;
        for (;;) {
          if (o.signal?.aborted) throw new ExtensionStopped(runId);
          const b = await extendBatch(db, plan, w, runId, run.actorId ?? null, run.batchSize, after);
          // Between two batches, let this process's event loop run: on PGlite the database works in this
          // thread and its queries resolve without ever yielding to I/O, so a run in the web process would
          // otherwise hold every request (its own progress page included) until the last batch.
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (b.extended > 0) {
            done += b.extended;
            extendedInWalk += b.extended;
            o.onProgress?.(done, eligible);
            await o.afterBatch?.(done);
          }
          if (!b.last) break;
          after = b.last;
        }
        if (extendedInWalk === 0) break;
        const left = await sql<{ n: number }>`select count(*)::int as n from visas v where ${eligibleWhere(plan, w)}`.execute(db);
        if (left.rows[0]!.n === 0) break;
      }
    }
    await db.updateTable('job_runs').set({ status: 'succeeded', finished_at: sql`now()` }).where('id', '=', runId).execute();
  } catch (e) {
    if (e instanceof ExtensionStopped) throw e;
    await db
      .updateTable('job_runs')
      .set({ status: 'failed', finished_at: sql`now()`, error: e instanceof Error ? e.message.slice(0, 500) : 'failed' })
      .where('id', '=', runId)
      .execute();
    throw e;
  }
  return done;
}

/**
 * Resumes a recorded run from its checkpoint (the extension rows it committed): for the job queue's
 * worker, after a process stopped or died. A run that succeeded or failed meanwhile is left alone.
 * Returns false when there was nothing to resume.
 */
export async function resumeExtensionRun(
  db: Db,
  runId: string,
  o: { signal?: AbortSignal; onProgress?: ExtendOptions['onProgress'] } = {},
): Promise<boolean> {
  const r = await db.selectFrom('job_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (r?.status !== 'running' || r.dry_run) return false;
  const params = r.params as { ruleId: string; batchSize?: number };
  const plan = massExtensionPlan(params.ruleId);
  await runExtensionBatches(
    db,
    { runId, eligible: r.total, plan, batchSize: params.batchSize ?? 5000, actorId: r.started_by, doneBefore: r.done },
    o,
  );
  return true;
}

/** @throws NotAMassExtensionRule when the rule is not of that shape */
export async function extendVisas(db: Db, o: ExtendOptions & { signal?: AbortSignal }): Promise<ExtendResult> {
  const run = await recordExtensionRun(db, o);
  o.onStart?.(run.runId);
  const base = { runId: run.runId, ruleId: o.ruleId, eligible: run.eligible, plan: run.plan };
  if (o.dryRun) return { ...base, dryRun: true, extended: 0 };
  const extended = await runExtensionBatches(db, { ...run, actorId: o.actorId ?? null }, o);
  return { ...base, dryRun: false, extended };
}
