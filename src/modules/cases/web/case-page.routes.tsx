/**
 * The casework pages (officers and supervisors of the office):
 * - `GET /{cs|en}/staff/cases/:id` — the case page (`getCase`: the read is audited);
 * - `GET /{cs|en}/staff/cases/:id/letters/:letterId` — a letter's PDF, `inline` (view) or with
 *   `?download=1` as an attachment (`getLetterPdf`: audited);
 * - `POST /{cs|en}/staff/cases/:id/actions/:action` — one action: the form becomes the action's API
 *   body (`formBody` with the action's own `http.body` schema), then `actOnOfficeCase` (the use case
 *   of the API route). 303 back with a notice; 422 beside the field; a stale version is the 409 page
 *   with the change that came first and the form as typed; an illegal action the 409 page.
 * - the counter intake (intake.routes.tsx).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TSchema } from 'typebox';
import { AppError } from '../../../platform/errors.ts';
import type { AppDeps } from '../../../platform/http/deps.ts';
import {
  formBody,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  sendProblemPage,
  STAFF_LOCALES,
  staffPages,
} from '../../web/index.ts';
import { CaseErrors } from '../cases.errors.ts';
import type { HttpDeclaration } from '../engine/case-type.ts';
import { registeredCaseTypes } from '../engine/registry.ts';
import type { CaseView } from '../use-cases/case-view.ts';
import { actOnOfficeCase } from '../use-cases/office-cases.ts';
import { getCase, getCaseHolder, getLetterPdf } from '../use-cases/read-cases.ts';
import { assigneeOf, CasePage } from './case-page.tsx';
import { ConflictPage, IllegalActionPage } from './case-page-conflict.tsx';
import type { FormState } from './case-page-forms.tsx';
import { caseworkTexts } from './casework.texts.ts';
import { assignmentNotice } from './assignment.tsx';
import { intakeRoutes } from './intake.routes.tsx';

const hide = { schema: { hide: true } } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[A-Za-z0-9-]{8,128}$/;
const ROLES = { roles: ['officer', 'supervisor'] as const };

const notFound = () => new AppError(CaseErrors.NOT_FOUND, 'No such case.');

/** The action's API route declaration, by name (types that share an action share its route and body). */
function actionHttp(action: string): HttpDeclaration | null {
  for (const t of registeredCaseTypes()) {
    if (t.scope.kind !== 'office' || !Object.hasOwn(t.actions, action)) continue;
    const http = t.actions[action]?.http;
    if (http) return http;
  }
  return null;
}

/** The posted fields of one form, its key stripped: `grant.validTo` → `validTo`. */
function ownFields(form: Record<string, unknown>, formKey: string): Record<string, unknown> {
  const prefix = `${formKey}.`;
  return Object.fromEntries(
    Object.entries(form)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** Page-side shapes the schema cannot take as posted: the delivery union by its kind, the assessment's list. */
function shapeFields(action: string, values: Record<string, unknown>): { values: Record<string, unknown>; extra: Record<string, unknown> } {
  const v = { ...values };
  const extra: Record<string, unknown> = {};
  if (action === 'letter_delivery') {
    const kind = v['delivery.kind'] === 'stored' ? 'stored' : 'delivered';
    v['delivery.kind'] = kind;
    for (const f of kind === 'delivered' ? ['readyForCollectionOn', 'collectedOn'] : ['deliveredOn']) delete v[`delivery.${f}`];
  }
  const points = Object.keys(v).filter((k) => /^findings\.\d+\.point$/.test(k));
  if (points.length) extra.findings = points.map(() => ({}));
  delete v.ack;
  return { values: v, extra };
}

export function caseworkPages(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    await staffPages(app, STAFF_LOCALES, (sub, locale) => {
      const tr = caseworkTexts(locale);
      intakeRoutes(app, sub, locale, deps);

      const casePage = async (
        reply: FastifyReply,
        ctx: PageStaffCtx,
        view: CaseView,
        o: { done?: string | null; form?: FormState; status?: number } = {},
      ) => {
        const csrf = reply.generateCsrf();
        // Who holds the case, with the claim / release / assign forms (the queue's piece), at the top.
        const top = await assignmentNotice(ctx, view, locale, csrf);
        return sendPage(
          reply,
          <CasePage
            locale={locale}
            ctx={ctx}
            tr={tr}
            csrf={csrf}
            view={view}
            assignee={assigneeOf(view)}
            top={top}
            done={o.done}
            form={o.form}
          />,
          o.status ?? 200,
        );
      };

      sub.get<{ Params: { id: string }; Querystring: { done?: string } }>('/staff/cases/:id', hide, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, ROLES);
        if (!ctx) return reply;
        if (!UUID.test(req.params.id)) throw notFound();
        const view = await getCase(ctx, req.params.id);
        const done = typeof req.query.done === 'string' && /^[a-z_]{1,40}$/.test(req.query.done) ? req.query.done : null;
        return casePage(reply, ctx, view, { done });
      });

      sub.get<{ Params: { id: string; letterId: string }; Querystring: { download?: string } }>(
        '/staff/cases/:id/letters/:letterId',
        hide,
        async (req, reply) => {
          const ctx = await requireStaff(req, reply, deps, ROLES);
          if (!ctx) return reply;
          if (!UUID.test(req.params.id) || !UUID.test(req.params.letterId)) throw notFound();
          const l = await getLetterPdf(ctx, req.params.id, req.params.letterId);
          const file = `${l.reference.replace(/[^A-Za-z0-9-]+/g, '_')}-${l.kind}.pdf`;
          return reply
            .type('application/pdf')
            .header('content-disposition', `${req.query.download === '1' ? 'attachment' : 'inline'}; filename="${file}"`)
            .header('cache-control', 'no-store')
            .header('x-content-sha256', l.sha256)
            .send(l.pdf);
        },
      );

      sub.post<{ Params: { id: string; action: string }; Body: Record<string, unknown> }>(
        '/staff/cases/:id/actions/:action',
        { ...hide, preHandler: app.csrfProtection },
        async (req, reply) => {
          const ctx = await requireStaff(req, reply, deps, ROLES);
          if (!ctx) return reply;
          const { id, action } = req.params;
          const http = actionHttp(action);
          if (!UUID.test(id) || !http) throw notFound();
          const form = req.body ?? {};
          const formKey =
            typeof form._form === 'string' && (form._form === action || form._form.startsWith(`${action}-`)) ? form._form : action;
          const typed = ownFields(form, formKey);
          const letterId = typeof form._letterId === 'string' && UUID.test(form._letterId) ? form._letterId : undefined;
          const key = typeof form._idem === 'string' && KEY.test(form._idem) ? form._idem : null;
          const shaped = shapeFields(action, typed);
          const { body, errors } = formBody<Record<string, unknown>>(http.body as TSchema, shaped.values, locale, shaped.extra);
          const prefixed = (list: PageFieldError[]) => list.map((e) => ({ ...e, id: `${formKey}.${e.id}` }));
          const again = async (errs: PageFieldError[], status: number) =>
            casePage(reply, ctx, await getCase(ctx, id), { form: { formKey, action, values: typed, errors: errs }, status });

          // Another officer holds the case: acting needs the acknowledgement (checked against the case as it is now).
          const h = await getCaseHolder(ctx, id);
          const holder = h ? { id: h.id, name: h.displayName } : null;
          const errs = prefixed(errors);
          if (holder && holder.id !== ctx.actor.id && typed.ack !== 'on') {
            errs.push({ id: `${formKey}.ack`, reason: 'ACK_REQUIRED', message: tr('case.ack.required') });
          }
          if (errs.length) return again(errs, 422);
          const { version, input } = http.toInput({ id, ...(letterId ? { letterId } : {}) }, body);
          try {
            await actOnOfficeCase(ctx, { caseId: id, action, version, input, idempotencyKey: key });
          } catch (e) {
            const fields = problemFields(e, locale);
            if (fields) return again(prefixed(fields), 422);
            if (e instanceof AppError && e.code === CaseErrors.VERSION_CONFLICT) {
              const now = await getCase(ctx, id);
              return sendProblemPage(
                reply,
                locale,
                ctx,
                e,
                <ConflictPage
                  tr={tr}
                  locale={locale}
                  ctx={ctx}
                  csrf={reply.generateCsrf()}
                  view={now}
                  yours={version ?? 0}
                  form={{ formKey, action, values: typed, errors: [] }}
                />,
              );
            }
            if (e instanceof AppError && e.code === CaseErrors.ILLEGAL_TRANSITION) {
              const now = await getCase(ctx, id);
              return sendProblemPage(reply, locale, ctx, e, <IllegalActionPage tr={tr} locale={locale} view={now} action={action} />);
            }
            throw e;
          }
          return reply.redirect(`/${locale}/staff/cases/${id}?done=${action}`, 303);
        },
      );
    });
  };
}
