/**
 * A mass extension decreed by a policy rule (e.g. auto_extension.tolerance_2023), run as set-based
 * SQL in batches. Each batch is one transaction that picks eligible visas not yet extended by the
 * rule (`for update skip locked`), records the extension (unique per visa and rule), moves the end
 * date, and writes one audit event and one change event per visa. A crash loses at most the batch in
 * flight; a rerun picks up exactly what is left, so every eligible visa is extended once.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
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

export interface ExtendResult { runId: string; ruleId: string; dryRun: boolean; eligible: number; extended: number; plan: MassExtensionPlan }

function eligibleWhere(plan: MassExtensionPlan, w: MassExtensionPlan['windows'][number]) {
  return sql`v.status = 'valid'
    and v.visa_code in (${sql.join(plan.visaCodes)})
    and (${!plan.requiresWarRelated} or v.war_related)
    and v.issued_on between ${w.issuedFrom} and ${w.issuedTo}
    and v.valid_to >= ${w.validOnOrAfter} and v.valid_to < ${w.extendTo}
    and not exists (select 1 from visa_extensions e where e.visa_id = v.id and e.rule_id = ${plan.ruleId})`;
}

export async function countEligible(db: Db, plan: MassExtensionPlan): Promise<number> {
  let n = 0;
  for (const w of plan.windows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from visas v where ${eligibleWhere(plan, w)}`.execute(db);
    n += r.rows[0]!.n;
  }
  return n;
}

/** @throws NotAMassExtensionRule when the rule is not of that shape */
export async function extendVisas(db: Db, o: ExtendOptions): Promise<ExtendResult> {
  const plan = massExtensionPlan(o.ruleId);
  const batch = o.batchSize ?? 5000;
  const eligible = await countEligible(db, plan);
  const run = await db.insertInto('job_runs').values({
    kind: 'visa.extend', params: JSON.stringify({ ruleId: o.ruleId, policyVersion: plan.policyVersion, batchSize: batch }),
    status: o.dryRun ? 'succeeded' : 'running', dry_run: Boolean(o.dryRun), total: eligible, started_by: o.actorId ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  o.onStart?.(run.id);
  if (o.dryRun) {
    await db.updateTable('job_runs').set({ finished_at: new Date() }).where('id', '=', run.id).execute();
    return { runId: run.id, ruleId: o.ruleId, dryRun: true, eligible, extended: 0, plan };
  }
  let done = 0;
  try {
    for (const w of plan.windows) {
      for (;;) {
        const n = await db.transaction().execute(async (trx) => {
          const r = await sql<{ n: number }>`
            with picked as (
              select v.id, v.valid_to from visas v where ${eligibleWhere(plan, w)}
              order by v.id limit ${batch}
              for update of v skip locked
            ), ext as (
              insert into visa_extensions (visa_id, rule_id, run_id, old_valid_to, new_valid_to)
              select id, ${plan.ruleId}, ${run.id}::uuid, valid_to, ${w.extendTo}::date from picked
              on conflict (visa_id, rule_id) do nothing
              returning visa_id, old_valid_to, new_valid_to
            ), upd as (
              update visas v set valid_to = ext.new_valid_to from ext where v.id = ext.visa_id
              returning v.id, v.visa_number, v.valid_from, v.visa_code
            ), aud as (
              insert into audit_events (actor_id, action, entity_type, entity_id, before, after)
              select ${o.actorId ?? null}::uuid, 'visa.extended', 'visa', ext.visa_id::text,
                     jsonb_build_object('validTo', ext.old_valid_to),
                     jsonb_build_object('validTo', ext.new_valid_to, 'rule', ${plan.ruleId}::text, 'run', ${run.id}::text, 'policyVersion', ${plan.policyVersion}::text)
              from ext
            ), feed as (
              insert into change_events (kind, visa_id, payload)
              select 'visa.extended', upd.id, jsonb_build_object('visaNumber', upd.visa_number, 'visaCode', upd.visa_code,
                     'validFrom', upd.valid_from, 'validTo', ${w.extendTo}::date, 'status', 'valid', 'rule', ${plan.ruleId}::text)
              from upd
            )
            select count(*)::int as n from ext`.execute(trx);
          const k = r.rows[0]!.n;
          if (k > 0) await trx.updateTable('job_runs').set({ done: sql`done + ${k}` }).where('id', '=', run.id).execute();
          return k;
        });
        if (n === 0) break;
        done += n;
        o.onProgress?.(done, eligible);
        await o.afterBatch?.(done);
      }
    }
    await db.updateTable('job_runs').set({ status: 'succeeded', finished_at: new Date() }).where('id', '=', run.id).execute();
  } catch (e) {
    await db.updateTable('job_runs').set({ status: 'failed', finished_at: new Date(), error: e instanceof Error ? e.message.slice(0, 500) : 'failed' }).where('id', '=', run.id).execute();
    throw e;
  }
  return { runId: run.id, ruleId: o.ruleId, dryRun: false, eligible, extended: done, plan };
}
