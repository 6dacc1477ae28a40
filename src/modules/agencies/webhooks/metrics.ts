/**
 * Webhook delivery as metric samples: the delivery queue's jobs by state (pg-boss's job table, read
 * directly so the figure is current — its own queue statistics are a cache) and the dead letters
 * not yet replayed. Read at scrape time from the shared database: every process reports the same.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db.ts';
import type { GaugeSource } from '../../../platform/http/metrics.ts';
import { DELIVER } from './deliver.ts';

export function webhookMetrics(db: Db): GaugeSource[] {
  return [
    {
      name: 'pobyt_webhook_queue_jobs',
      help: 'Webhook deliveries queued (created, retry) and being sent (active)',
      labelNames: ['state'],
      async collect() {
        const exists = await sql<{ t: string | null }>`select to_regclass('pgboss.job')::text as t`.execute(db);
        const counts = new Map<string, number>([
          ['created', 0],
          ['retry', 0],
          ['active', 0],
        ]);
        if (exists.rows[0]?.t) {
          const r = await sql<{ state: string; n: number }>`select state::text as state, count(*)::int as n from pgboss.job
            where name = ${DELIVER} and state in ('created', 'retry', 'active') group by state`.execute(db);
          for (const x of r.rows) counts.set(x.state, x.n);
        }
        return [...counts].map(([state, value]) => ({ labels: { state }, value }));
      },
    },
    {
      name: 'pobyt_webhook_dead_letters',
      help: 'Webhook deliveries whose retries ran out and that no one has replayed yet',
      async collect() {
        const r = await db
          .selectFrom('webhook_dead_letters')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('replayed_at', 'is', null)
          .executeTakeFirstOrThrow();
        return [{ value: r.n }];
      },
    },
  ];
}
