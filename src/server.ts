/**
 * Starts the HTTP server on the configured database, with the job queue (webhook delivery, the mass
 * extension's worker) when enabled; stops gracefully on SIGTERM or SIGINT: /ready answers 503 at
 * once, the listener stops accepting, in-flight requests are answered, a running extension stops at
 * its next batch boundary (its continuation is queued), the queue's workers finish, then the
 * database closes. Past SHUTDOWN_TIMEOUT_MS the process exits anyway (status 1).
 */
import type { Config } from './platform/config.ts';
import { systemClock } from './platform/clock.ts';
import { openAndMigrate } from './platform/boot.ts';
import type { Lifecycle, ReadinessCheck } from './platform/http/system.routes.ts';
import { buildApp } from './app.ts';
import { startWebhookService } from './modules/agencies/index.ts';
import { startExtensionWorker } from './modules/visas/index.ts';
import { openLimitStore } from './platform/http/limit-store.ts';
import { ConfigError } from './platform/config.ts';
import { ReplicaRouter } from './platform/db/replica.ts';

type Handle = Awaited<ReturnType<typeof openAndMigrate>>;

export async function startServer(
  config: Config,
  opts: {
    prepare?: (db: Handle) => Promise<void>;
    announce?: (url: string) => void;
    /** Further readiness checks (e.g. a read replica's). */
    readiness?: ReadinessCheck[];
  } = {},
) {
  const handle = await openAndMigrate(config);
  await opts.prepare?.(handle);
  if (config.databaseReplicaUrl && handle.kind !== 'postgres')
    throw new ConfigError('DATABASE_REPLICA_URL needs DATABASE_URL (a replica of a PostgreSQL server)');
  const replica = config.databaseReplicaUrl
    ? await new ReplicaRouter(handle.db, {
        url: config.databaseReplicaUrl,
        maxLagMs: config.replicaMaxLagMs,
        pollMs: config.replicaPollMs,
      }).start()
    : null;
  const webhooks = config.webhooks.enabled ? await startWebhookService(handle, config.keyring, config.webhooks) : null;
  // After each batch a worker commits, this process's replica reads must see the new validity.
  const extensions = webhooks ? await startExtensionWorker(handle.db, webhooks.boss, { onBatch: () => replica?.fence() }) : null;
  const limits = await openLimitStore({ redisUrl: config.redisUrl, prefix: config.rateLimitPrefix });
  const lifecycle: Lifecycle = { draining: false };
  const readiness: ReadinessCheck[] = [
    ...(webhooks ? [{ name: 'jobQueue', check: () => webhooks.ready() }] : []),
    ...(limits.redis ? [{ name: 'redis', check: () => limits.ping() }] : []),
    ...(opts.readiness ?? []),
  ];
  const app = await buildApp({
    db: handle.db,
    ...(handle.kind === 'postgres' ? { pool: handle.pool } : {}),
    poolStats: handle.pool,
    config,
    clock: systemClock,
    ...(webhooks ? { boss: webhooks.boss } : {}),
    ...(replica ? { replica } : {}),
    ...(limits.redis ? { redis: limits.redis } : {}),
    readiness,
    lifecycle,
  });
  await app.listen({ port: config.port, host: config.host });
  // The port actually bound (PORT=0 asks the system for a free one).
  const bound = app.server.address();
  opts.announce?.(`http://${config.host}:${typeof bound === 'object' && bound ? bound.port : config.port}`);
  let stopping: Promise<void> | null = null;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      lifecycle.draining = true;
      app.log.info({ signal }, 'shutting down: draining requests and jobs');
      const deadline = setTimeout(() => {
        app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs);
      deadline.unref();
      extensions?.stop(); // the running batch commits, then the run's continuation is queued
      await app.close(); // stops accepting; answers the requests in flight
      await webhooks?.stop(config.shutdownTimeoutMs); // waits for the queue's active handlers (the extension's last batch)
      await replica?.close();
      await limits.close();
      await handle.close();
      clearTimeout(deadline);
      process.exit(0);
    })());
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return { app, handle };
}
