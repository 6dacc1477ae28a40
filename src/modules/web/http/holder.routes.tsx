/**
 * The holder's pages under `/{lang}/`: `status` (the check: visa number and birth date by POST, never
 * in the URL), `holder` (what the register holds), `holder/book` (a day picker of links, the free times
 * of the day, book or move), `holder/appointment` (confirmation, `.ics`, move, cancel). After a good
 * check the holder is kept identified by a signed, short-lived HttpOnly cookie (holder/session.ts);
 * every POST carries a CSRF token and counts against the one holder limit shared with the API. The
 * pages call the appointments module's use cases directly.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { DATE_YEARS } from '../../../platform/http/edge-input.ts';
import { isValidIsoDate, todayInPrague } from '../../calendar/index.ts';
import { findOffice } from '../../offices/index.ts';
import { defaultBundle, evaluatePolicy } from '../../policy/index.ts';
import {
  AppointmentErrors,
  bookAppointment,
  cancelAppointment,
  holderStatus,
  isHolderLimited,
  listFreeSlots,
  rebookAppointment,
  type FindHolderVisa,
  type HolderLimit,
} from '../../appointments/index.ts';
import { pragueDateOf, type Locale, t } from '../i18n/i18n.ts';
import { buildIcs } from '../holder/ics.ts';
import { HOLDER_COOKIE, signHolder, verifyHolder } from '../holder/session.ts';
import { AppointmentPage, BookingPage, StatusFormPage, VisaPage, type OfficeView } from '../pages/holder.tsx';
import { sendPage } from './send-page.ts';

/** What the holder pages need from the composition root: the register's holder lookup and the shared limit. */
export interface HolderPorts {
  findVisa: FindHolderVisa;
  holderLimit: HolderLimit;
}

/** Days ahead the booking page offers. */
export const BOOKING_HORIZON_DAYS = 28;

const hide = { schema: { hide: true } } as const;
type Form = { Body: Record<string, string | undefined> };
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : null);

export function holderPages(app: FastifyInstance, sub: FastifyInstance, locale: Locale, deps: AppDeps, ports: HolderPorts) {
  const tr = t(locale);
  const bundle = defaultBundle();
  const { db, config } = deps;
  const now = () => deps.clock.now();
  const home = `/${locale}`;

  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure };
  const identified = (req: FastifyRequest) => verifyHolder(config.holderCookieSecret, req.cookies?.[HOLDER_COOKIE], now());
  const remember = (reply: FastifyReply, visaId: string) =>
    reply.setCookie(
      HOLDER_COOKIE,
      signHolder(config.holderCookieSecret, visaId, new Date(now().getTime() + config.holderCookieMinutes * 60_000)),
      {
        ...cookieOpts,
        maxAge: config.holderCookieMinutes * 60,
      },
    );
  const forget = (reply: FastifyReply) => reply.clearCookie(HOLDER_COOKIE, cookieOpts);
  const again = (reply: FastifyReply) => forget(reply).redirect(`${home}/status?again=1`, 303);

  /** The shared holder limit; on 429 the status form comes back saying how long to wait. */
  async function limited(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    try {
      await ports.holderLimit(req, reply);
      return false;
    } catch (e) {
      if (!isHolderLimited(e)) throw e;
      const wait = Number(reply.getHeader('retry-after')) || 60;
      await sendPage(
        reply,
        <StatusFormPage locale={locale} t={tr} csrf={reply.generateCsrf()} minutes={config.holderCookieMinutes} limitedSeconds={wait} />,
        429,
      );
      return true;
    }
  }

  /** The identified holder's status, or null after redirecting to the check (no cookie, expired, visa gone). */
  async function current(req: FastifyRequest, reply: FastifyReply) {
    const visaId = identified(req);
    if (!visaId) {
      await again(reply);
      return null;
    }
    try {
      return await holderStatus(db, ports.findVisa, now(), { visaId });
    } catch (e) {
      if (codeOf(e) !== GenericErrors.NOT_FOUND) throw e;
      await again(reply);
      return null;
    }
  }

  const officeView = async (id: string | null): Promise<OfficeView | null> => {
    const o = id ? await findOffice(db, id) : undefined;
    return o ? { name: o.name, address: o.address, phone: o.phone } : null;
  };

  // --- the status check ---

  sub.get<{ Querystring: { again?: string } }>('/status', hide, async (req, reply) =>
    sendPage(
      reply,
      <StatusFormPage
        locale={locale}
        t={tr}
        csrf={reply.generateCsrf()}
        minutes={config.holderCookieMinutes}
        expired={req.query.again === '1'}
      />,
    ),
  );

  sub.post<Form>('/status', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
    if (await limited(req, reply)) return reply;
    const visaNumber = str(req.body?.visaNumber).trim().toUpperCase();
    const dateOfBirth = str(req.body?.dateOfBirth).trim();
    const errors: { visaNumber?: string; dateOfBirth?: string } = {};
    if (visaNumber.length < 3 || visaNumber.length > 60) errors.visaNumber = tr('st.err_number');
    if (!isValidIsoDate(dateOfBirth) || Number(dateOfBirth.slice(0, 4)) < DATE_YEARS.min || dateOfBirth > todayInPrague(now()))
      errors.dateOfBirth = tr('st.err_birth');
    const form = (status: number, extra: { errors?: typeof errors; notFound?: boolean }) =>
      sendPage(
        reply,
        <StatusFormPage
          locale={locale}
          t={tr}
          csrf={reply.generateCsrf()}
          minutes={config.holderCookieMinutes}
          values={{ visaNumber, dateOfBirth }}
          {...extra}
        />,
        status,
      );
    if (errors.visaNumber || errors.dateOfBirth) return form(422, { errors });
    try {
      const s = await holderStatus(db, ports.findVisa, now(), { visaNumber, dateOfBirth }, { audit: true, requestId: String(req.id) });
      remember(reply, s.visa.id);
      return reply.redirect(`${home}/holder`, 303);
    } catch (e) {
      if (codeOf(e) !== GenericErrors.NOT_FOUND) throw e;
      // One neutral answer for a wrong number, a wrong birth date or both.
      return form(200, { notFound: true });
    }
  });

  // --- what the register holds ---

  sub.get<{ Querystring: { done?: string } }>('/holder', hide, async (req, reply) => {
    const s = await current(req, reply);
    if (!s) return reply;
    const v = s.visa;
    const today = todayInPrague(now());
    const channel = evaluatePolicy(bundle, {
      facts: { held_status: 'tolerance_visa', requested_channel: 'tp_extension_system' },
      dates: { as_of: today },
      lang: locale,
      rules: ['channel.tp_extension_system'],
    }).results[0];
    let extensionSource: { label: string; url: string | null } | null = null;
    if (v.extension_rule && bundle.rules.some((r) => r.id === v.extension_rule)) {
      const ext = evaluatePolicy(bundle, {
        facts: {
          held_status: 'tolerance_visa',
          visa_war_related: v.war_related,
          ...(v.extended_from ? { visa_valid_to: v.extended_from } : {}),
        },
        dates: { as_of: today, visa_issued_on: v.issued_on },
        lang: locale,
        rules: [v.extension_rule],
      }).results[0];
      const src = ext?.window?.source;
      if (src) extensionSource = { label: [src.act, src.section].filter(Boolean).join(', '), url: src.url ?? null };
    }
    return sendPage(
      reply,
      <VisaPage
        locale={locale}
        t={tr}
        csrf={reply.generateCsrf()}
        visa={{
          visaNumber: v.visa_number,
          tolerance: s.tolerance,
          status: v.status,
          validFrom: v.valid_from,
          validTo: v.valid_to,
          expired: v.valid_to < today,
          extendedFrom: v.extended_from,
        }}
        extensionSource={extensionSource}
        guidance={
          // The policy's channel guidance, as far as it holds for this visa: "extended, nothing to do" only
          // for a visa the register extended and still valid; booking only for a visa that can be booked.
          (channel?.guidance ?? [])
            .filter((g) => (g.code === 'g.nothing_needed' ? Boolean(v.extended_from) && v.status === 'valid' && v.valid_to >= today : true))
            .filter((g) => (g.code === 'g.book_by_phone_or_online' || g.code === 'g.sticker_optional' ? s.canBook : true))
            .map((g) => g.text)
        }
        nothingToDo={v.status === 'valid' && v.valid_to >= today && !v.extended_from}
        canBook={s.canBook}
        appointment={s.appointment}
        note={req.query.done === 'cancelled' ? 'cancelled' : undefined}
      />,
    );
  });

  sub.post('/holder/signout', { ...hide, preHandler: app.csrfProtection }, async (_req, reply) => forget(reply).redirect(`${home}/`, 303));

  // --- booking and moving ---

  async function bookingPage(
    reply: FastifyReply,
    s: NonNullable<Awaited<ReturnType<typeof current>>>,
    dayAsked: string | undefined,
    error?: { message: string; status: number; checked?: string },
  ) {
    const officeId = s.visa.office_id;
    const at = now();
    const slots = officeId
      ? (await listFreeSlots(db, officeId, at, new Date(at.getTime() + BOOKING_HORIZON_DAYS * 86_400_000))).filter(
          (x) => x.free > 0 && new Date(x.startsAt) > at && x.id !== s.appointment?.slotId,
        )
      : [];
    const byDay = new Map<string, { date: string; free: number }>();
    for (const x of slots) {
      const d = pragueDateOf(x.startsAt);
      const e = byDay.get(d) ?? { date: d, free: 0 };
      e.free += x.free;
      byDay.set(d, e);
    }
    const days = [...byDay.values()];
    const day = dayAsked && byDay.has(dayAsked) ? dayAsked : (days[0]?.date ?? null);
    return sendPage(
      reply,
      <BookingPage
        locale={locale}
        t={tr}
        csrf={reply.generateCsrf()}
        office={await officeView(officeId)}
        days={days}
        day={day}
        slots={slots.filter((x) => pragueDateOf(x.startsAt) === day)}
        horizonDays={BOOKING_HORIZON_DAYS}
        current={s.appointment}
        error={error?.message}
        checked={error?.checked}
      />,
      error?.status ?? 200,
    );
  }

  sub.get<{ Querystring: { day?: string } }>('/holder/book', hide, async (req, reply) => {
    const s = await current(req, reply);
    if (!s) return reply;
    if (!s.canBook) return reply.redirect(`${home}/holder`, 303);
    return bookingPage(reply, s, typeof req.query.day === 'string' ? req.query.day : undefined);
  });

  const slotPost = (move: boolean) => async (req: FastifyRequest<Form>, reply: FastifyReply) => {
    if (await limited(req, reply)) return reply;
    const s = await current(req, reply);
    if (!s) return reply;
    if (!s.canBook) return reply.redirect(`${home}/holder`, 303);
    const slotId = str(req.body?.slot);
    const day = str(req.body?.day) || undefined;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(slotId))
      return bookingPage(reply, s, day, { message: tr('bk.err_slot'), status: 422 });
    const holder = { visaId: s.visa.id };
    try {
      if (move && s.appointment)
        await rebookAppointment(db, ports.findVisa, now(), { ...holder, code: s.appointment.code, slotId, requestId: String(req.id) });
      else if (!move && !s.appointment) await bookAppointment(db, ports.findVisa, now(), { ...holder, slotId, requestId: String(req.id) });
      else return reply.redirect(`${home}/holder/appointment`, 303);
    } catch (e) {
      const code = codeOf(e);
      if (code === AppointmentErrors.SLOT_FULL) return bookingPage(reply, s, day, { message: tr('bk.full'), status: 409 });
      if (code === AppointmentErrors.ALREADY_BOOKED) return reply.redirect(`${home}/holder/appointment`, 303);
      if (code === GenericErrors.NOT_FOUND) return bookingPage(reply, s, day, { message: tr('bk.err_slot'), status: 422 });
      if (code === AppointmentErrors.NOT_ELIGIBLE) return reply.redirect(`${home}/holder`, 303);
      throw e;
    }
    return reply.redirect(`${home}/holder/appointment?done=${move ? 'moved' : 'booked'}`, 303);
  };
  sub.post<Form>('/holder/book', { ...hide, preHandler: app.csrfProtection }, slotPost(false));
  sub.post<Form>('/holder/move', { ...hide, preHandler: app.csrfProtection }, slotPost(true));

  // --- the appointment: confirmation, calendar file, cancel ---

  sub.get<{ Querystring: { done?: string } }>('/holder/appointment', hide, async (req, reply) => {
    const s = await current(req, reply);
    if (!s) return reply;
    const done = req.query.done;
    return sendPage(
      reply,
      <AppointmentPage
        locale={locale}
        t={tr}
        csrf={reply.generateCsrf()}
        appointment={s.appointment}
        office={await officeView(s.appointment?.officeId ?? null)}
        note={done === 'booked' || done === 'moved' ? done : undefined}
      />,
    );
  });

  sub.get('/holder/appointment.ics', hide, async (req, reply) => {
    const s = await current(req, reply);
    if (!s) return reply;
    const a = s.appointment;
    if (!a) return reply.redirect(`${home}/holder/appointment`, 303);
    const o = await officeView(a.officeId);
    const ics = buildIcs({
      uid: `${a.code}@pobyt`,
      start: new Date(a.startsAt),
      minutes: a.minutes,
      stamp: now(),
      summary: tr('ics.summary'),
      location: o ? [o.name, o.address].filter(Boolean).join(', ') : '',
      description: tr('ics.description', { code: a.code }),
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="pobyt-${a.code}.ics"`)
      .header('cache-control', 'no-store')
      .send(ics);
  });

  sub.post('/holder/cancel', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
    if (await limited(req, reply)) return reply;
    const s = await current(req, reply);
    if (!s) return reply;
    if (s.appointment) {
      try {
        await cancelAppointment(db, ports.findVisa, now(), { visaId: s.visa.id, code: s.appointment.code, requestId: String(req.id) });
      } catch (e) {
        if (codeOf(e) !== GenericErrors.NOT_FOUND && codeOf(e) !== AppointmentErrors.NOT_ELIGIBLE) throw e;
      }
    }
    return reply.redirect(`${home}/holder?done=cancelled`, 303);
  });
}
