/**
 * Prometheus metrics at `/metrics` (prom-client), one registry per app: request durations per route
 * pattern (never the raw URL, which can carry identifiers) and status, the database pool, the
 * process's default metrics, and gauges the modules contribute through the composition root
 * (job progress, webhook queue depth) — read from the database at scrape time, so every process
 * reports the same shared figures.
 *
 * Access: with METRICS_TOKEN set, only `Authorization: Bearer <token>`; without it, only a direct
 * connection from the loopback address that no proxy forwarded (no X-Forwarded-For header) — a
 * reverse proxy on the same host must not route /metrics, or set the token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError, defineErrors } from '../errors.ts';

export const MetricsErrors = defineErrors('METRICS', { FORBIDDEN: { status: 403, title: 'Metrics are for the operator' } });

/** A gauge whose samples are computed at scrape time (e.g. from the database). */
export interface GaugeSource {
  name: string;
  help: string;
  labelNames?: string[];
  collect(): Promise<{ labels?: Record<string, string>; value: number }[]>;
}

export interface MetricsOptions {
  /** The node-postgres pool under the database (the server's pool, or PGlite's single connection). */
  pool?: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>;
  /** METRICS_TOKEN; null: loopback only. */
  token: string | null;
  gauges?: GaugeSource[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function allowed(req: FastifyRequest, token: string | null): boolean {
  if (token) {
    const h = req.headers.authorization ?? '';
    const given = Buffer.from(h.startsWith('Bearer ') ? h.slice(7).trim() : '');
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined;
}

export function createMetrics(o: MetricsOptions) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'pobyt_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = o.pool;
  if (pool)
    new Gauge({
      name: 'pobyt_db_pool_connections',
      help: 'Database pool connections: total open, idle, and clients waiting for one',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  const scrapeErrors = new Gauge({
    name: 'pobyt_metrics_source_up',
    help: '1 when the metric source answered at the last scrape, 0 when it failed',
    labelNames: ['source'],
    registers: [registry],
  });
  for (const s of o.gauges ?? [])
    new Gauge({
      name: s.name,
      help: s.help,
      labelNames: s.labelNames ?? [],
      registers: [registry],
      async collect() {
        try {
          const samples = await s.collect();
          this.reset();
          for (const x of samples) x.labels ? this.set(x.labels, x.value) : this.set(x.value);
          scrapeErrors.set({ source: s.name }, 1);
        } catch {
          scrapeErrors.set({ source: s.name }, 0);
        }
      },
    });

  return {
    registry,
    /** Registers the timing hook and the `/metrics` route on the app (before the routes to time). */
    register(app: FastifyInstance) {
      app.addHook('onResponse', async (req, reply) => {
        const route = req.routeOptions.url ?? 'unmatched';
        if (route === '/metrics') return;
        duration.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
      });
      app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
        if (!allowed(req, o.token))
          throw new AppError(MetricsErrors.FORBIDDEN, 'Metrics are for the operator: a METRICS_TOKEN bearer, or loopback.');
        const body = await registry.metrics();
        return reply.type(registry.contentType).send(body);
      });
    },
  };
}
