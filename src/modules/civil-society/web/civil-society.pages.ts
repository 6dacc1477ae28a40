/**
 * The Civil Society programme's pages, registered from src/app.ts after the web layer: the NGO portal
 * (five languages), the Foreign Ministry officers' nomination pages (Czech and English) and the public
 * statistics page (five languages). See docs/STAFF-PAGES.md.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { ngoPages } from './ngo.routes.tsx';
import { staffNominationPages } from './staff.routes.tsx';
import { statisticsPages } from './statistics.routes.tsx';

export function civilSocietyPages(deps: AppDeps) {
  return async function civilSocietyWeb(app: FastifyInstance) {
    // Every form of these pages is CSRF-protected: without the web layer's protection there are no pages.
    if (!app.hasDecorator('csrfProtection') || !app.hasReplyDecorator('generateCsrf'))
      throw new Error('civil-society pages need the web layer’s CSRF protection (register them after webRoutes, which must share it)');
    await ngoPages(app, deps);
    await staffNominationPages(app, deps);
    await statisticsPages(app, deps);
  };
}
