/**
 * The clear page for a refusal or a failure on a staff page: what happened in the page's language,
 * what to do next, and the request id for the administrator. The status is the error's (its code's
 * registered status), so a 409 stays a 409 and nothing becomes a 500 that is not one.
 */
import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError, lookupError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { sendPage } from '../http/send-page.ts';
import { chromeTexts } from './chrome-texts.ts';
import { StaffLayout } from './layout.tsx';
import { type PageStaffCtx, safeNext } from './who.ts';

/** The status an error answers with (an AppError's code's registered status; anything else 500). */
export function statusOf(err: unknown): number {
  if (err instanceof AppError) return lookupError(err.code)?.status ?? 500;
  const s = (err as { status?: number; statusCode?: number } | null)?.status ?? (err as { statusCode?: number } | null)?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
}

/** Where "reload" goes: this GET, or for a POST the page the form was on (a path of this site only). */
function reloadHref(reply: FastifyReply, locale: Locale): string | null {
  const req = reply.request;
  if (req.method === 'GET') return req.url;
  try {
    const u = new URL(String(req.headers.referer ?? ''));
    return safeNext(u.pathname + u.search, locale);
  } catch {
    return null;
  }
}

/**
 * Sends the page for `err` (an AppError, or `{ status }`). `children` adds what the caller knows
 * (e.g. the change that made a form stale). 401 goes to the sign-in page instead.
 */
export async function sendProblemPage(
  reply: FastifyReply,
  locale: Locale,
  ctx: PageStaffCtx | null,
  err: unknown,
  children?: ComponentChildren,
) {
  const status = statusOf(err);
  if (status === 401) return reply.redirect(`/${locale}/sign-in`, 303);
  if (status >= 500) {
    const e = err as { name?: string; code?: string; stack?: string };
    reply.log.error({ errName: e?.name, errCode: e?.code, stack: e?.stack }, 'page failed');
  }
  const tr = chromeTexts(locale);
  const known = [403, 404, 409, 422, 429].includes(status) ? status : status >= 500 ? 500 : null;
  const title = known ? tr(`err.title.${known}` as 'err.title.403') : tr('err.title.500');
  const text =
    known === 403 || known === 404 || known === 409 || known === 500
      ? tr(`err.text.${known}` as 'err.text.403')
      : err instanceof AppError
        ? err.message
        : '';
  const home = ctx ? `/${locale}/staff` : `/${locale}/sign-in`;
  return sendPage(
    reply,
    <StaffLayout locale={locale} ctx={ctx} title={title} path={reply.request.url.replace(/^\/[a-z]{2}/, '')}>
      <h1>{title}</h1>
      <p class="lead" data-status={status}>
        {text}
      </p>
      {children}
      <p class="problem-links">
        {status === 409 ? (
          <a class="gov-link" href={reloadHref(reply, locale) ?? home}>
            {tr('err.reload')}
          </a>
        ) : null}{' '}
        <a class="gov-link" href={home}>
          {tr('err.home')}
        </a>
      </p>
      {status >= 500 ? <p class="muted">{tr('err.reference', { id: String(reply.request.id) })}</p> : null}
    </StaffLayout>,
    status,
  );
}
