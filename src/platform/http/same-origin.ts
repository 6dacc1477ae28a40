/**
 * CSRF defence for requests authenticated by the session cookie: a browser attaches the cookie to a
 * request another site makes it send (SameSite=Strict stops most of them, but not a sibling subdomain
 * nor an older browser), so an unsafe method (anything but GET, HEAD, OPTIONS) carrying the cookie
 * must come from this origin. The browser says where a request comes from:
 * - `Sec-Fetch-Site` (set by the browser, which a page cannot forge): `same-origin` and `none` (the
 *   user's own action) pass; `same-site` and `cross-site` are refused;
 * - otherwise `Origin`, which must be this server's origin — the request's own scheme and host
 *   (behind a proxy, what TRUST_PROXY lets it say), or that of PUBLIC_URL; `null` is refused;
 * - with neither, the caller is no browser (curl with a cookie file) and is let through.
 * Bearer-token, API-key and holder requests carry no ambient credential and are not checked; the
 * pages' forms have their own CSRF tokens.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, RequestErrors } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string): string | null {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}

/** Which header shows `req` to be cross-site, or null when it is not. */
export function crossSiteReason(req: FastifyRequest, publicUrl: string | null): 'sec-fetch-site' | 'origin' | null {
  if (SAFE.has(req.method)) return null;
  const site = req.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return null;
  if (site !== undefined) return 'sec-fetch-site';
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  const from = originOf(origin);
  const allowed = [originOf(`${req.protocol}://${req.host}`), publicUrl ? originOf(publicUrl) : null];
  if (from && allowed.includes(from)) return null;
  return 'origin';
}

/** @throws REQUEST.CROSS_SITE (403) for an unsafe cookie-authenticated request from another site */
export function checkSameOrigin(req: FastifyRequest, publicUrl: string | null): void {
  const why = crossSiteReason(req, publicUrl);
  if (why)
    throw new AppError(RequestErrors.CROSS_SITE, 'A change signed in by the session cookie must come from this site’s own pages.', {
      refusedBy: why,
    });
}
