/**
 * Environment, parsed once at boot. Nothing else in the code reads process.env.
 * Secrets (database URL with password, future master keys) come only from here.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { loadKeyring, type Keyring } from './crypto.ts';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when absent the embedded PGlite under `pgliteDir` is used. */
  databaseUrl: string | null;
  /** A streaming replica of `databaseUrl` for the authorities' reads (verification, feed); see platform/db/replica.ts. */
  databaseReplicaUrl: string | null;
  /** DATABASE_APP_ROLE: the role the app takes on every connection after migrating (pobyt_app, migration 0014). */
  databaseAppRole: string | null;
  /** PGLITE_DURABILITY: 'durable' (default; fsync reaches the disk) or 'relaxed' (fsync off: survives a killed process, not a power cut). */
  pgliteDurability: 'durable' | 'relaxed';
  /** The staleness bound of a replica answer: older than this, reads go to the primary. */
  replicaMaxLagMs: number;
  /** How often the replica's replay position is compared with the primary's. */
  replicaPollMs: number;
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
  /**
   * Per-account lockout (env LOGIN_LOCKOUT_*): `failures` wrong sign-ins for one username within
   * `windowMinutes` lock it for `lockSeconds`, doubling with each further lock up to `maxLockSeconds`.
   * `failures: 0` turns it off.
   */
  loginLockout: { failures: number; windowMinutes: number; lockSeconds: number; maxLockSeconds: number };
  /**
   * Which reverse proxies to believe about the client (X-Forwarded-For/-Proto/-Host), as Fastify's
   * `trustProxy`: false (default: none), a hop count, or the proxies' addresses and CIDR ranges.
   */
  trustProxy: false | number | string[];
  /** Requests per authority API key per minute (verification and feed). */
  authorityRequestsPerMinute: number;
  /** Holder requests (booking, cancelling, moving, channel — all routes together) per client address per minute. */
  holderRequestsPerMinute: number;
  /**
   * The key that signs the pages' holder cookie (visa id + expiry, HMAC-SHA256): env HOLDER_COOKIE_SECRET
   * (at least 32 characters; the same on every process behind one address), else random per process —
   * a restart then signs every holder out.
   */
  holderCookieSecret: Buffer;
  /** How long a holder stays identified on the pages after a status check. */
  holderCookieMinutes: number;
  /** Failed authority API keys per client address per minute; then 429 for any key from that address. */
  authorityKeyFailuresPerMinute: number;
  /** Master keys for envelope encryption (env POBYT_MASTER_KEYS / POBYT_MASTER_KEY_FILE, or <dataDir>/master-keys.json). */
  keyring: Keyring | null;
  masterKeyFile: string;
  /** Redis for the rate limits shared by every process (REDIS_URL); null: each process counts in memory. */
  redisUrl: string | null;
  /** Prefix of the rate-limit keys in Redis. */
  rateLimitPrefix: string;
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

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: empty/false/off → false; an integer → that many hops; else a comma list of IPs, CIDRs or proxy-addr's names. */
function trustProxy(env: NodeJS.ProcessEnv): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 0, 32);
  const entries = raw.split(',').map((e) => e.trim());
  for (const e of entries) {
    const [addr, bits, ...rest] = e.split('/');
    const v = isIP(addr ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (v === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(e) || (v && okBits && rest.length === 0)))
      throw new ConfigError(
        'TRUST_PROXY must be false, a hop count, or a comma list of IP addresses, CIDR ranges, loopback, linklocal, uniquelocal',
      );
  }
  return entries;
}

function holderSecret(env: NodeJS.ProcessEnv): Buffer {
  const raw = env.HOLDER_COOKIE_SECRET;
  if (raw === undefined || raw === '') return randomBytes(32);
  if (raw.length < 32) throw new ConfigError('HOLDER_COOKIE_SECRET must be at least 32 characters');
  return Buffer.from(raw, 'utf8');
}

function role(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new ConfigError(`${name} must be a plain role name (lower case, digits, _)`);
  return raw;
}

function oneOf<const T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${values.join(', ')}`);
  return raw as T;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.POBYT_DATA_DIR || './data';
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || null,
    databaseAppRole: role(env, 'DATABASE_APP_ROLE'),
    pgliteDurability: oneOf(env, 'PGLITE_DURABILITY', ['durable', 'relaxed'] as const, 'durable'),
    replicaMaxLagMs: int(env, 'REPLICA_MAX_LAG_MS', 1000, 10, 600000),
    replicaPollMs: int(env, 'REPLICA_POLL_MS', 100, 5, 60000),
    pgliteDir: env.PGLITE_DIR || `${dataDir}/pglite`,
    dataDir,
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 8, 1, 24 * 30),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    deemedDeliveryShift: bool(env, 'DEEMED_DELIVERY_SHIFT', true),
    publicUrl: env.PUBLIC_URL || null,
    loginAttemptsPerMinute: int(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 100000),
    loginLockout: {
      failures: int(env, 'LOGIN_LOCKOUT_FAILURES', 5, 0, 1000),
      windowMinutes: int(env, 'LOGIN_LOCKOUT_WINDOW_MINUTES', 15, 1, 24 * 60),
      lockSeconds: int(env, 'LOGIN_LOCKOUT_SECONDS', 60, 1, 86400),
      maxLockSeconds: int(env, 'LOGIN_LOCKOUT_MAX_SECONDS', 3600, 1, 7 * 86400),
    },
    trustProxy: trustProxy(env),
    authorityRequestsPerMinute: int(env, 'AUTHORITY_REQUESTS_PER_MINUTE', 600, 1, 10000000),
    holderRequestsPerMinute: int(env, 'HOLDER_REQUESTS_PER_MINUTE', 30, 1, 10000000),
    holderCookieSecret: holderSecret(env),
    holderCookieMinutes: int(env, 'HOLDER_COOKIE_MINUTES', 20, 1, 24 * 60),
    authorityKeyFailuresPerMinute: int(env, 'AUTHORITY_KEY_FAILURES_PER_MINUTE', 20, 1, 10000000),
    keyring: loadKeyring(env, `${dataDir}/master-keys.json`),
    masterKeyFile: env.POBYT_MASTER_KEY_FILE || `${dataDir}/master-keys.json`,
    metricsToken: env.METRICS_TOKEN || null,
    redisUrl: env.REDIS_URL || null,
    rateLimitPrefix: env.RATE_LIMIT_PREFIX || 'pobyt:rl:',
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
