/** Starts the job queue, the webhook workers and the outbox dispatcher; stops them in order. */
import type { DatabaseHandle } from '../../../platform/db/db.ts';
import { startBoss, type Boss } from '../../../platform/jobs.ts';
import type { Keyring } from '../../../platform/crypto.ts';
import { dispatchPending, startWebhookWorkers, type WebhookSettings } from './deliver.ts';
import { sealWebhookSecrets } from './secrets.ts';

export interface WebhookService {
  boss: Boss;
  dispatchNow(): Promise<number>;
  /** Resolves when the queue is running and installed (for /ready); throws otherwise. */
  ready(): Promise<void>;
  /** Stops dispatching and waits (up to `timeoutMs`) for the queue's active handlers to finish. */
  stop(timeoutMs?: number): Promise<void>;
}

/** `ring`: the master keys that seal the signing secrets (any still in plaintext are sealed now). */
export async function startWebhookService(
  h: Pick<DatabaseHandle, 'db' | 'kind' | 'pool'>,
  ring: Keyring | null,
  s: WebhookSettings & { dispatchIntervalMs: number; pollSeconds?: number; monitorIntervalSeconds?: number },
): Promise<WebhookService> {
  const db = h.db;
  if (ring) await sealWebhookSecrets(db, ring);
  const boss = await startBoss(h.pool, h.kind, s.monitorIntervalSeconds ? { monitorIntervalSeconds: s.monitorIntervalSeconds } : {});
  let stopped = false;
  await startWebhookWorkers(db, ring, boss, s, s.pollSeconds ?? 1);
  let running: Promise<number> | null = null;
  const dispatchNow = () =>
    (running ??= dispatchPending(db, boss).finally(() => {
      running = null;
    }));
  const timer = setInterval(() => {
    dispatchNow().catch((e: Error) => process.emitWarning(`webhook dispatch: ${e.message}`));
  }, s.dispatchIntervalMs);
  timer.unref();
  return {
    boss,
    dispatchNow,
    async ready() {
      if (stopped) throw new Error('job queue stopped');
      if (!(await boss.isInstalled())) throw new Error('job queue not installed');
    },
    async stop(timeoutMs = 5000) {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => 0);
      await boss.stop({ graceful: true, timeout: timeoutMs, close: false });
    },
  };
}
