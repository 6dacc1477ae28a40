/**
 * `GET/POST /{cs|en}/staff/intake`: the counter intake. The POST turns the form into the API's intake
 * body (the same schema) and calls `openOfficeCase`, the use case of `POST /api/v1/cases/tolerance`
 * (and of the other office intakes). Errors come back 422 beside their fields; an admissible case
 * answers 303 to its page; an inadmissible one shows why, with its return letter. The idempotency key
 * hidden in the form makes a double submit answer with the case the first one opened.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { findOffice, listRegions } from '../../offices/index.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { defaultBundle, type Parameter, valueOn } from '../../policy/index.ts';
import { type PageFieldError, type PageStaffCtx, problemFields, requireStaff, sendPage, type StaffLocale } from '../../web/index.ts';
import { registeredCaseTypes, caseTypeOf } from '../engine/registry.ts';
import { openOfficeCase } from '../use-cases/office-cases.ts';
import type { CaseView } from '../use-cases/case-view.ts';
import { caseworkTexts } from './casework.texts.ts';
import { IntakePage } from './intake.tsx';
import { intakeBodyFromForm, intakeSpec, intakeTypes } from './intake-spec.ts';
import { InadmissiblePage } from './intake-result.tsx';

const hide = { schema: { hide: true } } as const;
const KEY = /^[A-Za-z0-9-]{8,128}$/;

function feeOn(today: string): number | null {
  const p = defaultBundle().parameters['tolerance_visa.fee'] as Parameter<{ amount_czk: number }> | undefined;
  return p ? valueOn(p, today).value.amount_czk : null;
}

export function intakeRoutes(app: FastifyInstance, sub: FastifyInstance, locale: StaffLocale, deps: AppDeps) {
  const tr = caseworkTexts(locale);
  const types = () => intakeTypes(registeredCaseTypes());
  const typeOf = (id: unknown) => types().find((t) => t.id === id) ?? types()[0]!;

  async function page(
    reply: FastifyReply,
    ctx: PageStaffCtx,
    typeId: unknown,
    o: { values?: Record<string, unknown>; errors?: PageFieldError[]; key?: string } = {},
  ) {
    const type = typeOf(typeId);
    const office = ctx.actor.officeId ? await findOffice(ctx.db, ctx.actor.officeId) : undefined;
    const regions = (await listRegions(ctx.db)).map((r) => ({ code: r.code, name: locale === 'cs' ? r.name_cs : r.name_en }));
    return sendPage(
      reply,
      <IntakePage
        locale={locale}
        ctx={ctx}
        tr={tr}
        csrf={reply.generateCsrf()}
        types={types()}
        spec={intakeSpec(type)}
        idempotencyKey={o.key ?? randomUUID()}
        regions={regions}
        defaultRegion={office?.region_code ?? null}
        feeCzk={type.id === 'tolerance_visa' ? feeOn(todayInPrague(ctx.clock.now())) : null}
        values={o.values ?? {}}
        errors={o.errors ?? []}
      />,
      o.errors?.length ? 422 : 200,
    );
  }

  sub.get<{ Querystring: { type?: string } }>('/staff/intake', hide, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, { roles: ['officer', 'supervisor'] });
    if (!ctx) return reply;
    return page(reply, ctx, req.query.type);
  });

  sub.post<{ Body: Record<string, unknown> }>('/staff/intake', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, { roles: ['officer', 'supervisor'] });
    if (!ctx) return reply;
    const form = req.body ?? {};
    const type = typeOf(form._type);
    const key = typeof form._idem === 'string' && KEY.test(form._idem) ? form._idem : randomUUID();
    const spec = intakeSpec(type);
    const { body, errors } = intakeBodyFromForm(type, spec, form, locale);
    if (errors.length) return page(reply, ctx, type.id, { values: form, errors, key });
    let view: CaseView & { replayed: boolean; mrzMismatches?: { field: string; typed: string; mrz: string }[] };
    try {
      view = await openOfficeCase(ctx, type.id, body, key);
    } catch (e) {
      const fields = problemFields(e, locale);
      if (fields) return page(reply, ctx, type.id, { values: form, errors: fields, key });
      throw e;
    }
    const t = caseTypeOf(view.caseType);
    if (view.admissibility?.admissible !== false) return reply.redirect(`/${locale}/staff/cases/${view.id}?done=intake`, 303);
    const none = 'none' in t.intake.inadmissibleLetter ? t.intake.inadmissibleLetter.none : null;
    return sendPage(reply, <InadmissiblePage locale={locale} ctx={ctx} tr={tr} csrf={reply.generateCsrf()} view={view} noLetter={none} />);
  });
}
