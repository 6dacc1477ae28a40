/**
 * The office's appointments of the day, `GET /{cs|en}/staff/appointments?day=YYYY-MM-DD` (officers and
 * supervisors of the office; today in Prague without `day`): the bookings with time, booking code and
 * status, each with a link to its visa's page where the sticker is recorded; the slots with their seats;
 * days to move between. A supervisor creates slots from the opening hours here
 * (`POST /{cs|en}/staff/appointments/slots`, the use case of POST /api/v1/offices/:id/slots).
 *
 * The page lives in the visas module because it names each booking's visa by its number (the register's
 * data) and links to the register's page; the appointments module gives the day (`listOfficeDay`).
 * No holder's name is on it: whose visa it is shows on the visa's page, whose read is audited.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { can, type StaffCtx } from '../../auth/index.ts';
import { type DaySlot, GenerateSlotsBody, generateSlotsAsStaff, listOfficeDay, MAX_SLOT_RANGE_DAYS } from '../../appointments/index.ts';
import { addDays, dayOfWeek, isValidIsoDate, MAX_HOLIDAY_YEAR, MIN_HOLIDAY_YEAR, todayInPrague, yearOf } from '../../calendar/index.ts';
import { findOffice } from '../../offices/index.ts';
import {
  Button,
  chromeTexts,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  formatDate,
  formatDay,
  formatTime,
  formBody,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  StaffField,
  StaffLayout,
  type StaffLocale,
} from '../../web/index.ts';
import { visaNumbersOf } from '../db/visas.queries.ts';
import { registerTexts } from './register.texts.ts';

const hide = { schema: { hide: true } } as const;
const ROLES = ['officer', 'supervisor'] as const;

interface SlotsForm {
  values: Record<string, string>;
  errors: PageFieldError[];
}

interface DayView {
  day: string;
  today: string;
  officeName: string;
  slots: DaySlot[];
  visaNumbers: Map<string, string>;
  canCreate: boolean;
  created?: { created: number; existing: number } | undefined;
  form?: SlotsForm | undefined;
}

const usableDay = (d: string) => isValidIsoDate(d) && yearOf(d) >= MIN_HOLIDAY_YEAR && yearOf(d) <= MAX_HOLIDAY_YEAR;

function DayPage(p: { locale: StaffLocale; ctx: PageStaffCtx; csrf: string; v: DayView }) {
  const { locale, v } = p;
  const tr = registerTexts(locale);
  const chrome = chromeTexts(locale);
  const dayText = formatDate(locale, v.day);
  const link = (d: string) => `/${locale}/staff/appointments?day=${d}`;
  const monday = addDays(v.day, -((dayOfWeek(v.day) + 6) % 7));
  const week = [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
  const bookings = v.slots.flatMap((s) => s.bookings.map((b) => ({ slot: s, b })));
  const errors = v.form?.errors ?? [];
  const fv = (k: string, d: string) => v.form?.values[k] ?? d;
  return (
    <StaffLayout
      locale={locale}
      ctx={p.ctx}
      title={`${tr('day.title')} — ${dayText}`}
      path={`/staff/appointments?day=${v.day}`}
      active="/staff/appointments"
      csrf={p.csrf}
    >
      <h1>{tr('day.title')}</h1>
      <p class="lead">{tr('day.lead', { office: v.officeName, day: dayText })}</p>
      {v.created ? (
        <Notice>
          <p>{tr('slots.done', v.created)}</p>
        </Notice>
      ) : null}
      <ErrorSummary t={(k) => chrome(k as 'err.summary')} errors={errors} />
      <nav aria-label={tr('day.nav')} class="day-nav">
        <ul class="day-list gov-list--plain">
          <li>
            <a href={link(addDays(v.day, -1))} rel="prev">
              {tr('day.prev')}
            </a>
          </li>
          {week.map((d) => (
            <li>
              <a href={link(d)} aria-current={d === v.day ? 'date' : undefined}>
                {formatDay(locale, d)}
              </a>
            </li>
          ))}
          <li>
            <a href={link(addDays(v.day, 1))} rel="next">
              {tr('day.next')}
            </a>
          </li>
          {v.day !== v.today ? (
            <li>
              <a href={link(v.today)}>{tr('day.today')}</a>
            </li>
          ) : null}
        </ul>
        <form method="get" action={`/${locale}/staff/appointments`} class="day-pick">
          <StaffField name="day" type="date" label={tr('day.pick')} value={v.day} />
          <Button kind="outlined">{tr('day.go')}</Button>
        </form>
      </nav>

      <DataTable
        caption={tr('day.bookings', { day: dayText })}
        head={[tr('day.time'), tr('day.code'), tr('day.status'), tr('day.visa'), tr('day.action')]}
        rowHeader
        empty={tr('day.none')}
        rows={bookings.map(({ slot, b }) => {
          const number = v.visaNumbers.get(b.visaId) ?? '—';
          const href = `/${locale}/staff/register/visas/${b.visaId}`;
          return [
            formatTime(locale, slot.startsAt),
            <code>{b.code}</code>,
            tr(`appt.${b.status}`),
            number,
            b.status === 'booked' ? (
              <a href={href}>{tr('day.open_visa', { number })}</a>
            ) : (
              <a href={href}>{tr('day.open_visa_short', { number })}</a>
            ),
          ];
        })}
      />

      <DataTable
        caption={tr('day.slots', { day: dayText })}
        head={[tr('day.time'), tr('day.seats'), tr('day.taken'), tr('day.free')]}
        rowHeader
        numeric={[1, 2, 3]}
        empty={tr('day.no_slots')}
        rows={v.slots.map((s) => [formatTime(locale, s.startsAt), s.capacity, s.booked, s.capacity - s.booked])}
      />

      {v.canCreate ? (
        <section aria-labelledby="create-slots">
          <h2 id="create-slots">{tr('slots.title')}</h2>
          <p>{tr('slots.lead', { max: MAX_SLOT_RANGE_DAYS })}</p>
          <form method="post" action={`/${locale}/staff/appointments/slots`} novalidate>
            <CsrfField token={p.csrf} />
            <div class="form-row">
              <StaffField
                name="from"
                type="date"
                label={tr('slots.from')}
                value={fv('from', v.day)}
                error={errorFor(errors, 'from')}
                required
              />
              <StaffField
                name="to"
                type="date"
                label={tr('slots.to')}
                value={fv('to', addDays(v.day, 6))}
                error={errorFor(errors, 'to')}
                required
              />
              <StaffField
                name="minutes"
                type="number"
                label={tr('slots.minutes')}
                value={fv('minutes', '30')}
                error={errorFor(errors, 'minutes')}
                required
              />
              <StaffField
                name="capacity"
                type="number"
                label={tr('slots.capacity')}
                value={fv('capacity', '1')}
                error={errorFor(errors, 'capacity')}
                required
              />
            </div>
            <Button>{tr('slots.submit')}</Button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export function appointmentDayRoutes(root: FastifyInstance, sub: FastifyInstance, locale: StaffLocale, deps: AppDeps) {
  const today = () => todayInPrague(deps.clock.now());

  async function page(reply: FastifyReply, ctx: StaffCtx, officeId: string, day: string, extra: Partial<DayView> = {}, status = 200) {
    const slots = await listOfficeDay(ctx, { officeId, day });
    const visaNumbers = await visaNumbersOf(
      ctx.db,
      slots.flatMap((s) => s.bookings.map((b) => b.visaId)),
    );
    const office = await findOffice(ctx.db, officeId);
    const v: DayView = {
      day,
      today: today(),
      officeName: office?.name ?? officeId,
      slots,
      visaNumbers,
      canCreate: can(ctx.actor, 'slots.manage'),
      ...extra,
    };
    return sendPage(reply, <DayPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} v={v} />, status);
  }

  sub.get<{ Querystring: { day?: string; created?: string; existing?: string } }>('/staff/appointments', hide, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, { roles: ROLES });
    if (!ctx) return reply;
    const officeId = ctx.actor.officeId;
    if (!officeId) return reply.redirect(`/${locale}/staff`, 303);
    const q = req.query;
    const day = typeof q.day === 'string' && usableDay(q.day) ? q.day : null;
    if (q.day !== undefined && !day) return reply.redirect(`/${locale}/staff/appointments`, 303);
    const n = (s: unknown) => (typeof s === 'string' && /^\d{1,6}$/.test(s) ? Number(s) : null);
    const created = n(q.created);
    const existing = n(q.existing);
    return page(reply, ctx, officeId, day ?? today(), created !== null && existing !== null ? { created: { created, existing } } : {});
  });

  sub.post<{ Body: Record<string, string | undefined> }>(
    '/staff/appointments/slots',
    { ...hide, preHandler: root.csrfProtection },
    async (req, reply) => {
      const ctx = await requireStaff(req, reply, deps, { roles: ['supervisor'] });
      if (!ctx) return reply;
      const officeId = ctx.actor.officeId;
      if (!officeId) return reply.redirect(`/${locale}/staff`, 303);
      const f = req.body ?? {};
      const values = Object.fromEntries(['from', 'to', 'minutes', 'capacity'].map((k) => [k, String(f[k] ?? '').trim()]));
      const day = usableDay(values.from!) ? values.from! : today();
      const { body, errors } = formBody<{ from: string; to: string; minutes: number; capacity: number }>(GenerateSlotsBody, values, locale);
      if (errors.length) return page(reply, ctx, officeId, day, { form: { values, errors } }, 422);
      try {
        const r = await generateSlotsAsStaff(ctx, { officeId, ...body });
        return reply.redirect(`/${locale}/staff/appointments?day=${body.from}&created=${r.created}&existing=${r.existing}`, 303);
      } catch (e) {
        const fields = problemFields(e, locale);
        if (fields) return page(reply, ctx, officeId, day, { form: { values, errors: fields } }, 422);
        throw e;
      }
    },
  );
}
