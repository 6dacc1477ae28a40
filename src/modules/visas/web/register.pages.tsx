/**
 * The register pages: find a visa (by number, or by passport number and date of birth — both posted,
 * never in a URL) and a visa's page (holder, legal ground, validity, extensions with their rule and
 * legal source, stickers, cancellation) with the forms its reader may use.
 */
import {
  Button,
  chromeTexts,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  formatDate,
  formatDateTime,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  SourceLink,
  StaffField,
  StaffLayout,
  StaffSelect,
  type StaffLocale,
  t as webTexts,
} from '../../web/index.ts';
import { CANCELLATION_GROUNDS } from '../domain/cancellation.ts';
import type { LegalSource } from '../use-cases/extension-rules.ts';
import type { getVisa } from '../use-cases/read-visas.ts';
import { type RegisterTexts, registerTexts } from './register.texts.ts';

export type VisaView = Awaited<ReturnType<typeof getVisa>>;

export interface FoundVisa {
  id: string;
  visaNumber: string;
  visaCode: string;
  status: string;
  validFrom: string;
  validTo: string;
  issuedOn: string;
  basis: string | null;
}

export interface FindView {
  by?: 'number' | 'holder';
  values?: Record<string, string>;
  errors?: PageFieldError[];
  /** A number search that found nothing. */
  noNumber?: boolean;
  /** The holder search's hits (undefined: no holder search yet). */
  found?: FoundVisa[];
}

const summaryT = (locale: StaffLocale) => {
  const c = chromeTexts(locale);
  return ((k: string) => c(k as 'err.summary')) as Parameters<typeof ErrorSummary>[0]['t'];
};

/** valid, cancelled, or expired (valid in the register but past its end date). */
export function visaState(v: { status: string; validTo: string }, today: string): 'valid' | 'cancelled' | 'expired' {
  if (v.status === 'cancelled') return 'cancelled';
  return v.validTo < today ? 'expired' : 'valid';
}

export function basisLabel(tr: RegisterTexts, basis: string | null | undefined): string {
  const key = `basis.${basis}` as Parameters<RegisterTexts>[0];
  const s = basis ? tr(key) : '';
  return s && s !== key ? s : (basis ?? '—');
}

export function FindPage(p: { locale: StaffLocale; ctx: PageStaffCtx; csrf: string; today: string; view: FindView }) {
  const { locale, view } = p;
  const tr = registerTexts(locale);
  const errors = view.errors ?? [];
  const v = view.values ?? {};
  const href = (id: string) => `/${locale}/staff/register/visas/${id}`;
  return (
    <StaffLayout locale={locale} ctx={p.ctx} title={tr('find.title')} path="/staff/register" active="/staff/register" csrf={p.csrf}>
      <h1>{tr('find.title')}</h1>
      <p class="lead">{tr('find.lead')}</p>
      <ErrorSummary t={summaryT(locale)} errors={errors} />
      <div class="register-search">
        <section aria-labelledby="by-number">
          <h2 id="by-number">{tr('find.by_number')}</h2>
          <form method="post" action={`/${locale}/staff/register`} novalidate>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="by" value="number" />
            <StaffField
              name="visaNumber"
              label={tr('find.number')}
              hint={tr('find.number_hint')}
              value={view.by === 'number' ? v.visaNumber : undefined}
              error={errorFor(errors, 'visaNumber') ?? (view.noNumber ? tr('find.no_number') : undefined)}
              maxLength={60}
              required
            />
            <Button>{tr('find.submit')}</Button>
          </form>
        </section>
        <section aria-labelledby="by-holder">
          <h2 id="by-holder">{tr('find.by_holder')}</h2>
          <form method="post" action={`/${locale}/staff/register`} novalidate>
            <CsrfField token={p.csrf} />
            <input type="hidden" name="by" value="holder" />
            <StaffField
              name="passportNumber"
              label={tr('find.passport')}
              hint={tr('find.passport_hint')}
              value={view.by === 'holder' ? v.passportNumber : undefined}
              error={errorFor(errors, 'passportNumber')}
              maxLength={20}
              required
            />
            <StaffField
              name="dateOfBirth"
              type="date"
              label={tr('find.born')}
              value={view.by === 'holder' ? v.dateOfBirth : undefined}
              error={errorFor(errors, 'dateOfBirth')}
              required
            />
            <Button>{tr('find.submit')}</Button>
          </form>
        </section>
      </div>
      {view.found ? (
        <section aria-labelledby="results" id="results-section">
          <h2 id="results" tabIndex={-1}>
            {tr('find.results', { n: view.found.length })}
          </h2>
          {view.found.length ? (
            <DataTable
              caption={tr('find.results', { n: view.found.length })}
              captionHidden
              rowHeader
              head={[tr('col.visa'), tr('col.kind'), tr('col.status'), tr('col.valid'), tr('col.issued')]}
              rows={view.found.map((f) => [
                <a href={href(f.id)}>{f.visaNumber}</a>,
                `${basisLabel(tr, f.basis)} (${f.visaCode})`,
                tr(`status.${visaState(f, p.today)}`),
                tr('range', { from: formatDate(locale, f.validFrom), to: formatDate(locale, f.validTo) }),
                formatDate(locale, f.issuedOn),
              ])}
            />
          ) : (
            <Notice kind="warning">
              <p>{tr('find.none')}</p>
            </Notice>
          )}
        </section>
      ) : null}
    </StaffLayout>
  );
}

export interface VisaForm {
  kind: 'sticker' | 'cancel';
  values: Record<string, string>;
  errors: PageFieldError[];
}

export interface VisaPageData {
  visa: VisaView;
  today: string;
  offices: Record<string, string>;
  extensionSources: (LegalSource | null)[];
  bookings: { code: string; officeId: string; startsAt: string }[];
  /** May record a sticker here (an officer or supervisor of an office, the visa in force today). */
  sticker: 'form' | 'no-office' | 'not-in-force' | 'no-permission';
  /** May cancel: the form, or why not. */
  cancel: 'form' | 'not-supervisor' | 'ministry' | 'cancelled' | 'no-permission';
  done?: string | undefined;
  released?: number | undefined;
  form?: VisaForm | undefined;
}

function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v ?? '—'}</dd>
        </>
      ))}
    </dl>
  );
}

export function VisaPage(p: { locale: StaffLocale; ctx: PageStaffCtx; csrf: string; data: VisaPageData }) {
  const { locale, data } = p;
  const { visa } = data;
  const tr = registerTexts(locale);
  const web = webTexts(locale);
  const d = (iso: string | null | undefined) => (iso ? formatDate(locale, iso) : null);
  const state = visaState(visa, data.today);
  const office = (id: string | null | undefined) => (id ? (data.offices[id] ?? id) : null);
  const form = data.form;
  const errors = form?.errors ?? [];
  const fv = (kind: VisaForm['kind'], k: string, dflt?: string) => (form?.kind === kind ? form.values[k] : dflt);
  const base = `/${locale}/staff/register/visas/${visa.id}`;
  const here = data.bookings.filter((b) => b.officeId === p.ctx.actor.officeId);
  return (
    <StaffLayout
      locale={locale}
      ctx={p.ctx}
      title={tr('visa.title', { number: visa.visaNumber })}
      path={`/staff/register/visas/${visa.id}`}
      active="/staff/register"
      csrf={p.csrf}
    >
      <p>
        <a href={`/${locale}/staff/register`}>{tr('visa.back')}</a>
      </p>
      <h1>{tr('visa.title', { number: visa.visaNumber })}</h1>
      {data.done === 'sticker' ? (
        <Notice>
          <p>{tr('stick.done')}</p>
        </Notice>
      ) : null}
      {data.done === 'cancelled' ? (
        <Notice>
          <p>{tr('cancel.done', { n: data.released ?? 0 })}</p>
        </Notice>
      ) : null}
      <ErrorSummary t={summaryT(locale)} errors={errors} />

      <section aria-labelledby="facts">
        <h2 id="facts">{tr('visa.facts')}</h2>
        <Facts
          rows={[
            [tr('visa.status'), tr(`status.${state}`)],
            [tr('visa.code'), `${basisLabel(tr, visa.ground.basis)} (${visa.visaCode})`],
            [tr('visa.valid_from'), d(visa.validFrom)],
            [tr('visa.valid_to'), d(visa.validTo)],
            [tr('visa.issued'), d(visa.issuedOn)],
            [tr('visa.war'), visa.warRelated ? tr('yes') : tr('no')],
          ]}
        />
      </section>

      <section aria-labelledby="holder">
        <h2 id="holder">{tr('holder.title')}</h2>
        {visa.holder ? (
          <Facts
            rows={[
              [tr('holder.surname'), visa.holder.surname],
              [tr('holder.given'), visa.holder.givenNames],
              [tr('holder.born'), d(visa.holder.dateOfBirth)],
              [tr('holder.nationality'), visa.holder.nationality],
              [tr('holder.passport'), visa.holder.passportNumber],
            ]}
          />
        ) : (
          <p>{tr('holder.programme')}</p>
        )}
      </section>

      <section aria-labelledby="ground">
        <h2 id="ground">{tr('ground.title')}</h2>
        <Facts
          rows={[
            [tr('ground.basis'), basisLabel(tr, visa.ground.basis)],
            ...(visa.ground.ground ? ([[tr('ground.ground'), visa.ground.ground]] as [string, string][]) : []),
            ...(visa.ground.officeId ? ([[tr('ground.office'), office(visa.ground.officeId)]] as [string, string | null][]) : []),
            ...(visa.ground.nominationId ? ([[tr('ground.nomination'), visa.ground.nominationId]] as [string, string][]) : []),
          ]}
        />
      </section>

      <section aria-labelledby="extensions">
        <h2 id="extensions">{tr('ext.title')}</h2>
        {visa.extensions.length ? (
          <DataTable
            caption={tr('ext.caption')}
            head={[tr('ext.rule'), tr('ext.from'), tr('ext.to'), tr('ext.at')]}
            rows={visa.extensions.map((e, i) => {
              const src = data.extensionSources[i];
              return [
                <>
                  <code>{e.rule}</code>
                  {src ? (
                    <>
                      <br />
                      <SourceLink t={web} url={src.url} label={src.label} />
                    </>
                  ) : null}
                </>,
                d(e.from),
                d(e.to),
                formatDateTime(locale, e.at),
              ];
            })}
          />
        ) : (
          <p>{tr('ext.none')}</p>
        )}
      </section>

      <section aria-labelledby="stickers">
        <h2 id="stickers">{tr('sticker.title')}</h2>
        {visa.stickers.length ? (
          <DataTable
            caption={tr('sticker.caption')}
            head={[tr('sticker.affixed'), tr('sticker.code'), tr('sticker.number'), tr('sticker.office'), tr('sticker.appointment')]}
            rows={visa.stickers.map((s) => [
              d(s.affixedOn),
              s.code,
              s.number ?? '—',
              office(s.officeId) ?? '—',
              s.appointment ?? tr('sticker.walk_in'),
            ])}
          />
        ) : (
          <p>{tr('sticker.none')}</p>
        )}
        <h3>{tr('bookings.title')}</h3>
        {data.bookings.length ? (
          <ul>
            {data.bookings.map((b) => (
              <li>
                {tr('stick.booked', { when: formatDateTime(locale, b.startsAt), code: b.code })}
                {b.officeId !== p.ctx.actor.officeId ? ` — ${office(b.officeId)}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{tr('bookings.none')}</p>
        )}
        {data.sticker === 'form' ? (
          <form method="post" action={`${base}/stickers`} class="register-form" novalidate>
            <h3>{tr('stick.form')}</h3>
            <p>{tr('stick.form_lead')}</p>
            <CsrfField token={p.csrf} />
            <StaffSelect
              name="appointmentCode"
              label={tr('stick.appointment')}
              options={[
                { value: '', label: tr('stick.walk_in') },
                ...here.map((b) => ({
                  value: b.code,
                  label: tr('stick.booked', { when: formatDateTime(locale, b.startsAt), code: b.code }),
                })),
              ]}
              selected={fv('sticker', 'appointmentCode', here[0]?.code ?? '')}
              error={errorFor(errors, 'appointmentCode')}
            />
            <StaffField
              name="affixedOn"
              type="date"
              label={tr('stick.date')}
              value={fv('sticker', 'affixedOn', data.today)}
              error={errorFor(errors, 'affixedOn')}
              required
            />
            <StaffField
              name="stickerNumber"
              label={tr('stick.number')}
              hint={tr('stick.number_hint')}
              value={fv('sticker', 'stickerNumber')}
              error={errorFor(errors, 'stickerNumber')}
              maxLength={20}
            />
            <Button>{tr('stick.submit')}</Button>
          </form>
        ) : data.sticker === 'no-office' ? (
          <p class="muted">{tr('stick.only_office')}</p>
        ) : null}
      </section>

      <section aria-labelledby="cancellation">
        <h2 id="cancellation">{tr('cancel.title')}</h2>
        {visa.cancellation ? (
          <Facts
            rows={[
              [tr('cancel.on'), d(visa.cancellation.on)],
              [tr('cancel.ground'), visa.cancellation.ground ? tr(`ground.${visa.cancellation.ground}` as 'ground.holder_request') : '—'],
            ]}
          />
        ) : (
          <p>{tr('cancel.none')}</p>
        )}
        {data.cancel === 'form' ? (
          <form method="post" action={`${base}/cancel`} class="register-form" novalidate>
            <h3>{tr('cancel.form')}</h3>
            <p>{tr('cancel.form_lead')}</p>
            <CsrfField token={p.csrf} />
            <StaffSelect
              name="ground"
              label={tr('cancel.ground')}
              options={[
                { value: '', label: tr('ground.choose') },
                ...CANCELLATION_GROUNDS.map((g) => ({ value: g, label: tr(`ground.${g}`) })),
              ]}
              selected={fv('cancel', 'ground', '')}
              error={errorFor(errors, 'ground')}
              required
            />
            <StaffField
              name="cancelledOn"
              type="date"
              label={tr('cancel.date')}
              hint={tr('cancel.date_hint')}
              value={fv('cancel', 'cancelledOn', data.today)}
              error={errorFor(errors, 'cancelledOn')}
              required
            />
            <Button>{tr('cancel.submit')}</Button>
          </form>
        ) : data.cancel === 'not-supervisor' ? (
          <p class="muted">{tr('cancel.only_supervisor')}</p>
        ) : data.cancel === 'ministry' ? (
          <p class="muted">{tr('cancel.by_ministry')}</p>
        ) : null}
      </section>
    </StaffLayout>
  );
}
