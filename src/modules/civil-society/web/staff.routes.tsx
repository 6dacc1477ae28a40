/**
 * The Foreign Ministry officers' pages, `/{cs|en}/staff/nominations…`, for officers and supervisors:
 * the list, one nomination (decrypted for its assigned officers; every open is audited by the use
 * case), assignment (supervisor), the steps of the individual assessment, four-eyes approval and
 * decline with reasons, and the evidence downloads (audited). Each calls the same use case as the
 * API route of the same act; the access checks are inside them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  formBody,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  sendProblemPage,
  STAFF_LOCALES,
  type StaffLocale,
  staffPages,
} from '../../web/index.ts';
import { listOfficers, type StaffCtx } from '../../auth/index.ts';
import { ActionBody, AssignBody } from '../http/civil-society.schema.ts';
import { actOnNomination, assignOfficer, getNomination } from '../use-cases/nominations.ts';
import { readEvidence } from '../use-cases/evidence.ts';
import { listNominationsWithOfficers } from '../use-cases/admin.ts';
import { ConflictDetails, type NominationPageProps, type NominationView, StaffListPage, StaffNominationPage } from './staff.pages.tsx';
import { staffTexts } from './staff.texts.ts';

const hide = { schema: { hide: true } } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const DONE = ['assigned', 'start_screening', 'start_assessment', 'approve', 'decline'];

type Params = { Params: { id: string } };
const asStaff = (ctx: PageStaffCtx) => ctx as unknown as StaffCtx;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

async function namesOf(ctx: PageStaffCtx, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  return new Map((await listOfficers(ctx.db, wanted)).map((o) => [o.id, o.displayName]));
}

/** Everything the nomination page shows (the read itself is audited by getNomination). */
/** The staff view of a nomination (the role guard lets no caseworker here). */
const staffView = async (ctx: PageStaffCtx, id: string) => (await getNomination(asStaff(ctx), id)) as NominationView;

async function loadPage(ctx: PageStaffCtx, id: string) {
  const n = await staffView(ctx, id);
  const assigned = n.assignedOfficers ?? [];
  const names = await namesOf(ctx, [...assigned, n.firstApprover, n.secondApprover]);
  const assignable =
    ctx.actor.role === 'supervisor'
      ? (await listOfficers(ctx.db))
          .filter((o) => !assigned.includes(o.id))
          .map((o) => ({ id: o.id, label: `${o.displayName} (${o.officeId ?? o.role})` }))
      : [];
  return { n, names, assignable };
}

export function staffNominationPages(app: FastifyInstance, deps: AppDeps) {
  return staffPages(app, STAFF_LOCALES, (sub, locale: StaffLocale) => {
    const tr = staffTexts(locale);
    const guard = (req: FastifyRequest, reply: FastifyReply) => requireStaff(req, reply, deps, { roles: ['officer', 'supervisor'] });
    const notFound = (reply: FastifyReply, ctx: PageStaffCtx) => sendProblemPage(reply, locale, ctx, { status: 404 });
    const page = async (reply: FastifyReply, ctx: PageStaffCtx, id: string, extra: Partial<NominationPageProps> = {}, status = 200) => {
      const data = await loadPage(ctx, id);
      return sendPage(reply, <StaffNominationPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} {...data} {...extra} />, status);
    };

    sub.get('/staff/nominations', hide, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      const rows = await listNominationsWithOfficers(asStaff(ctx));
      const names = await namesOf(
        ctx,
        rows.flatMap((r) => r.officers),
      );
      return sendPage(reply, <StaffListPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} rows={rows} names={names} />);
    });

    sub.get<Params & { Querystring: { done?: string } }>('/staff/nominations/:id', hide, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      if (!UUID.test(req.params.id)) return notFound(reply, ctx);
      const done = DONE.includes(req.query.done ?? '') ? req.query.done : undefined;
      return page(reply, ctx, req.params.id, { done });
    });

    sub.post<Params>('/staff/nominations/:id/assign', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      if (!UUID.test(req.params.id)) return notFound(reply, ctx);
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const form = { officerId: str(raw.officerId) };
      const again = (errors: PageFieldError[]) =>
        page(reply, ctx, req.params.id, { errors: errors.map((e) => ({ ...e, message: tr('err.officer') })), form }, 422);
      const { body, errors } = formBody<{ officerId: string }>(AssignBody, form, locale);
      if (errors.length) return again(errors);
      try {
        await assignOfficer(asStaff(ctx), req.params.id, body.officerId);
      } catch (e) {
        const fields = problemFields(e, locale);
        if (fields) return again(fields);
        throw e;
      }
      return reply.redirect(`/${locale}/staff/nominations/${req.params.id}?done=assigned`, 303);
    });

    sub.post<Params>('/staff/nominations/:id/actions', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      const id = req.params.id;
      if (!UUID.test(id)) return notFound(reply, ctx);
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const action = str(raw.action);
      const form = {
        action,
        version: str(raw.version),
        ...(action === 'decline' ? { reasons: str(raw.reasons) } : {}),
        ...(action === 'approve' ? { validFrom: str(raw.validFrom), validTo: str(raw.validTo) } : {}),
      };
      const wordField = (e: PageFieldError): PageFieldError =>
        e.id === 'reasons'
          ? { ...e, message: tr('err.reasons') }
          : e.id === 'validFrom' || e.id === 'validTo'
            ? { ...e, message: e.reason === 'EXCEEDS_MAXIMUM' || e.reason === 'BEFORE_START' ? e.message : tr('err.date') }
            : e;
      const again = (errors: PageFieldError[]) => page(reply, ctx, id, { errors: errors.map(wordField), form }, 422);
      const { body, errors } = formBody<Parameters<typeof actOnNomination>[2]>(ActionBody, form, locale);
      // A decline without reasons is refused by the use case too; saying so here keeps the message beside the field.
      if (action === 'decline' && !form.reasons?.trim()) errors.push({ id: 'reasons', reason: 'REQUIRED', message: tr('err.reasons') });
      if (errors.length) return again(errors);
      try {
        await actOnNomination(asStaff(ctx), id, body);
      } catch (e) {
        const code = e instanceof AppError ? e.code : '';
        if (code === 'CASE.VERSION_CONFLICT') {
          const now = await staffView(ctx, id);
          const approver = now.firstApprover ? ((await namesOf(ctx, [now.firstApprover])).get(now.firstApprover) ?? null) : null;
          const seen = { status: str(raw.seen) ?? '', version: form.version ?? '' };
          return sendProblemPage(reply, locale, ctx, e, <ConflictDetails locale={locale} seen={seen} now={now} approver={approver} />);
        }
        const refusal =
          code === 'NOMINATION.FOUR_EYES'
            ? tr('err.fourEyes')
            : code === 'NOMINATION.NOT_EXEMPT' || code === 'CASE.NOT_EXEMPT'
              ? tr('err.notExempt')
              : code === 'CASE.ILLEGAL_TRANSITION'
                ? tr('err.illegal')
                : null;
        if (refusal) return page(reply, ctx, id, { refusal, form }, 409);
        const fields = problemFields(e, locale);
        if (fields) return again(fields);
        throw e;
      }
      return reply.redirect(`/${locale}/staff/nominations/${id}?done=${action}`, 303);
    });

    sub.get<{ Params: { id: string; evidenceId: string } }>('/staff/nominations/:id/evidence/:evidenceId', hide, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      if (!UUID.test(req.params.id) || !UUID.test(req.params.evidenceId)) return notFound(reply, ctx);
      const ev = await readEvidence(asStaff(ctx), req.params.id, req.params.evidenceId);
      return reply
        .type(ev.mime)
        .header('content-disposition', `attachment; filename="evidence-${req.params.evidenceId.slice(0, 8)}.${EXT[ev.mime] ?? 'bin'}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(ev.content);
    });
  });
}
