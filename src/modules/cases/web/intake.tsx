/**
 * The counter intake page: the case type (a GET form: it works without JavaScript), then the form of
 * that type — the receipt, the applicant, and the documents checklist. Field names are the dotted
 * paths of the API's intake body (`applicant.surname`, `checklist.fee.amountCzk`), so the API's schema
 * checks the page's post too (formBody) and the use case's field errors land beside the same controls.
 * The study and humanitarian forms are built from their declarations: the documents from
 * `type.documents`, the choices from the body schema's literal unions.
 */
import type { ComponentChildren } from 'preact';
import {
  CsrfField,
  ErrorSummary,
  type PageFieldError,
  type PageStaffCtx,
  RadioGroup,
  StaffCheckbox,
  StaffField,
  StaffLayout,
  StaffSelect,
  StaffTextarea,
  t as webTexts,
} from '../../web/index.ts';
import type { StaffLocale } from '../../web/index.ts';
import type { CaseworkText } from './casework.texts.ts';
import { has } from './casework.texts.ts';
import type { IntakeFormSpec } from './intake-spec.ts';

export interface IntakePageProps {
  locale: StaffLocale;
  ctx: PageStaffCtx;
  tr: CaseworkText;
  csrf: string;
  types: readonly { id: string }[];
  spec: IntakeFormSpec;
  idempotencyKey: string;
  regions: readonly { code: string; name: string }[];
  defaultRegion: string | null;
  feeCzk: number | null;
  /** What was posted (kept on a 422). */
  values: Record<string, unknown>;
  errors: readonly PageFieldError[];
}

const str = (v: unknown) => (Array.isArray(v) ? String(v[v.length - 1] ?? '') : v === undefined || v === null ? '' : String(v));
const ticked = (v: unknown, value = 'on') => (Array.isArray(v) ? v.map(String).includes(value) : str(v) === value);

function Fieldset({ id, legend, children }: { id?: string; legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="staff-fieldset" id={id} tabIndex={id ? -1 : undefined}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The field ids the page has a control for; an error about anything else is shown at the top of the form. */
export function placedErrors(errors: readonly PageFieldError[], controls: ReadonlySet<string>) {
  const known = errors.filter((e) => controls.has(e.id));
  const other = errors.filter((e) => !controls.has(e.id));
  return { known, other };
}

export function IntakePage(p: IntakePageProps) {
  const { tr, locale, spec, values } = p;
  const err = (id: string) => p.errors.find((e) => e.id === id)?.message;
  const v = (id: string) => str(values[id]);
  const typeLabel = (id: string) => (has(`intake.type.${id}`) ? tr(`intake.type.${id}` as 'intake.type.tolerance_visa') : id);
  const controls = new Set(spec.controls);
  const { other } = placedErrors(p.errors, controls);
  const applicantField = (f: string, type: 'text' | 'date' = 'text', required = true) => (
    <StaffField
      name={`applicant.${f}`}
      label={tr(`field.${f}` as 'field.surname')}
      type={type}
      value={v(`applicant.${f}`)}
      error={err(`applicant.${f}`)}
      required={required && !spec.mrz}
      maxLength={f === 'address' ? 300 : 100}
    />
  );
  return (
    <StaffLayout
      locale={locale}
      ctx={p.ctx}
      title={tr('intake.title')}
      path={`/staff/intake?type=${spec.typeId}`}
      active="/staff/intake"
      csrf={p.csrf}
    >
      <link rel="stylesheet" href="/assets/web/casework.css" />
      <h1>{tr('intake.title')}</h1>
      <p class="lead">{tr('intake.lead')}</p>

      <form method="get" action={`/${locale}/staff/intake`} class="intake-type">
        <StaffSelect
          name="type"
          label={tr('intake.type.legend')}
          options={p.types.map((t) => ({ value: t.id, label: typeLabel(t.id) }))}
          selected={spec.typeId}
        />
        <span class="gov-button" data-type="outlined" data-color="primary" data-size="m">
          <button class="element" type="submit">
            {tr('intake.type.choose')}
          </button>
        </span>
      </form>

      <h2>{typeLabel(spec.typeId)}</h2>
      <ErrorSummary t={webTexts(locale)} errors={[...p.errors]} />
      <form method="post" action={`/${locale}/staff/intake`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="_type" value={spec.typeId} />
        <input type="hidden" name="_idem" value={p.idempotencyKey} />
        {other.length ? (
          <div id="form" tabIndex={-1} class="gov-message" data-color="error" data-type="subtle">
            <div class="gov-message__content">
              <ul>
                {other.map((e) => (
                  <li>{e.message}</li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}

        <Fieldset legend={tr('intake.receipt')}>
          <StaffField
            name="receivedOn"
            label={tr('intake.receivedOn')}
            type="date"
            value={v('receivedOn')}
            hint={tr('intake.receivedOn.hint')}
            error={err('receivedOn')}
          />
          {spec.ground ? (
            <>
              <input type="hidden" name="ground" value={spec.ground} />
              <p>
                <strong>{tr('intake.ground')}:</strong>{' '}
                {has(`intake.ground.${spec.ground}`) ? tr(`intake.ground.${spec.ground}` as 'intake.ground.33-1-a') : spec.ground}
              </p>
            </>
          ) : null}
        </Fieldset>

        <Fieldset id="applicant" legend={tr('intake.applicant')}>
          {applicantField('surname')}
          {applicantField('givenNames')}
          {applicantField('nativeName', 'text', false)}
          {applicantField('dateOfBirth', 'date')}
          {applicantField('nationality')}
          {applicantField('passportNumber')}
          {applicantField('passportExpiresOn', 'date')}
          <StaffField
            name="applicant.address"
            label={tr('field.address')}
            value={v('applicant.address')}
            error={err('applicant.address')}
            required
            maxLength={300}
          />
          <StaffSelect
            name="applicant.regionCode"
            label={tr('field.regionCode')}
            options={p.regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
            selected={v('applicant.regionCode') || p.defaultRegion}
            error={err('applicant.regionCode')}
          />
          {spec.mrz ? (
            <StaffTextarea
              name="mrz"
              label={tr('intake.mrz')}
              hint={tr('intake.mrz.hint')}
              value={v('mrz')}
              error={err('mrz')}
              rows={3}
              maxLength={200}
            />
          ) : null}
        </Fieldset>

        {spec.choices.map((c) =>
          c.multiple ? (
            <Fieldset id={c.name} legend={tr(`intake.${c.name}` as 'intake.grounds')}>
              {err(c.name) ? (
                <p class="gov-form-message" data-color="error" id={`${c.name}-error`}>
                  {err(c.name)}
                </p>
              ) : null}
              {c.values.map((x) => (
                <StaffCheckbox
                  name={c.name}
                  value={x}
                  label={has(`intake.${c.name}.${x}`) ? tr(`intake.${c.name}.${x}` as 'intake.grounds.health') : x}
                  checked={ticked(values[c.name], x)}
                />
              ))}
            </Fieldset>
          ) : (
            <RadioGroup
              name={c.name}
              legend={tr(`intake.${c.name}` as 'intake.scholarship')}
              choices={c.values.map((x) => ({
                value: x,
                label: has(`intake.${c.name}.${x}`) ? tr(`intake.${c.name}.${x}` as 'intake.scholarship.msmt') : x,
              }))}
              checked={v(c.name)}
              error={err(c.name)}
            />
          ),
        )}

        {spec.tolerance ? <ToleranceChecklist {...p} err={err} /> : null}
        {spec.documents.length ? (
          <Fieldset id="documents" legend={tr('intake.documents')}>
            <p>{tr('intake.checklist.lead')}</p>
            {spec.documents.map((d) => (
              <StaffCheckbox
                name={`documents.${d}`}
                label={has(`doc.${d}`) ? tr(`doc.${d}` as 'doc.passport') : d}
                checked={ticked(values[`documents.${d}`])}
                error={err(`documents.${d}`)}
              />
            ))}
          </Fieldset>
        ) : null}

        <span class="gov-button" data-type="solid" data-color="primary" data-size="l">
          <button class="element" type="submit">
            {tr('intake.submit')}
          </button>
        </span>
      </form>
      <script src="/assets/web/intake.js" defer />
    </StaffLayout>
  );
}

/** A form field the script checks while typing; its live answer sits beside it (announced politely). */
function CapitalField({ name, label, value, error, tr }: { name: string; label: string; value: string; error?: string; tr: CaseworkText }) {
  return (
    <div class="capital-field">
      <StaffField
        name={name}
        label={label}
        value={value}
        error={error}
        maxLength={300}
        attrs={{ 'data-capital-latin': '', autocapitalize: 'characters' }}
      />
      <p
        class="gov-form-message capital-live"
        id={`${name}-live`}
        aria-live="polite"
        data-ok={tr('intake.capital.ok')}
        data-bad={tr('intake.capital.bad')}
      />
    </div>
  );
}

function ToleranceChecklist(p: IntakePageProps & { err: (id: string) => string | undefined }) {
  const { tr, values, err } = p;
  const v = (id: string) => str(values[id]);
  const box = (name: string, key: Parameters<CaseworkText>[0]) => (
    <StaffCheckbox name={name} label={tr(key)} checked={ticked(values[name])} error={err(name)} />
  );
  return (
    <Fieldset id="checklist" legend={tr('intake.checklist')}>
      <p>{tr('intake.checklist.lead')}</p>
      <Fieldset id="checklist.applicationForm" legend={tr('intake.form.legend')}>
        {box('checklist.applicationForm.submitted', 'intake.form.submitted')}
        {box('checklist.applicationForm.inCzech', 'intake.form.inCzech')}
        <p class="field-hint">{tr('intake.form.fields.hint')}</p>
        {(['surname', 'givenNames', 'addressInCzechia'] as const).map((f) => (
          <CapitalField
            name={`checklist.applicationForm.fields.${f}`}
            label={tr(`intake.form.${f}`)}
            value={v(`checklist.applicationForm.fields.${f}`)}
            error={err(`checklist.applicationForm.fields.${f}`)}
            tr={tr}
          />
        ))}
      </Fieldset>
      {box('checklist.passport.submitted', 'intake.passport')}
      {box('checklist.photo.submitted', 'intake.photo')}
      <Fieldset id="checklist.fee" legend={tr('intake.fee.legend')}>
        {p.feeCzk !== null ? <p class="field-hint">{tr('intake.fee.hint', { amount: p.feeCzk })}</p> : null}
        <RadioGroup
          name="checklist.fee.method"
          legend={tr('intake.fee.method')}
          choices={(['duty_stamps', 'cash', 'card', 'none'] as const).map((m) => ({ value: m, label: tr(`intake.fee.${m}`) }))}
          checked={v('checklist.fee.method') || 'duty_stamps'}
          error={err('checklist.fee.method')}
        />
        <StaffField
          name="checklist.fee.amountCzk"
          label={tr('intake.fee.amountCzk')}
          type="number"
          value={v('checklist.fee.amountCzk')}
          error={err('checklist.fee.amountCzk')}
        />
      </Fieldset>
      <Fieldset id="checklist.affidavit" legend={tr('intake.affidavit.legend')}>
        {box('checklist.affidavit.submitted', 'intake.affidavit.submitted')}
        {box('checklist.affidavit.notarised', 'intake.affidavit.notarised')}
      </Fieldset>
    </Fieldset>
  );
}
