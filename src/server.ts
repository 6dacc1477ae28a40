/** Starts the HTTP server on the configured database. */
import type { Config } from './platform/config.ts';
import { systemClock } from './platform/clock.ts';
import { openAndMigrate } from './platform/boot.ts';
import { buildApp } from './platform/http/app.ts';

export async function startServer(config: Config, opts: { onReady?: (url: string, db: Awaited<ReturnType<typeof openAndMigrate>>) => Promise<void> } = {}) {
  const handle = await openAndMigrate(config);
  const app = await buildApp({ db: handle.db, config, clock: systemClock });
  await opts.onReady?.(`http://${config.host}:${config.port}`, handle);
  await app.listen({ port: config.port, host: config.host });
  const stop = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, handle };
}
