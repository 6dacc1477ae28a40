/**
 * Security headers for every response, API and pages alike (@fastify/helmet), registered once:
 * - a CSP that allows no inline script or style: pages, their CSS and fonts all come from this origin
 *   (the design system's CSS uses data: images); no framing (`frame-ancestors 'none'`, X-Frame-Options
 *   DENY); nosniff; `Referrer-Policy: no-referrer`;
 * - HSTS only on an answer served over HTTPS — the request's protocol, which behind a proxy is what
 *   `TRUST_PROXY` lets X-Forwarded-Proto say; over plain HTTP it would be ignored or, on a local
 *   `npm start`, pin a browser to an HTTPS that is not there;
 * - `Cache-Control: no-store` on every answer that does not set its own caching: the API (cases,
 *   letters as PDF, nominations, errors), the pages and the docs; only the static assets are cached;
 * - Swagger UI under /docs has its own CSP: its scripts are files of this origin too, but it sets
 *   inline style attributes, so `style-src` there allows 'unsafe-inline'. No script is relaxed.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

/** Swagger UI (/docs): the same, except inline style attributes, which it cannot do without. */
export const DOCS_CONTENT_SECURITY_POLICY = { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] };

export const DOCS_PREFIX = '/docs';
export const HSTS = 'max-age=31536000; includeSubDomains';

export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  // Routes registered after this (swagger-ui's among them) under /docs get the docs' policy.
  app.addHook('onRoute', (route) => {
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`))
      route.config = Object.assign(route.config ?? {}, {
        helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CONTENT_SECURITY_POLICY } },
      });
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
