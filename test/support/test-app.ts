/** An app on a real database with the directory loaded, staff users created and a settable clock. */
import type { Clock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { newMasterKey } from '../../src/platform/crypto.ts';
import type { DatabaseHandle } from '../../src/platform/db/db.ts';
import type { ReplicaRouter } from '../../src/platform/db/replica.ts';
import { buildApp, type App } from '../../src/app.ts';
import { upsertDirectory } from '../../src/modules/offices/index.ts';
import { createStaffUser } from '../../src/modules/auth/index.ts';
import { startWebhookService, type WebhookService } from '../../src/modules/agencies/index.ts';
import { LogCapture } from './log-scan.ts';
import { openLimitStore } from '../../src/platform/http/limit-store.ts';

export class TestClock implements Clock {
  private t: Date;
  constructor(iso: string) {
    this.t = new Date(iso);
  }
  now() {
    return new Date(this.t);
  }
  set(iso: string) {
    this.t = new Date(iso);
  }
}

export const PASSWORD = 'correct-horse-battery';
/** A master key made for this test process only. */
export const TEST_MASTER_KEY = newMasterKey();

export interface TestApp {
  app: App;
  clock: TestClock;
  handle: DatabaseHandle;
  token(username: string): Promise<string>;
  call(
    method: 'GET' | 'POST',
    url: string,
    opts?: { as?: string; token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: Buffer }>;
  close(): Promise<void>;
  webhooks: WebhookService | null;
  /** Every log line the app wrote, and the personal data the test sent it (checked on close). */
  logs: LogCapture;
}

export async function startTestApp(
  handle: DatabaseHandle,
  opts: { now?: string; env?: Record<string, string>; webhooks?: boolean; replica?: ReplicaRouter } = {},
): Promise<TestApp> {
  const clock = new TestClock(opts.now ?? '2024-03-01T09:00:00Z');
  // Tests sign in at every clock change: the sign-in limit is lifted unless a test sets it.
  const config = loadConfig({
    LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    HOLDER_REQUESTS_PER_MINUTE: '1000000',
    POBYT_MASTER_KEYS: `k1:${TEST_MASTER_KEY}`,
    ...opts.env,
  } as NodeJS.ProcessEnv);
  await upsertDirectory(handle.db);
  const users = [
    { username: 'olga', displayName: 'Olga Officer', role: 'officer' as const, officeId: 'PHA-ZUK' },
    { username: 'oskar', displayName: 'Oskar Officer', role: 'officer' as const, officeId: 'PHA-ZUK' },
    { username: 'sylva', displayName: 'Sylva Supervisor', role: 'supervisor' as const, officeId: 'PHA-ZUK' },
    { username: 'bruno', displayName: 'Bruno Brno', role: 'officer' as const, officeId: 'JHM-BRN' },
    { username: 'adam', displayName: 'Adam Admin', role: 'admin' as const, officeId: null },
  ];
  for (const u of users) await createStaffUser(handle.db, { ...u, password: PASSWORD });
  // Fast retries so a test sees backoff and dead letters within seconds.
  const webhooks = opts.webhooks
    ? await startWebhookService(handle, config.keyring, {
        retryLimit: 2,
        retryDelaySeconds: 1,
        retryDelayMaxSeconds: 1,
        timeoutMs: 2000,
        dispatchIntervalMs: 100,
        pollSeconds: 0.5,
      })
    : null;
  const logs = new LogCapture();
  const limits = await openLimitStore({ redisUrl: config.redisUrl, prefix: config.rateLimitPrefix });
  const app = await buildApp({
    ...(limits.redis ? { redis: limits.redis } : {}),
    db: handle.db,
    ...(handle.kind === 'postgres' ? { pool: handle.pool } : {}),
    poolStats: handle.pool,
    config,
    clock,
    // Logged at info like a server, into the capture that close() scans for the personal data sent.
    logger: { level: 'info', stream: logs.stream },
    ...(webhooks ? { boss: webhooks.boss } : {}),
    ...(opts.replica ? { replica: opts.replica } : {}),
  });
  app.addHook('onRequest', async (req) => logs.noteUrl(req.url));
  app.addHook('preValidation', async (req) => logs.noteBody(req.body));
  const tokens = new Map<string, string>();
  const t: TestApp = {
    app,
    clock,
    handle,
    async token(username) {
      // Sessions expire by the app's clock, which tests move: a token is cached per user and instant.
      const key = `${username}@${clock.now().toISOString()}`;
      const cached = tokens.get(key);
      if (cached) return cached;
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      const token = r.json().token as string;
      tokens.set(key, token);
      return token;
    },
    async call(method, url, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.as) headers.authorization = `Bearer ${await t.token(o.as)}`;
      else if (o.token) headers.authorization = `Bearer ${o.token}`;
      const r = await app.inject({ method, url, headers, ...(o.body !== undefined ? { payload: o.body as object } : {}) });
      const ct = String(r.headers['content-type'] ?? '');
      return { status: r.statusCode, body: ct.includes('json') ? r.json() : r.body, headers: r.headers, raw: r.rawPayload };
    },
    webhooks,
    logs,
    async close() {
      await app.close();
      await webhooks?.stop();
      await opts.replica?.close();
      await limits.close().catch(() => {});
      await handle.close();
      logs.assertClean();
    },
  };
  return t;
}
