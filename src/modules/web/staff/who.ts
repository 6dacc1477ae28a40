/** The signed-in person as the pages see them, and the small URL rules the pages share. */
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../../../platform/context.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { isLocale } from '../i18n/i18n.ts';

export type PageRole = 'officer' | 'supervisor' | 'admin' | 'caseworker';

/** The auth module's StaffActor, as the pages see it. */
export interface PageStaffActor {
  kind: 'staff';
  id: string;
  username: string;
  displayName: string;
  role: PageRole;
  officeId: string | null;
  orgId: string | null;
}

export type PageStaffCtx = Ctx<PageStaffActor>;

export function isPageStaff(a: unknown): a is PageStaffActor {
  return typeof a === 'object' && a !== null && (a as { kind?: string }).kind === 'staff';
}

/** The locale a page URL starts with (`/cs/staff/…` → cs). */
export function pageLocale(req: FastifyRequest): Locale {
  const l = req.url.split('/')[1] ?? '';
  return isLocale(l) ? l : 'cs';
}

/** Only a path of this site (no scheme, no `//`, no backslash) may be a place to come back to. */
export function safeNext(next: unknown, locale: Locale): string | null {
  if (typeof next !== 'string' || !next.startsWith(`/${locale}/`) || next.startsWith('//') || /[\\\s]/.test(next)) return null;
  return next.length <= 300 ? next : null;
}
