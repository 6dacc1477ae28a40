/**
 * The NGO portal's pages: the organisation's nominations (coarse status only), the nomination form,
 * and one nomination's page with the evidence upload (a plain multipart form: works without JavaScript).
 */
import type { Locale } from '../../../platform/i18n.ts';
import {
  Button,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  FieldError,
  formatDate,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  RadioGroup,
  StaffField,
  StaffLayout,
  StaffSelect,
  StaffTextarea,
  t,
} from '../../web/index.ts';
import { CATEGORIES } from '../domain/nomination-model.ts';
import { ngoTexts, type NgoKey } from './ngo.texts.ts';

type NgoStatus = 'nominated' | 'in_assessment' | 'approved' | 'declined';
export interface OwnNomination {
  id: string;
  reference: string;
  status: string;
  nominatedOn: string;
  visaType: string;
}

interface Frame {
  locale: Locale;
  ctx: PageStaffCtx;
  csrf: string;
}

export const statusKey = (s: string) => `status.${s as NgoStatus}` as NgoKey;
export const visaKey = (v: string) => `visa.${v as 'C' | 'D'}` as NgoKey;

export function NgoListPage(p: Frame & { rows: OwnNomination[] }) {
  const tr = ngoTexts(p.locale);
  const base = `/${p.locale}/ngo/nominations`;
  return (
    <StaffLayout locale={p.locale} ctx={p.ctx} title={tr('list.title')} path="/ngo/nominations" active="/ngo/nominations" csrf={p.csrf}>
      <h1>{tr('list.title')}</h1>
      <p class="lead">{tr('list.intro')}</p>
      <p>
        <a class="gov-link" href={`${base}/new`}>
          {tr('list.new')}
        </a>
      </p>
      <DataTable
        caption={tr('list.caption')}
        head={[tr('col.reference'), tr('col.nominatedOn'), tr('col.visaType'), tr('col.status')]}
        rowHeader
        empty={tr('list.empty')}
        rows={p.rows.map((r) => [
          <a class="gov-link" href={`${base}/${r.id}`}>
            {r.reference}
          </a>,
          formatDate(p.locale, r.nominatedOn),
          tr(visaKey(r.visaType)),
          tr(statusKey(r.status)),
        ])}
      />
    </StaffLayout>
  );
}

export type NominationForm = Record<string, string | undefined>;

export function NgoNominatePage(p: Frame & { form: NominationForm; errors: PageFieldError[] }) {
  const tr = ngoTexts(p.locale);
  const v = (k: string) => p.form[k] ?? '';
  const e = (k: string) => errorFor(p.errors, k);
  const choose = { value: '', label: '—' };
  return (
    <StaffLayout
      locale={p.locale}
      ctx={p.ctx}
      title={tr('new.title')}
      path="/ngo/nominations/new"
      active="/ngo/nominations/new"
      csrf={p.csrf}
    >
      <h1>{tr('new.title')}</h1>
      <p class="lead">{tr('new.intro')}</p>
      <ErrorSummary t={t(p.locale)} errors={p.errors} />
      <form method="post" action={`/${p.locale}/ngo/nominations/new`} novalidate>
        <CsrfField token={p.csrf} />
        <fieldset class="form-section">
          <legend>{tr('new.person')}</legend>
          <StaffSelect
            name="nationality"
            label={tr('f.nationality')}
            required
            selected={v('nationality')}
            error={e('nationality')}
            options={[choose, { value: 'RUS', label: tr('nat.RUS') }, { value: 'BLR', label: tr('nat.BLR') }]}
          />
          <StaffField
            name="surname"
            label={tr('f.surname')}
            hint={tr('h.latin')}
            required
            value={v('surname')}
            error={e('surname')}
            maxLength={100}
          />
          <StaffField
            name="givenNames"
            label={tr('f.givenNames')}
            hint={tr('h.latin')}
            required
            value={v('givenNames')}
            error={e('givenNames')}
            maxLength={100}
          />
          <StaffField name="nativeName" label={tr('f.nativeName')} value={v('nativeName')} error={e('nativeName')} maxLength={200} />
          <StaffField
            name="dateOfBirth"
            type="date"
            label={tr('f.dateOfBirth')}
            required
            value={v('dateOfBirth')}
            error={e('dateOfBirth')}
          />
          <StaffField
            name="passportNumber"
            label={tr('f.passportNumber')}
            hint={tr('h.passportNumber')}
            required
            value={v('passportNumber')}
            error={e('passportNumber')}
            maxLength={20}
          />
          <StaffSelect
            name="category"
            label={tr('f.category')}
            required
            selected={v('category')}
            error={e('category')}
            options={[choose, ...CATEGORIES.map((c) => ({ value: c, label: tr(`cat.${c}`) }))]}
          />
        </fieldset>
        <fieldset class="form-section">
          <legend>{tr('new.case')}</legend>
          <StaffTextarea
            name="publicRecord"
            label={tr('f.publicRecord')}
            hint={tr('h.publicRecord')}
            required
            rows={3}
            value={v('publicRecord')}
            error={e('publicRecord')}
          />
          <StaffTextarea
            name="narrative"
            label={tr('f.narrative')}
            hint={tr('h.narrative')}
            required
            rows={10}
            maxLength={50000}
            value={v('narrative')}
            error={e('narrative')}
          />
          <StaffTextarea
            name="contacts"
            label={tr('f.contacts')}
            hint={tr('h.contacts')}
            rows={3}
            maxLength={2000}
            value={v('contacts')}
            error={e('contacts')}
          />
        </fieldset>
        <fieldset class="form-section">
          <legend>{tr('new.visa')}</legend>
          <RadioGroup
            name="visaType"
            legend={tr('f.visaType')}
            checked={v('visaType')}
            error={e('visaType')}
            choices={[
              { value: 'C', label: tr('visa.C') },
              { value: 'D', label: tr('visa.D') },
            ]}
          />
          <StaffField
            name="lodgingPost"
            label={tr('f.lodgingPost')}
            hint={tr('h.lodgingPost')}
            required
            value={v('lodgingPost')}
            error={e('lodgingPost')}
            maxLength={200}
          />
        </fieldset>
        <Button>{tr('new.submit')}</Button>
      </form>
    </StaffLayout>
  );
}

export function NgoNominationPage(p: Frame & { n: OwnNomination; done?: string | undefined; fileError?: string | undefined }) {
  const tr = ngoTexts(p.locale);
  const path = `/ngo/nominations/${p.n.id}`;
  const decided = p.n.status === 'approved' || p.n.status === 'declined';
  const errors = p.fileError ? [{ id: 'file', message: p.fileError }] : [];
  return (
    <StaffLayout
      locale={p.locale}
      ctx={p.ctx}
      title={tr('view.title', { reference: p.n.reference })}
      path={path}
      active="/ngo/nominations"
      csrf={p.csrf}
    >
      <h1>{tr('view.title', { reference: p.n.reference })}</h1>
      {p.done === 'nominated' ? <Notice>{tr('view.done.nominated', { reference: p.n.reference })}</Notice> : null}
      {p.done === 'evidence' ? <Notice>{tr('view.done.evidence')}</Notice> : null}
      <ErrorSummary t={t(p.locale)} errors={errors} />
      <dl class="facts">
        <dt>{tr('view.status')}</dt>
        <dd>{tr(statusKey(p.n.status))}</dd>
        <dt>{tr('view.nominatedOn')}</dt>
        <dd>{formatDate(p.locale, p.n.nominatedOn)}</dd>
        <dt>{tr('view.visaType')}</dt>
        <dd>{tr(visaKey(p.n.visaType))}</dd>
      </dl>
      <h2>{tr('ev.title')}</h2>
      {decided ? (
        <p>{tr('ev.closed')}</p>
      ) : (
        <>
          <p>{tr('ev.intro')}</p>
          <form method="post" action={`/${p.locale}${path}/evidence`} enctype="multipart/form-data">
            <CsrfField token={p.csrf} />
            <div class="gov-form-control" data-size="m" data-invalid={p.fileError ? 'true' : undefined}>
              <div class="gov-form-control__holder">
                <span class="gov-form-label" slot="top" data-size="m">
                  <label class="gov-form-label__label" for="file">
                    {tr('ev.file')}
                  </label>
                </span>
                <p class="field-hint" id="file-hint">
                  PDF, JPEG, PNG · ≤ 5 MB
                </p>
                <input
                  id="file"
                  name="file"
                  type="file"
                  class="file-input"
                  accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
                  aria-invalid={p.fileError ? 'true' : undefined}
                  aria-describedby={p.fileError ? 'file-hint file-error' : 'file-hint'}
                />
                <FieldError id="file" error={p.fileError} />
              </div>
            </div>
            <Button>{tr('ev.submit')}</Button>
          </form>
        </>
      )}
      <p>
        <a class="gov-link" href={`/${p.locale}/ngo/nominations`}>
          {tr('view.back')}
        </a>
      </p>
    </StaffLayout>
  );
}
