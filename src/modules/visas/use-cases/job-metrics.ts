/**
 * The register's jobs as metric samples (read at scrape time, so every process reports the same):
 * runs by kind and status — a running run without a heartbeat for JOB_STALE_AFTER_SECONDS counts as
 * `interrupted`, as the job status reports it — and the progress of the runs still going.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
import type { GaugeSource } from '../../../platform/http/metrics.ts';
import { JOB_STALE_AFTER_SECONDS } from './read-visas.ts';

export function jobMetrics(db: Db): GaugeSource[] {
  const status = sql<string>`case when status = 'running' and heartbeat_at < now() - make_interval(secs => ${JOB_STALE_AFTER_SECONDS})
    then 'interrupted' else status end`;
  return [
    {
      name: 'pobyt_job_runs',
      help: 'Job runs (mass extensions) by kind and status; dry runs excluded',
      labelNames: ['kind', 'status'],
      async collect() {
        const rows = await db
          .selectFrom('job_runs')
          .select(['kind', status.as('status'), sql<number>`count(*)::int`.as('n')])
          .where('dry_run', '=', false)
          .groupBy(['kind', sql`2`])
          .execute();
        return rows.map((r) => ({ labels: { kind: r.kind, status: r.status }, value: r.n }));
      },
    },
    {
      name: 'pobyt_job_running_items',
      help: 'Items done and in total of the job runs still running, by kind',
      labelNames: ['kind', 'count'],
      async collect() {
        const rows = await db
          .selectFrom('job_runs')
          .select(['kind', sql<number>`sum(done)::float8`.as('done'), sql<number>`sum(total)::float8`.as('total')])
          .where('dry_run', '=', false)
          .where(sql<boolean>`${status} = 'running'`)
          .groupBy('kind')
          .execute();
        return rows.flatMap((r) => [
          { labels: { kind: r.kind, count: 'done' }, value: r.done },
          { labels: { kind: r.kind, count: 'total' }, value: r.total },
        ]);
      },
    },
  ];
}
