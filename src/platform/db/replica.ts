/**
 * Reads from a streaming replica (a PostgreSQL hot standby), with the staleness of every answer
 * bounded. Used by the authorities' verification and the pull feed when DATABASE_REPLICA_URL is set.
 *
 * How staleness is bounded. Every `pollMs` the router reads the primary's WAL position
 * (`pg_current_wal_lsn()`) and remembers it with the moment just before the query was sent: every
 * transaction committed before that moment lies at or below that position. It then reads the
 * replica's replay position (`pg_last_wal_replay_lsn()`). The replica is therefore *fresh as of* the
 * newest primary sample its replay position has reached: it holds every commit made before then.
 *
 * A read goes to the replica only when it is fresh as of less than `maxLagMs` ago, and its answer is
 * used only if, when the replica's statement has finished, that is still so — the snapshot it read
 * was taken before that point, so no answer misses a commit older than `maxLagMs`. Otherwise (the
 * replica lags, is down, fails the statement or was cancelled by a recovery conflict) the caller reads
 * the primary. Whoever commits a change that a replica read must not miss (a cancellation, an
 * extension, a revoked key) calls `fence()`: this process then reads the replica again only once it
 * is fresh as of a moment after the fence, so it reads its own writes. Other processes rely on the bound.
 *
 * Platform code: knows no module and no table. The measured lag is what /ready and /metrics report.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { GaugeSource } from '../http/metrics.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

export interface ReplicaOptions {
  url: string;
  /** The staleness bound: an answer from the replica holds every commit older than this. */
  maxLagMs: number;
  /** How often the primary's and the replica's WAL positions are compared. */
  pollMs?: number;
  poolSize?: number;
}

export type ReplicaState = 'streaming' | 'lagging' | 'down';

export interface ReplicaLag {
  state: ReplicaState;
  /** Milliseconds since the newest moment the replica is known to hold every commit from (null: not known). */
  lagMs: number | null;
  /** WAL bytes between the primary's position and the replica's replay position at the last poll. */
  lagBytes: number | null;
  maxLagMs: number;
  /** Reads answered by the replica, and reads sent to the primary instead (lag, fence, failure). */
  reads: { replica: number; primary: number };
}

interface Sample {
  at: number;
  lsn: bigint;
}

const now = () => performance.now();

/** 'A/1F00D8' → its byte position. */
export function parseLsn(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export class ReplicaRouter {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly maxLagMs: number;
  private readonly pollMs: number;
  private samples: Sample[] = [];
  /** The primary moment the replica is known to hold every commit from (monotonic ms), or null. */
  private freshAsOf: number | null = null;
  private fencedAt = Number.NEGATIVE_INFINITY;
  private up = false;
  private lastBytes: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private closed = false;
  readonly reads = { replica: 0, primary: 0 };

  constructor(
    private readonly primary: Db,
    opts: ReplicaOptions,
  ) {
    this.maxLagMs = opts.maxLagMs;
    this.pollMs = opts.pollMs ?? 100;
    this.pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, connectionTimeoutMillis: 2000 });
    // A replica that goes away must not crash the process: reads fall back to the primary.
    this.pool.on('error', () => {
      this.up = false;
    });
    this.db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: this.pool }) });
  }

  /** Starts the polling; resolves after the first poll (the replica may be down: that is a state, not an error). */
  async start(): Promise<this> {
    await this.pollNow();
    const tick = () => {
      if (this.closed) return;
      this.timer = setTimeout(() => void this.pollNow().finally(tick), this.pollMs);
      this.timer.unref();
    };
    tick();
    return this;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    await this.db.destroy();
  }

  /** One comparison of the positions now (a poll already running is awaited instead). */
  pollNow(): Promise<void> {
    this.polling ??= this.poll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async poll(): Promise<void> {
    const at = now();
    let primaryLsn: bigint;
    try {
      const r = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(this.primary);
      primaryLsn = parseLsn(r.rows[0]!.lsn);
    } catch {
      return; // the primary's own trouble is /ready's business; the replica's freshness is unknown meanwhile
    }
    this.samples.push({ at, lsn: primaryLsn });
    // Samples older than the bound can never make the replica usable again.
    const horizon = at - this.maxLagMs - this.pollMs;
    while (this.samples.length > 1 && this.samples[0]!.at < horizon) this.samples.shift();
    try {
      const r = await this.pool.query<{ lsn: string | null; recovering: boolean }>(
        'select pg_last_wal_replay_lsn()::text as lsn, pg_is_in_recovery() as recovering',
      );
      const row = r.rows[0]!;
      // Not a standby (promoted, or a wrong URL): then it is not a replica of this primary to trust.
      if (!row.recovering || row.lsn === null) throw new Error('not a standby');
      const replayed = parseLsn(row.lsn);
      this.up = true;
      this.lastBytes = Number(primaryLsn > replayed ? primaryLsn - replayed : 0n);
      let fresh: number | null = null;
      for (const s of this.samples) if (s.lsn <= replayed) fresh = s.at;
      if (fresh !== null && (this.freshAsOf === null || fresh > this.freshAsOf)) this.freshAsOf = fresh;
    } catch {
      this.up = false;
      this.lastBytes = null;
    }
  }

  /** A change this process committed must be seen by its next replica read (cancellation, extension, revocation). */
  fence(): void {
    this.fencedAt = now();
    void this.pollNow();
  }

  /** Whether a read starting now would go to the replica. */
  fresh(): boolean {
    return this.usable() !== null;
  }

  private usable(): number | null {
    const f = this.freshAsOf;
    if (!this.up || f === null || f <= this.fencedAt) return null;
    return now() - f < this.maxLagMs ? f : null;
  }

  /**
   * Runs `work` on the replica when it is fresh enough and returns its result, or returns `undefined`
   * when the caller must read the primary instead (the replica lags, is down or failed; its answer
   * would be older than the bound).
   */
  async read<T>(work: (db: Db, pool: pg.Pool) => Promise<T>): Promise<T | undefined> {
    const fresh = this.usable();
    if (fresh === null) {
      this.reads.primary++;
      return undefined;
    }
    try {
      const value = await work(this.db, this.pool);
      if (now() - fresh <= this.maxLagMs) {
        this.reads.replica++;
        return value;
      }
    } catch {
      // Down, restarting, or a statement cancelled by a recovery conflict: the primary answers.
      void this.pollNow();
    }
    this.reads.primary++;
    return undefined;
  }

  /** The lag as last measured, for /ready and /metrics. */
  lag(): ReplicaLag {
    const f = this.freshAsOf;
    const lagMs = f === null ? null : Math.max(0, Math.round(now() - f));
    const state: ReplicaState = !this.up ? 'down' : lagMs !== null && lagMs < this.maxLagMs ? 'streaming' : 'lagging';
    return { state, lagMs, lagBytes: this.lastBytes, maxLagMs: this.maxLagMs, reads: { ...this.reads } };
  }
}

/** The replica's lag and reads as /metrics gauges (per process: each process measures its own view). */
export function replicaMetrics(r: ReplicaRouter): GaugeSource[] {
  return [
    {
      name: 'pobyt_replica_lag_seconds',
      help: 'Age of the newest moment the replica is known to hold every commit from (the staleness bound of its answers now)',
      async collect() {
        const l = r.lag();
        return l.lagMs === null ? [] : [{ value: l.lagMs / 1000 }];
      },
    },
    {
      name: 'pobyt_replica_lag_bytes',
      help: 'WAL bytes between the primary and the replica replay position at the last poll',
      async collect() {
        const l = r.lag();
        return l.lagBytes === null ? [] : [{ value: l.lagBytes }];
      },
    },
    {
      name: 'pobyt_replica_state',
      help: '1 for the replica state now: streaming (within REPLICA_MAX_LAG_MS), lagging or down',
      labelNames: ['state'],
      async collect() {
        const s = r.lag().state;
        return (['streaming', 'lagging', 'down'] as const).map((x) => ({ labels: { state: x }, value: x === s ? 1 : 0 }));
      },
    },
    {
      name: 'pobyt_replica_reads',
      help: 'Authority reads answered by the replica, and those sent to the primary instead (lag, fence, failure), since start',
      labelNames: ['served_by'],
      async collect() {
        const { reads } = r.lag();
        return [
          { labels: { served_by: 'replica' }, value: reads.replica },
          { labels: { served_by: 'primary' }, value: reads.primary },
        ];
      },
    },
  ];
}
