/**
 * The visas module's staff pages (Czech and English), registered from src/app.ts after the web layer:
 * the register (register.routes.tsx), the office's appointments of the day (appointments-day.tsx) and
 * the mass extension with its runs (extensions.tsx). See docs/STAFF-PAGES.md, "Register".
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { STAFF_LOCALES, staffPages } from '../../web/index.ts';
import { appointmentDayRoutes } from './appointments-day.tsx';
import { extensionRoutes } from './extensions.tsx';
import { registerRoutes } from './register.routes.tsx';

export function visaPages(deps: AppDeps) {
  return async function registerPages(app: FastifyInstance) {
    await staffPages(app, STAFF_LOCALES, (sub, locale) => {
      registerRoutes(app, sub, locale, deps);
      appointmentDayRoutes(app, sub, locale, deps);
      extensionRoutes(app, sub, locale, deps);
    });
  };
}
