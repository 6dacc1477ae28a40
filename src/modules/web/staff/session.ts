/**
 * Who is signed in on a staff page. The composition root resolves the `pobyt_session` cookie of a page
 * request into `req.actor` (src/app.ts); a page asks `requireStaff`, which answers for it when nobody
 * is signed in (303 to the sign-in page, coming back afterwards) or the role does not fit (the 403
 * page). The web layer does not import the auth module (auth's pages import the web layer): it sees the
 * signed-in person through this structural view of the auth module's StaffActor.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { sendProblemPage } from './problem-page.tsx';
import type { StaffLocale } from './texts.ts';
import { isPageStaff, type PageRole, type PageStaffCtx, pageLocale, safeNext } from './who.ts';

export { isPageStaff, pageLocale, safeNext, type PageRole, type PageStaffActor, type PageStaffCtx } from './who.ts';

/**
 * The use-case context of the signed-in member of staff, or null when this function has answered:
 * without a session a GET goes to the sign-in page and comes back (`next`), a POST too (what was
 * posted is lost, as the session was); with a role not in `roles`, the 403 page.
 */
export async function requireStaff(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  opts: { roles?: readonly PageRole[] } = {},
): Promise<PageStaffCtx | null> {
  const actor = (req as { actor?: unknown }).actor;
  const locale = pageLocale(req);
  if (!isPageStaff(actor)) {
    const back = req.method === 'GET' ? safeNext(req.url, locale) : null;
    await reply.redirect(`/${locale}/sign-in${back ? `?next=${encodeURIComponent(back)}` : ''}`, 303);
    return null;
  }
  const ctx: PageStaffCtx = { db: deps.db, clock: deps.clock, config: deps.config, actor, requestId: String(req.id) };
  if (opts.roles && !opts.roles.includes(actor.role)) {
    await sendProblemPage(reply, locale, ctx, { status: 403 });
    return null;
  }
  return ctx;
}

/** Registers `routes` once per locale under `/{locale}` (staff pages: cs and en; partner pages: all five). */
export async function staffPages<L extends StaffLocale | Locale>(
  app: FastifyInstance,
  locales: readonly L[],
  routes: (sub: FastifyInstance, locale: L) => void | Promise<void>,
) {
  for (const locale of locales)
    await app.register(
      async (sub) => {
        // A page that throws answers with the page for its error (403, 404, 409, …), not with problem+json.
        sub.setErrorHandler((err, req, reply) => {
          const actor = (req as { actor?: unknown }).actor;
          const ctx = isPageStaff(actor)
            ? ({ db: null, clock: null, config: null, actor, requestId: String(req.id) } as unknown as PageStaffCtx)
            : null;
          return sendProblemPage(reply, locale, ctx, err);
        });
        await routes(sub, locale);
      },
      { prefix: `/${locale}` },
    );
}
