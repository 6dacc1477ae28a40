/** What the HTTP routes of every module receive from the composition root (src/app.ts). A leaf: imports no module. */
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { ActorBase, AnonymousCtx } from '../context.ts';
import type { Db } from '../db/db.ts';
import type { ReplicaRouter } from '../db/replica.ts';
import type { Boss } from '../jobs.ts';
import type { Lifecycle, ReadinessCheck } from './system.routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts for, once a hook has identified them; null until then. */
    actor: ActorBase | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export interface AppDeps {
  db: Db;
  /**
   * The pool under `db` on a PostgreSQL server, for the few hot statements run as named prepared
   * statements (queryPrepared). Not given on PGlite: its node-postgres adapter loses the connection
   * when a named statement fails, and in-process there is no round trip to save.
   */
  pool?: pg.Pool;
  config: Config;
  clock: Clock;
  /** false: no log; otherwise the level (default: the config's) and where lines go (default: stdout). */
  logger?: false | { level?: string; stream?: NodeJS.WritableStream };
  /** A streaming replica for the authorities' reads (DATABASE_REPLICA_URL), with its staleness bounded. */
  replica?: ReplicaRouter;
  /** The job queue, when the process runs one (webhook delivery, replays). */
  boss?: Boss;
  /** The pool under `db` on either engine (PGlite: its one connection), for the pool metrics only. */
  poolStats?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;
  /** Redis for the shared rate-limit store (REDIS_URL); absent: the limits count per process. */
  redis?: import('ioredis').Redis;
  /** What /ready checks besides the database (the job queue; a read replica adds its check here). */
  readiness?: ReadinessCheck[];
  /** Set draining when graceful shutdown begins: /ready answers 503 from then on. */
  lifecycle?: Lifecycle;
}

/** The context of a public route: no one has identified themselves. */
export function anonymousCtx(req: FastifyRequest, deps: AppDeps): AnonymousCtx {
  return { db: deps.db, clock: deps.clock, config: deps.config, actor: { kind: 'anonymous' }, requestId: String(req.id) };
}
