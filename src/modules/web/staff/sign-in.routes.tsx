/**
 * Signing in and out on a page, for staff and partner caseworkers: `/{lang}/sign-in` (GET the form,
 * POST it: CSRF, the same lockout and address limit as the API's sign-in), `/{lang}/sign-out` (GET a
 * confirmation with a button, POST ends the session), `/{lang}/staff` (where a role starts). The
 * session is the API's own cookie (`pobyt_session`, HttpOnly, SameSite=Strict), so a signed-in page
 * and the API see the same person. The auth module's use cases reach this file as ports (src/app.ts),
 * because the auth module's own pages stand on the web layer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { LOCALES, type Locale } from '../../../platform/i18n.ts';
import { sendPage } from '../http/send-page.ts';
import { Button, CsrfField, ErrorSummary } from '../pages/components.tsx';
import { chromeTexts } from './chrome-texts.ts';
import { StaffField, Notice } from './controls.tsx';
import { HOME, StaffLayout } from './layout.tsx';
import { isPageStaff, type PageStaffActor, type PageStaffCtx, safeNext, staffPages } from './session.ts';

export const SESSION_COOKIE_NAME = 'pobyt_session';

/** The auth module's sign-in and sign-out, as the pages call them. */
export interface StaffPorts {
  /** @throws the auth module's AUTH.INVALID_CREDENTIALS / AUTH.LOCKED (with details.retryAfterSeconds). */
  logIn(
    req: FastifyRequest,
    input: { username: string; password: string },
  ): Promise<{ token: string; expiresAt: Date; actor: PageStaffActor }>;
  logOut(req: FastifyRequest, token: string): Promise<void>;
  /** The route options that put the sign-in page under the API sign-in's address limit. */
  rateLimit: { max: number; timeWindow: string; groupId: string };
}

/** Staff pages exist in Czech and English (others start in English); a caseworker's portal in all five. */
const startLocale = (role: PageStaffActor['role'], locale: Locale): Locale =>
  role === 'caseworker' || locale === 'cs' || locale === 'en' ? locale : 'en';

interface SignInView {
  username?: string;
  next?: string | null;
  errors?: { id: string; message: string }[];
  notice?: string;
}

export function signInPages(root: FastifyInstance, deps: AppDeps, ports: StaffPorts) {
  const page = (reply: FastifyReply, locale: Locale, v: SignInView, status = 200) => {
    const tr = chromeTexts(locale);
    const err = (id: string) => v.errors?.find((e) => e.id === id)?.message;
    const global = v.errors?.find((e) => e.id === 'form');
    return sendPage(
      reply,
      <StaffLayout locale={locale} ctx={null} title={tr('signin.title')} path="/sign-in">
        <h1>{tr('signin.title')}</h1>
        <p class="lead">{tr('signin.lead')}</p>
        {v.notice ? <Notice>{v.notice}</Notice> : null}
        {global ? (
          <Notice kind="error">
            <p id="form">{global.message}</p>
          </Notice>
        ) : (
          <ErrorSummary t={(k) => tr(k as 'err.summary')} errors={v.errors ?? []} />
        )}
        <form method="post" action={`/${locale}/sign-in`} class="sign-in-form" novalidate>
          <CsrfField token={reply.generateCsrf()} />
          {v.next ? <input type="hidden" name="next" value={v.next} /> : null}
          <StaffField
            name="username"
            label={tr('signin.username')}
            value={v.username}
            autocomplete="username"
            maxLength={100}
            error={err('username')}
          />
          <StaffField
            name="password"
            type="password"
            label={tr('signin.password')}
            autocomplete="current-password"
            maxLength={200}
            error={err('password')}
          />
          <Button>{tr('signin.button')}</Button>
        </form>
      </StaffLayout>,
      status,
    );
  };

  const cookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.config.cookieSecure };

  return staffPages(root, LOCALES, (sub, locale) => {
    const tr = chromeTexts(locale);

    sub.get<{ Querystring: { next?: string; out?: string } }>('/sign-in', { schema: { hide: true } }, async (req, reply) =>
      page(reply, locale, { next: safeNext(req.query.next, locale), notice: req.query.out === '1' ? tr('signout.done') : undefined }),
    );

    sub.post<{ Body: Record<string, unknown> }>(
      '/sign-in',
      {
        schema: { hide: true },
        preHandler: root.csrfProtection,
        config: {
          rateLimit: {
            ...ports.rateLimit,
            errorResponseBuilder: () => Object.assign(new Error('limited'), { statusCode: 429, limited: true }),
          },
        },
      },
      async (req, reply) => {
        const b = req.body ?? {};
        const username = typeof b.username === 'string' ? b.username.trim() : '';
        const password = typeof b.password === 'string' ? b.password : '';
        const next = safeNext(b.next, locale);
        const errors = [
          ...(username ? [] : [{ id: 'username', message: tr('signin.required') }]),
          ...(password ? [] : [{ id: 'password', message: tr('signin.required') }]),
        ];
        if (errors.length || username.length > 100 || password.length > 200)
          return page(
            reply,
            locale,
            { username: username.slice(0, 100), next, errors: errors.length ? errors : [{ id: 'form', message: tr('signin.failed') }] },
            422,
          );
        try {
          const r = await ports.logIn(req, { username, password });
          // Max-Age, not Expires: the browser's clock need not agree with the server's.
          const maxAge = Math.max(1, Math.round((r.expiresAt.getTime() - deps.clock.now().getTime()) / 1000));
          reply.setCookie(SESSION_COOKIE_NAME, r.token, { ...cookie, maxAge });
          return reply.redirect(next ?? `/${startLocale(r.actor.role, locale)}${HOME[r.actor.role]}`, 303);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          if (e.code === 'AUTH.LOCKED') {
            const s = Number(e.details.retryAfterSeconds ?? 60);
            reply.header('retry-after', String(s));
            return page(reply, locale, { username, next, errors: [{ id: 'form', message: tr('signin.locked', { s }) }] }, 429);
          }
          if (e.code === 'AUTH.INVALID_CREDENTIALS')
            return page(reply, locale, { username, next, errors: [{ id: 'form', message: tr('signin.failed') }] }, 401);
          throw e;
        }
      },
    );

    sub.get('/sign-out', { schema: { hide: true } }, async (req, reply) => {
      const actor = (req as { actor?: unknown }).actor;
      if (!isPageStaff(actor)) return reply.redirect(`/${locale}/sign-in`, 303);
      const ctx = { actor } as PageStaffCtx;
      return sendPage(
        reply,
        <StaffLayout locale={locale} ctx={ctx} title={tr('signout.button')} path="/sign-out">
          <h1>{tr('signout.button')}</h1>
          <form method="post" action={`/${locale}/sign-out`}>
            <CsrfField token={reply.generateCsrf()} />
            <Button>{tr('signout.button')}</Button>
          </form>
        </StaffLayout>,
      );
    });

    sub.post('/sign-out', { schema: { hide: true }, preHandler: root.csrfProtection }, async (req, reply) => {
      const token = req.cookies?.[SESSION_COOKIE_NAME];
      if (token) await ports.logOut(req, token);
      reply.clearCookie(SESSION_COOKIE_NAME, { path: '/' });
      return reply.redirect(`/${locale}/sign-in?out=1`, 303);
    });

    sub.get('/staff', { schema: { hide: true } }, async (req, reply) => {
      const actor = (req as { actor?: unknown }).actor;
      if (!isPageStaff(actor)) return reply.redirect(`/${locale}/sign-in`, 303);
      return reply.redirect(`/${startLocale(actor.role, locale)}${HOME[actor.role]}`, 303);
    });
  });
}
