/**
 * The administration's pages in this module, registered once per staff locale (cs, en): partner
 * organisations (`/{cs|en}/staff/admin/organisations`: the list with the number of active caseworker
 * accounts, and the form to register one — `createPartnerOrg`, as POST /api/v1/admin/partner-orgs; a
 * name already registered is 409 beside the field) and the staff accounts (admin-staff.tsx).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { listStaff } from '../../auth/index.ts';
import {
  Button,
  chromeTexts,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  formBody,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  STAFF_LOCALES,
  StaffField,
  StaffLayout,
  staffPages,
} from '../../web/index.ts';
import { createPartnerOrg, listPartnerOrgs } from '../use-cases/admin.ts';
import { csrfOf, dayOf } from './admin-bits.ts';
import { adminStaffPages } from './admin-staff.tsx';
import { staffAdminTexts } from './admin-staff.texts.ts';

const BASE = '/staff/admin/organisations';
const OrgForm = Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }) });

export function adminCivilPages(deps: AppDeps): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    await staffPages(app, STAFF_LOCALES, (sub, locale) => {
      const tr = staffAdminTexts(locale);
      const chrome = chromeTexts(locale);
      const admin = { roles: ['admin'] as const };

      const page = async (
        reply: FastifyReply,
        ctx: PageStaffCtx,
        v: { name?: string; errors?: PageFieldError[]; done?: string },
        status = 200,
      ) => {
        const [orgs, users] = await Promise.all([listPartnerOrgs(ctx), listStaff(ctx)]);
        const caseworkers = new Map<string, number>();
        for (const u of users) if (u.orgId && u.active) caseworkers.set(u.orgId, (caseworkers.get(u.orgId) ?? 0) + 1);
        const errors = v.errors ?? [];
        const csrf = csrfOf(reply);
        return sendPage(
          reply,
          <StaffLayout locale={locale} ctx={ctx} title={tr('orgs.title')} path={BASE} active={BASE} csrf={csrf}>
            <h1>{tr('orgs.title')}</h1>
            <p class="lead">{tr('orgs.lead')}</p>
            {v.done === 'created' ? <Notice>{tr('orgs.done')}</Notice> : null}
            <div class="admin-list">
              <DataTable
                caption={tr('orgs.caption')}
                rowHeader
                head={[tr('orgs.col_name'), tr('orgs.col_since'), tr('orgs.col_caseworkers')]}
                rows={orgs.map((o) => [o.name, dayOf(locale, o.createdAt), String(caseworkers.get(o.id) ?? 0)])}
                numeric={[2]}
                empty={tr('orgs.none')}
              />
            </div>
            <h2 id="new">{tr('orgs.new')}</h2>
            <ErrorSummary t={(k: string) => chrome(k as 'err.summary')} errors={errors} />
            <form method="post" action={`/${locale}${BASE}`} novalidate>
              <CsrfField token={csrf} />
              <StaffField name="name" label={tr('orgs.name')} value={v.name} maxLength={200} required error={errorFor(errors, 'name')} />
              <Button>{tr('orgs.submit')}</Button>
            </form>
          </StaffLayout>,
          status,
        );
      };

      sub.get<{ Querystring: { done?: string } }>(BASE, { schema: { hide: true } }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, admin);
        if (!ctx) return;
        return page(reply, ctx, { done: req.query.done });
      });

      sub.post<{ Body: Record<string, unknown> }>(BASE, { schema: { hide: true }, preHandler: app.csrfProtection }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, admin);
        if (!ctx) return;
        const name = typeof req.body?.name === 'string' ? req.body.name.slice(0, 400) : '';
        const { body, errors } = formBody<{ name: string }>(OrgForm, req.body, locale);
        if (errors.length) return page(reply, ctx, { name, errors }, 422);
        try {
          await createPartnerOrg(ctx, body.name);
        } catch (e) {
          const fields = problemFields(e, locale, { TAKEN: tr('orgs.taken') });
          if (!fields) throw e;
          return page(reply, ctx, { name, errors: fields }, 409);
        }
        return reply.redirect(`/${locale}${BASE}?done=created`, 303);
      });

      adminStaffPages(sub, app, deps, locale);
    });
  };
}
