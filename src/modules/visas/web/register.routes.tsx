/**
 * The register pages' routes, under `/{cs|en}/staff/register`:
 * - `GET  /staff/register` the search forms; `POST /staff/register` searches (by=number: one hit → 303 to
 *   the visa's page; by=holder: the holder's visas on the page). Search terms travel in the body only.
 * - `GET  /staff/register/visas/:id` a visa by its internal id (the number stays out of the URL); the read
 *   is audited as the API's GET /api/v1/visas/:number.
 * - `POST /staff/register/visas/:id/stickers` a sticker affixed at the counter (at a booked appointment or walk-in).
 * - `POST /staff/register/visas/:id/cancel` cancellation by a supervisor of the granting office (§ 37).
 * Each calls the visas module's own use cases; their access checks decide, their errors become pages.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { can, type StaffCtx } from '../../auth/index.ts';
import { AppointmentErrors, bookedAppointmentsOfVisa } from '../../appointments/index.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { findOffice } from '../../offices/index.ts';
import {
  formBody,
  type PageFieldError,
  problemFields,
  requireStaff,
  sendPage,
  sendProblemPage,
  type StaffLocale,
} from '../../web/index.ts';
import * as S from '../http/visas.schema.ts';
import { extensionSource } from '../use-cases/extension-rules.ts';
import { findVisaByNumber, findVisasOfHolder, getVisa } from '../use-cases/read-visas.ts';
import { cancelVisa, recordSticker } from '../use-cases/visa-changes.ts';
import { VisaErrors } from '../visas.errors.ts';
import { FindPage, type FindView, type VisaForm, VisaPage, type VisaPageData, visaState } from './register.pages.tsx';
import { registerTexts } from './register.texts.ts';

const hide = { schema: { hide: true } } as const;
const STAFF_ROLES = ['officer', 'supervisor'] as const;

type Form = Record<string, string | undefined>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function registerRoutes(root: FastifyInstance, sub: FastifyInstance, locale: StaffLocale, deps: AppDeps) {
  const tr = registerTexts(locale);
  const today = () => todayInPrague(deps.clock.now());

  const findPage = (reply: FastifyReply, ctx: StaffCtx, view: FindView, status = 200) =>
    sendPage(reply, <FindPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} today={today()} view={view} />, status);

  sub.get('/staff/register', hide, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, { roles: STAFF_ROLES });
    if (!ctx) return reply;
    return findPage(reply, ctx, {});
  });

  sub.post<{ Body: Form }>('/staff/register', { ...hide, preHandler: root.csrfProtection }, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, { roles: STAFF_ROLES });
    if (!ctx) return reply;
    const f = req.body ?? {};
    if (str(f.by) === 'holder') {
      // Spaces and lower case are forgiven: a passport number is compared in capitals without spaces.
      const values = { passportNumber: str(f.passportNumber).replace(/\s+/g, '').toUpperCase(), dateOfBirth: str(f.dateOfBirth).trim() };
      const { body, errors } = formBody<{ passportNumber: string; dateOfBirth: string }>(S.HolderQuery, values, locale);
      if (errors.length) {
        const worded = errors.map((e) => ({
          ...e,
          message: e.id === 'passportNumber' ? tr('find.err.passport') : e.id === 'dateOfBirth' ? tr('find.err.born') : e.message,
        }));
        return findPage(reply, ctx, { by: 'holder', values, errors: worded }, 422);
      }
      const found = await findVisasOfHolder(ctx, body);
      return findPage(reply, ctx, { by: 'holder', values, found });
    }
    const visaNumber = str(f.visaNumber).trim();
    if (!visaNumber || visaNumber.length > 60)
      return findPage(
        reply,
        ctx,
        { by: 'number', values: { visaNumber }, errors: [{ id: 'visaNumber', reason: 'required', message: tr('find.err.number') }] },
        422,
      );
    const hits = await findVisaByNumber(ctx, visaNumber);
    if (hits[0]) return reply.redirect(`/${locale}/staff/register/visas/${hits[0].id}`, 303);
    return findPage(reply, ctx, { by: 'number', values: { visaNumber }, noNumber: true });
  });

  /** The visa page's data: the visa (the audited read), its offices' names, bookings, and which forms its reader gets. */
  async function visaData(ctx: StaffCtx, id: string, extra: Partial<VisaPageData> = {}): Promise<VisaPageData> {
    const visa = await getVisa(ctx, { id });
    const bookings = await bookedAppointmentsOfVisa(ctx.db, visa.id);
    const ids = new Set<string>([...(visa.ground.officeId ? [visa.ground.officeId] : []), ...bookings.map((b) => b.officeId)]);
    for (const s of visa.stickers) if (s.officeId) ids.add(s.officeId);
    const offices: Record<string, string> = {};
    for (const o of ids) {
      const row = await findOffice(ctx.db, o);
      if (row) offices[o] = row.name;
    }
    const day = today();
    const inForce = visaState(visa, day) === 'valid' && visa.validFrom <= day;
    const a = ctx.actor;
    const sticker: VisaPageData['sticker'] = !can(a, 'visa.sticker')
      ? 'no-permission'
      : !a.officeId
        ? 'no-office'
        : inForce
          ? 'form'
          : 'not-in-force';
    const cancel: VisaPageData['cancel'] =
      visa.status === 'cancelled'
        ? 'cancelled'
        : !visa.ground.officeId
          ? 'ministry'
          : can(a, 'visa.cancel') && a.officeId === visa.ground.officeId
            ? 'form'
            : 'not-supervisor';
    return {
      visa,
      today: day,
      offices,
      bookings,
      extensionSources: visa.extensions.map((e) => extensionSource(e.rule, visa.issuedOn)),
      sticker,
      cancel,
      ...extra,
    };
  }

  const visaPage = (reply: FastifyReply, ctx: StaffCtx, data: VisaPageData, status = 200) =>
    sendPage(reply, <VisaPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} data={data} />, status);

  sub.get<{ Params: { id: string }; Querystring: { done?: string; released?: string } }>(
    '/staff/register/visas/:id',
    hide,
    async (req, reply) => {
      const ctx = await requireStaff(req, reply, deps, { roles: STAFF_ROLES });
      if (!ctx) return reply;
      const done = ['sticker', 'cancelled'].includes(str(req.query.done)) ? req.query.done : undefined;
      const released = /^\d{1,4}$/.test(str(req.query.released)) ? Number(req.query.released) : undefined;
      return visaPage(reply, ctx, await visaData(ctx, req.params.id, { done, released }));
    },
  );

  /** A form that came back: 422 with its errors beside the fields, the visa read again. */
  const again = async (reply: FastifyReply, ctx: StaffCtx, id: string, form: VisaForm, status = 422) =>
    visaPage(reply, ctx, await visaData(ctx, id, { form }), status);

  sub.post<{ Params: { id: string }; Body: Form }>(
    '/staff/register/visas/:id/stickers',
    { ...hide, preHandler: root.csrfProtection },
    async (req, reply) => {
      const ctx = await requireStaff(req, reply, deps, { roles: STAFF_ROLES });
      if (!ctx) return reply;
      const f = req.body ?? {};
      const values = {
        affixedOn: str(f.affixedOn).trim(),
        stickerNumber: str(f.stickerNumber).replace(/\s+/g, '').toUpperCase(),
        appointmentCode: str(f.appointmentCode).trim().toUpperCase(),
      };
      const { body, errors } = formBody<{ affixedOn?: string; stickerNumber?: string; appointmentCode?: string }>(
        S.StickerBody,
        values,
        locale,
      );
      if (errors.length) return again(reply, ctx, req.params.id, { kind: 'sticker', values, errors });
      try {
        await recordSticker(ctx, { id: req.params.id }, body);
      } catch (e) {
        const fields = problemFields(e, locale);
        if (fields) return again(reply, ctx, req.params.id, { kind: 'sticker', values, errors: fields });
        // The chosen appointment is gone (cancelled, attended meanwhile) or at another office: said beside it.
        const code = e instanceof AppError ? e.code : '';
        if (body.appointmentCode && (code === GenericErrors.NOT_FOUND || code === AppointmentErrors.AT_OTHER_OFFICE)) {
          const message = code === AppointmentErrors.AT_OTHER_OFFICE ? tr('stick.other_office') : tr('stick.no_appointment');
          const err: PageFieldError = { id: 'appointmentCode', reason: String(code), message };
          return again(reply, ctx, req.params.id, { kind: 'sticker', values, errors: [err] }, 409);
        }
        if (code === VisaErrors.NOT_IN_FORCE)
          return sendProblemPage(reply, locale, ctx, e, <p>{tr('stick.not_in_force', { reason: (e as AppError).message })}</p>);
        throw e;
      }
      return reply.redirect(`/${locale}/staff/register/visas/${req.params.id}?done=sticker`, 303);
    },
  );

  sub.post<{ Params: { id: string }; Body: Form }>(
    '/staff/register/visas/:id/cancel',
    { ...hide, preHandler: root.csrfProtection },
    async (req, reply) => {
      const ctx = await requireStaff(req, reply, deps, { roles: STAFF_ROLES });
      if (!ctx) return reply;
      const f = req.body ?? {};
      const values = { ground: str(f.ground).trim(), cancelledOn: str(f.cancelledOn).trim() };
      const { body, errors } = formBody<{ ground: Parameters<typeof cancelVisa>[2]['ground']; cancelledOn?: string }>(
        S.CancelBody,
        values,
        locale,
      );
      if (errors.length) return again(reply, ctx, req.params.id, { kind: 'cancel', values, errors });
      let released = 0;
      try {
        released = (await cancelVisa(ctx, { id: req.params.id }, body)).appointmentsReleased;
      } catch (e) {
        const fields = problemFields(e, locale);
        if (fields) return again(reply, ctx, req.params.id, { kind: 'cancel', values, errors: fields });
        if (e instanceof AppError && e.code === VisaErrors.ALREADY_CANCELLED)
          return sendProblemPage(reply, locale, ctx, e, <p>{tr('cancel.conflict')}</p>);
        throw e;
      }
      return reply.redirect(`/${locale}/staff/register/visas/${req.params.id}?done=cancelled&released=${released}`, 303);
    },
  );
}
