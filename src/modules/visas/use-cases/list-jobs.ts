/** The job history: every mass-extension run, newest first, with who started it and how far it got. */
import { sql } from 'kysely';
import type { StaffCtx } from '../../auth/index.ts';
import { requirePermission, staffNames } from '../../auth/index.ts';
import { JOB_STALE_AFTER_SECONDS } from './read-visas.ts';

export interface JobSummary {
  id: string;
  kind: string;
  ruleId: string | null;
  status: string;
  dryRun: boolean;
  total: number;
  done: number;
  startedAt: string;
  finishedAt: string | null;
  startedBy: { id: string; name: string | null } | null;
}

/** At most this many runs are listed (the newest); older ones stay readable by id. */
export const JOB_HISTORY_LIMIT = 100;

/**
 * The runs of the mass extension (dry runs included, marked), newest first; a running run without a
 * heartbeat for JOB_STALE_AFTER_SECONDS is `interrupted`, as getJob reports it.
 * @throws AUTH.FORBIDDEN
 */
export async function listJobs(ctx: StaffCtx, o: { limit?: number } = {}): Promise<JobSummary[]> {
  requirePermission(ctx.actor, 'job.read');
  const rows = await ctx.db
    .selectFrom('job_runs')
    .selectAll()
    .select(sql<boolean>`status = 'running' and heartbeat_at < now() - make_interval(secs => ${JOB_STALE_AFTER_SECONDS})`.as('stale'))
    .where('kind', '=', 'visa.extend')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(o.limit ?? JOB_HISTORY_LIMIT, JOB_HISTORY_LIMIT))
    .execute();
  const names = await staffNames(
    ctx.db,
    rows.flatMap((r) => (r.started_by ? [r.started_by] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ruleId: ((r.params ?? {}) as { ruleId?: string }).ruleId ?? null,
    status: r.stale ? 'interrupted' : r.status,
    dryRun: r.dry_run,
    total: r.total,
    done: r.done,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    startedBy: r.started_by ? { id: r.started_by, name: names.get(r.started_by) ?? null } : null,
  }));
}
