/**
 * The holder's pages: the status check (visa number and birth date, by POST), what the register holds,
 * the booking of a new sticker with a day picker made of links (no JavaScript), the appointment with
 * its calendar file, move and cancel.
 */
import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime, formatDay, formatTime, type Locale, type T } from '../i18n/i18n.ts';
import { Button, CsrfField, ErrorSummary, type FieldError, Icon, Input, Layout, RadioGroup, SourceLink } from './components.tsx';

export interface OfficeView {
  name: string;
  address: string | null;
  phone: string | null;
}

export interface AppointmentView {
  code: string;
  startsAt: string;
  minutes: number;
}

function Back({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a class="back-link" href={href}>
        <Icon name="back" />
        <span>{children}</span>
      </a>
    </p>
  );
}

/** A POST form holding only a CSRF token and one button (finish, cancel). */
function ActionForm({ action, csrf, label, secondary }: { action: string; csrf: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={csrf} />
      <span class="gov-button" data-type={secondary ? 'outlined' : 'solid'} data-color="primary" data-size="m">
        <button class="element" type="submit">
          {label}
        </button>
      </span>
    </form>
  );
}

function LinkButton({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a class="gov-button start-link" data-type="solid" data-color="primary" data-size="l" href={href}>
      <span class="element">{children}</span>
    </a>
  );
}

export interface StatusFormProps {
  locale: Locale;
  t: T;
  csrf: string;
  minutes: number;
  errors?: { visaNumber?: string; dateOfBirth?: string };
  values?: { visaNumber?: string; dateOfBirth?: string };
  /** The one neutral answer for any wrong pair. */
  notFound?: boolean;
  /** Seconds to wait when the holder limit is used up. */
  limitedSeconds?: number;
  expired?: boolean;
}

export function StatusFormPage(p: StatusFormProps) {
  const { locale, t } = p;
  const e = p.errors ?? {};
  const summary: FieldError[] = [
    ...(e.visaNumber ? [{ id: 'visaNumber', message: e.visaNumber }] : []),
    ...(e.dateOfBirth ? [{ id: 'dateOfBirth', message: e.dateOfBirth }] : []),
  ];
  return (
    <Layout locale={locale} t={t} title={t('st.title')} path="/status">
      <ErrorSummary t={t} errors={summary} />
      {p.notFound ? (
        <div class="gov-message notice" data-color="warning" data-type="subtle" role="alert" id="not-found">
          <div class="gov-message__content">
            <p>
              <strong>{t('st.not_found')}</strong>
            </p>
            <p>{t('st.not_found_help')}</p>
          </div>
        </div>
      ) : null}
      {p.limitedSeconds !== undefined ? (
        <div class="gov-message notice" data-color="error" data-type="subtle" role="alert" id="limited">
          <div class="gov-message__content">
            <p>
              <strong>{t('st.limited_title')}</strong>
            </p>
            <p>{t('st.limited', { s: p.limitedSeconds })}</p>
          </div>
        </div>
      ) : null}
      {p.expired ? (
        <div class="gov-message notice" data-color="primary" data-type="subtle" role="status">
          <div class="gov-message__content">
            <p>{t('st.expired')}</p>
          </div>
        </div>
      ) : null}
      <h1>{t('st.title')}</h1>
      <p class="lead">{t('st.lead')}</p>
      <form method="post" action={`/${locale}/status`} novalidate>
        <CsrfField token={p.csrf} />
        <Input
          id="visaNumber"
          name="visaNumber"
          type="text"
          label={t('st.number')}
          hint={t('st.number_hint')}
          value={p.values?.visaNumber}
          error={e.visaNumber}
          autocomplete="off"
        />
        <Input
          id="dateOfBirth"
          name="dateOfBirth"
          type="date"
          label={t('st.birth')}
          hint={t('q.date_hint')}
          value={p.values?.dateOfBirth}
          error={e.dateOfBirth}
          autocomplete="bday"
        />
        <Button>{t('st.check')}</Button>
      </form>
      <p class="muted">{t('st.private', { minutes: p.minutes })}</p>
    </Layout>
  );
}

export interface VisaPageProps {
  locale: Locale;
  t: T;
  csrf: string;
  visa: {
    visaNumber: string;
    tolerance: boolean;
    status: string;
    validFrom: string;
    validTo: string;
    expired: boolean;
    extendedFrom: string | null;
  };
  extensionSource: { label: string; url: string | null } | null;
  guidance: string[];
  /** Say that nothing needs doing (a valid visa the guidance's "extended" sentence does not cover). */
  nothingToDo: boolean;
  canBook: boolean;
  appointment: AppointmentView | null;
  note?: 'cancelled';
}

export function VisaPage(p: VisaPageProps) {
  const { locale, t, visa } = p;
  const d = (iso: string) => formatDate(locale, iso);
  return (
    <Layout locale={locale} t={t} title={t('hv.title')} path="/holder">
      {p.note === 'cancelled' ? (
        <div class="gov-message notice" data-color="success" data-type="subtle" role="status">
          <div class="gov-message__content">
            <p>{t('hv.cancelled_note')}</p>
          </div>
        </div>
      ) : null}
      <h1>{t('hv.title')}</h1>
      <p>
        <strong>{visa.tolerance ? t('hv.kind_tolerance') : t('hv.kind_other')}</strong>
      </p>
      <dl class="facts">
        <dt>{t('st.number')}</dt>
        <dd>{visa.visaNumber}</dd>
      </dl>
      <p>{t('hv.valid', { from: d(visa.validFrom), to: d(visa.validTo) })}</p>
      <p>
        <strong>
          {visa.status === 'cancelled' ? t('hv.cancelled') : visa.expired ? t('hv.expired', { date: d(visa.validTo) }) : t('hv.is_valid')}
        </strong>
      </p>

      {visa.tolerance ? (
        <section aria-labelledby="h-ext">
          <h2 id="h-ext">{t('hv.ext_title')}</h2>
          <p>{visa.extendedFrom ? t('hv.ext_register', { from: d(visa.extendedFrom), to: d(visa.validTo) }) : t('hv.ext_none')}</p>
          {visa.extendedFrom && p.extensionSource ? (
            <p>
              <SourceLink t={t} url={p.extensionSource.url} label={p.extensionSource.label} />
            </p>
          ) : null}
          <ul>
            {p.nothingToDo ? <li>{t('hv.nothing')}</li> : null}
            {p.guidance.map((g) => (
              <li>{g}</li>
            ))}
            <li>
              <strong>{t('holder.tp_system')}</strong>
            </li>
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="h-sticker">
        <h2 id="h-sticker">{t('hv.sticker_title')}</h2>
        {p.appointment ? (
          <>
            <p>{t('hv.has_appointment', { when: formatDateTime(locale, p.appointment.startsAt) })}</p>
            <p>
              <a href={`/${locale}/holder/appointment`}>{t('hv.see_appointment')}</a>
            </p>
          </>
        ) : p.canBook ? (
          <p>
            <LinkButton href={`/${locale}/holder/book`}>{t('hv.book')}</LinkButton>
          </p>
        ) : (
          <p>{t('hv.cannot_book')}</p>
        )}
      </section>
      <ActionForm action={`/${locale}/holder/signout`} csrf={p.csrf} label={t('hv.signout')} secondary />
    </Layout>
  );
}

export interface BookingPageProps {
  locale: Locale;
  t: T;
  csrf: string;
  office: OfficeView | null;
  /** Days with free times (Prague dates) and how many seats are free that day. */
  days: { date: string; free: number }[];
  day: string | null;
  slots: { id: string; startsAt: string; free: number }[];
  horizonDays: number;
  /** Moving an existing appointment rather than booking a first one. */
  current: AppointmentView | null;
  error?: string;
  checked?: string;
}

export function BookingPage(p: BookingPageProps) {
  const { locale, t } = p;
  const title = p.current ? t('bk.move_title') : t('bk.title');
  const base = `/${locale}/holder/book`;
  return (
    <Layout locale={locale} t={t} title={title} path={`/holder/book${p.day ? `?day=${p.day}` : ''}`}>
      <Back href={p.current ? `/${locale}/holder/appointment` : `/${locale}/holder`}>{t('ap.back')}</Back>
      <ErrorSummary t={t} errors={p.error ? [{ id: 'slot', message: p.error }] : []} />
      <h1>{title}</h1>
      {p.current ? <p>{t('bk.current', { when: formatDateTime(locale, p.current.startsAt) })}</p> : null}
      {p.office ? (
        <div class="office">
          <h2>{t('bk.office')}</h2>
          <p>
            <strong>{p.office.name}</strong>
          </p>
          {p.office.address ? <p>{p.office.address}</p> : null}
          {p.office.phone ? <p>{p.office.phone}</p> : null}
        </div>
      ) : (
        <p>{t('bk.no_office')}</p>
      )}
      {p.office && !p.days.length ? <p>{t('bk.no_days', { days: p.horizonDays })}</p> : null}
      {p.days.length ? (
        <nav aria-labelledby="h-days">
          <h2 id="h-days">{t('bk.days')}</h2>
          <ul class="day-list gov-list--plain">
            {p.days.map((d) => (
              <li>
                <a href={`${base}?day=${d.date}`} aria-current={d.date === p.day ? 'date' : undefined}>
                  {formatDay(locale, d.date)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {p.day && p.slots.length ? (
        <form method="post" action={p.current ? `/${locale}/holder/move` : base} novalidate>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="day" value={p.day} />
          <RadioGroup
            name="slot"
            legend={t('bk.times', { date: formatDate(locale, p.day) })}
            choices={p.slots.map((s) => ({ value: s.id, label: t('bk.time_label', { time: formatTime(locale, s.startsAt), n: s.free }) }))}
            checked={p.checked}
            error={p.error}
          />
          <Button>{p.current ? t('bk.move') : t('bk.book')}</Button>
        </form>
      ) : null}
    </Layout>
  );
}

export interface AppointmentPageProps {
  locale: Locale;
  t: T;
  csrf: string;
  appointment: AppointmentView | null;
  office: OfficeView | null;
  note?: 'booked' | 'moved';
}

export function AppointmentPage(p: AppointmentPageProps) {
  const { locale, t, appointment: a } = p;
  return (
    <Layout locale={locale} t={t} title={t('ap.title')} path="/holder/appointment">
      <Back href={`/${locale}/holder`}>{t('ap.back')}</Back>
      {p.note ? (
        <div class="gov-message notice" data-color="success" data-type="subtle" role="status" id="confirmation">
          <div class="gov-message__content">
            <p>
              <strong>{p.note === 'moved' ? t('ap.moved') : t('ap.booked')}</strong>
            </p>
          </div>
        </div>
      ) : null}
      <h1>{t('ap.title')}</h1>
      {a ? (
        <>
          <dl class="facts">
            <dt>{t('ap.when')}</dt>
            <dd>{formatDateTime(locale, a.startsAt)}</dd>
            <dt>{t('ap.where')}</dt>
            <dd>{p.office ? [p.office.name, p.office.address].filter(Boolean).join(', ') : t('bk.no_office')}</dd>
            <dt>{t('ap.code')}</dt>
            <dd>
              <strong class="code">{a.code}</strong> <span class="muted">{t('ap.code_hint')}</span>
            </dd>
          </dl>
          <p>{t('ap.bring')}</p>
          <p>
            <a href={`/${locale}/holder/appointment.ics`} download={`pobyt-${a.code}.ics`}>
              {t('ap.ics')}
            </a>
          </p>
          <div class="actions">
            <p>
              <a href={`/${locale}/holder/book`}>{t('ap.move')}</a>
            </p>
            <ActionForm action={`/${locale}/holder/cancel`} csrf={p.csrf} label={t('ap.cancel')} secondary />
          </div>
        </>
      ) : (
        <p>{t('ap.none')}</p>
      )}
    </Layout>
  );
}
