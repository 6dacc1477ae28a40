/**
 * The streaming replica for the server tier's replica tests and the bench: `scripts/replica.sh` makes
 * a hot standby of the server at TEST_DATABASE_URL (or BENCH_DATABASE_URL) on REPLICA_PORT (5433).
 * A test's own database, created on the primary, reaches the replica by replication; `replicaFor`
 * waits until it has.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from '../../src/platform/db/db.ts';
import { ReplicaRouter } from '../../src/platform/db/replica.ts';

const script = fileURLToPath(new URL('../../scripts/replica.sh', import.meta.url));

function envFor(primaryUrl: string): NodeJS.ProcessEnv {
  const u = new URL(primaryUrl);
  return {
    ...process.env,
    PRIMARY_HOST: u.hostname,
    PRIMARY_PORT: u.port || '5432',
    PRIMARY_USER: decodeURIComponent(u.username) || 'postgres',
  };
}

/** The replica's port. */
export const replicaPort = () => Number(process.env.REPLICA_PORT || 5433);

/** `scripts/replica.sh start|stop|status` against the primary at `primaryUrl`; its output, or throws. */
export function replicaScript(cmd: 'start' | 'stop' | 'status', primaryUrl: string): string {
  return execFileSync(script, [cmd], { env: envFor(primaryUrl), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Starts the replica (idempotent). Returns null when it cannot be started here (no local server, no
 * rights), unless REQUIRE_REPLICA=1 (CI), where that is an error.
 */
export function ensureReplica(primaryUrl: string | undefined): string | null {
  const fail = (why: string) => {
    if (process.env.REQUIRE_REPLICA === '1') throw new Error(`REQUIRE_REPLICA=1 but the replica is not available: ${why}`);
    return null;
  };
  if (!primaryUrl) return fail('no server URL');
  try {
    replicaScript('start', primaryUrl);
  } catch (e) {
    return fail(String((e as { stderr?: string }).stderr ?? e));
  }
  const u = new URL(primaryUrl);
  u.port = String(replicaPort());
  u.hostname = '127.0.0.1';
  return u.toString();
}

/** The URL of `handle`'s database on the replica, once the replica has it. */
export async function replicaUrlFor(handle: DatabaseHandle, replicaBaseUrl: string, timeoutMs = 30_000): Promise<string> {
  const name = (await sql<{ d: string }>`select current_database() as d`.execute(handle.db)).rows[0]!.d;
  const u = new URL(replicaBaseUrl);
  u.pathname = `/${name}`;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const c = new pg.Client({ connectionString: u.toString() });
    try {
      await c.connect();
      await c.end();
      return u.toString();
    } catch (e) {
      await c.end().catch(() => {});
      if (performance.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A started router over `handle` (its primary) and the same database on the replica. */
export async function replicaRouterFor(
  handle: DatabaseHandle,
  replicaBaseUrl: string,
  opts: { maxLagMs?: number; pollMs?: number } = {},
): Promise<ReplicaRouter> {
  const url = await replicaUrlFor(handle, replicaBaseUrl);
  return new ReplicaRouter(handle.db, { url, maxLagMs: opts.maxLagMs ?? 1000, pollMs: opts.pollMs ?? 50 }).start();
}
