/** Starts the HTTP server on the configured database. */
import type { Config } from './platform/config.ts';
import { systemClock } from './platform/clock.ts';
import { openAndMigrate } from './platform/boot.ts';
import { buildApp } from './app.ts';
import { startWebhookService } from './modules/agencies/index.ts';
import { ConfigError } from './platform/config.ts';
import { ReplicaRouter } from './platform/db/replica.ts';

type Handle = Awaited<ReturnType<typeof openAndMigrate>>;

export async function startServer(
  config: Config,
  opts: { prepare?: (db: Handle) => Promise<void>; announce?: (url: string) => void } = {},
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
  const app = await buildApp({
    db: handle.db,
    ...(handle.kind === 'postgres' ? { pool: handle.pool } : {}),
    poolStats: handle.pool,
    config,
    clock: systemClock,
    ...(webhooks ? { boss: webhooks.boss } : {}),
    ...(replica ? { replica } : {}),
  });
  await app.listen({ port: config.port, host: config.host });
  opts.announce?.(`http://${config.host}:${config.port}`);
  const stop = async () => {
    await app.close();
    await webhooks?.stop();
    await replica?.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, handle };
}
