/** Small helpers of the administration pages in this module. */
import type { FastifyReply } from 'fastify';
import { formatDate, type StaffLocale } from '../../web/index.ts';

const tokens = new WeakMap<FastifyReply, string>();
/** One CSRF token per page: a second `generateCsrf` in the same answer would replace the secret cookie the first token belongs to. */
export function csrfOf(reply: FastifyReply): string {
  let t = tokens.get(reply);
  if (!t) {
    t = reply.generateCsrf();
    tokens.set(reply, t);
  }
  return t;
}

/** The civil date in Prague of a stored moment, as the page's language writes it. */
export function dayOf(locale: StaffLocale, at: Date | string | null): string {
  if (!at) return '—';
  const d = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );
  return formatDate(locale, d);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
