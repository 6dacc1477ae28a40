/**
 * Environment, parsed once at boot. Nothing else in the code reads process.env.
 * Secrets (database URL with password, future master keys) come only from here.
 */
import { loadKeyring, type Keyring } from './crypto.ts';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when absent the embedded PGlite under `pgliteDir` is used. */
  databaseUrl: string | null;
  pgliteDir: string;
  dataDir: string;
  logLevel: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** § 24(1) Act 500/2004: whether a deemed-delivery day on a weekend/holiday moves (facts §1.2). */
  deemedDeliveryShift: boolean;
  publicUrl: string | null;
  /** Sign-in attempts allowed per client address per minute. */
  loginAttemptsPerMinute: number;
  /** Requests per authority API key per minute (verification and feed). */
  authorityRequestsPerMinute: number;
  /** Holder requests (booking, cancelling, moving, channel — all routes together) per client address per minute. */
  holderRequestsPerMinute: number;
  /** Failed authority API keys per client address per minute; then 429 for any key from that address. */
  authorityKeyFailuresPerMinute: number;
  /** Master keys for envelope encryption (env POBYT_MASTER_KEYS / POBYT_MASTER_KEY_FILE, or <dataDir>/master-keys.json). */
  keyring: Keyring | null;
  masterKeyFile: string;
  /** Bearer token for /metrics (METRICS_TOKEN); null: /metrics answers only direct loopback connections. */
  metricsToken: string | null;
  webhooks: {
    enabled: boolean;
    retryLimit: number;
    retryDelaySeconds: number;
    retryDelayMaxSeconds: number;
    timeoutMs: number;
    dispatchIntervalMs: number;
    /** How often the job queue's monitor fails jobs whose process died, so that another process retries them. */
    monitorIntervalSeconds: number;
  };
  /** How long graceful shutdown waits for in-flight requests and a running batch before exiting anyway. */
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.POBYT_DATA_DIR || './data';
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    pgliteDir: env.PGLITE_DIR || `${dataDir}/pglite`,
    dataDir,
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 8, 1, 24 * 30),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    deemedDeliveryShift: bool(env, 'DEEMED_DELIVERY_SHIFT', true),
    publicUrl: env.PUBLIC_URL || null,
    loginAttemptsPerMinute: int(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 100000),
    authorityRequestsPerMinute: int(env, 'AUTHORITY_REQUESTS_PER_MINUTE', 600, 1, 10000000),
    holderRequestsPerMinute: int(env, 'HOLDER_REQUESTS_PER_MINUTE', 30, 1, 10000000),
    authorityKeyFailuresPerMinute: int(env, 'AUTHORITY_KEY_FAILURES_PER_MINUTE', 20, 1, 10000000),
    keyring: loadKeyring(env, `${dataDir}/master-keys.json`),
    masterKeyFile: env.POBYT_MASTER_KEY_FILE || `${dataDir}/master-keys.json`,
    metricsToken: env.METRICS_TOKEN || null,
    webhooks: {
      enabled: bool(env, 'WEBHOOKS_ENABLED', true),
      retryLimit: int(env, 'WEBHOOK_RETRY_LIMIT', 8, 0, 100),
      retryDelaySeconds: int(env, 'WEBHOOK_RETRY_DELAY_SECONDS', 5, 1, 86400),
      retryDelayMaxSeconds: int(env, 'WEBHOOK_RETRY_DELAY_MAX_SECONDS', 3600, 1, 86400),
      timeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10000, 100, 120000),
      dispatchIntervalMs: int(env, 'WEBHOOK_DISPATCH_INTERVAL_MS', 2000, 50, 3600000),
      monitorIntervalSeconds: int(env, 'JOB_MONITOR_INTERVAL_SECONDS', 30, 1, 3600),
    },
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 25000, 100, 600000),
  };
}
