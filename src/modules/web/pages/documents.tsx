/**
 * The form page for the documents printed at home: the personal fields (by POST only), grouped, each
 * with its error beside it, and two download buttons — the pressed one decides which PDF comes back.
 */
import type { ApplicantField, ApplicantProblem } from '../../documents/index.ts';
import { MARITAL_STATUSES, MAX_LENGTH, SEXES } from '../../documents/index.ts';
import type { Locale, MessageKey, T } from '../i18n/i18n.ts';
import { Button, CsrfField, ErrorSummary, type FieldError, Icon, Input, Layout, RadioGroup, Select } from './components.tsx';

export interface DocumentsProps {
  locale: Locale;
  t: T;
  /** The navigator's answers (a query string: no personal data). */
  state: string;
  nationality: string | null;
  csrf: string;
  values?: Partial<Record<ApplicantField, string>>;
  errors?: { field: ApplicantField; problem: ApplicantProblem }[];
}

const DATE_FIELDS = new Set<ApplicantField>(['dateOfBirth', 'passportIssuedOn', 'passportValidTo']);
const AUTOCOMPLETE: Partial<Record<ApplicantField, string>> = {
  surname: 'family-name',
  givenNames: 'given-name',
  dateOfBirth: 'bday',
  address: 'street-address',
  addressInCzechia: 'off',
};

export function DocumentsPage(p: DocumentsProps) {
  const { locale, t } = p;
  const values = p.values ?? {};
  const errorOf = (f: ApplicantField) => {
    const e = p.errors?.find((x) => x.field === f);
    return e ? t(`doc.err.${e.problem}` as MessageKey) : undefined;
  };
  const label = (f: ApplicantField) => t(`doc.f.${f}` as MessageKey);
  const summary: FieldError[] = (p.errors ?? []).map((e) => ({ id: e.field, message: `${label(e.field)}: ${errorOf(e.field)}` }));
  const system = p.nationality === 'UKR' || p.nationality === 'RUS' || p.nationality === 'BLR' ? p.nationality : 'OTHER';
  const field = (f: ApplicantField, hint?: string) => (
    <Input
      id={f}
      name={f}
      type={DATE_FIELDS.has(f) ? 'date' : 'text'}
      label={label(f)}
      value={values[f]}
      hint={hint ?? (DATE_FIELDS.has(f) ? t('q.date_hint') : undefined)}
      error={errorOf(f)}
      maxLength={DATE_FIELDS.has(f) ? undefined : MAX_LENGTH[f]}
      autocomplete={AUTOCOMPLETE[f] ?? 'off'}
    />
  );
  const back = `/${locale}/navigator${p.state ? `?${p.state}` : ''}`;
  return (
    <Layout locale={locale} t={t} title={t('doc.title')} path={`/documents${p.state ? `?${p.state}` : ''}`}>
      <p>
        <a class="back-link" href={back}>
          <Icon name="back" />
          <span>{t('doc.back')}</span>
        </a>
      </p>
      <ErrorSummary t={t} errors={summary} />
      <h1>{t('doc.title')}</h1>
      <p class="lead">{t('doc.lead')}</p>
      <p>{t('doc.private')}</p>
      <p>{t('doc.official')}</p>
      <form method="post" action={`/${locale}/documents`} novalidate class="documents-form">
        <CsrfField token={p.csrf} />
        <input type="hidden" name="state" value={p.state} />
        <fieldset>
          <legend>
            <h2>{t('doc.s.name')}</h2>
          </legend>
          {field('surname', t('doc.h.names', { system: t(`doc.system.${system}` as MessageKey) }))}
          {field('givenNames')}
          {field('passportSurname', t('doc.h.passport_spelling'))}
          {field('passportGivenNames', t('doc.h.passport_spelling'))}
          {field('formerSurnames', t('doc.h.formerSurnames'))}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('doc.s.birth')}</h2>
          </legend>
          <RadioGroup
            name="sex"
            legend={t('doc.f.sex')}
            choices={[
              ...SEXES.map((s) => ({ value: s, label: t(`doc.v.sex.${s}` as MessageKey) })),
              { value: '', label: t('doc.v.sex.none') },
            ]}
            checked={values.sex ?? ''}
            error={errorOf('sex')}
          />
          {field('dateOfBirth')}
          {field('placeOfBirth')}
          {field('countryOfBirth')}
          <Select
            id="maritalStatus"
            name="maritalStatus"
            label={t('doc.f.maritalStatus')}
            options={[
              { value: '', label: t('doc.v.marital.none') },
              ...MARITAL_STATUSES.map((m) => ({ value: m, label: t(`doc.v.marital.${m}` as MessageKey) })),
            ]}
            selected={values.maritalStatus ?? ''}
            error={errorOf('maritalStatus')}
          />
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('doc.s.passport')}</h2>
          </legend>
          {field('passportNumber')}
          {field('passportIssuedOn')}
          {field('passportValidTo')}
          {field('passportIssuedBy')}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('doc.s.address')}</h2>
          </legend>
          {field('address')}
          {field('addressInCzechia')}
        </fieldset>
        <p>{t('doc.after')}</p>
        <div class="download-buttons">
          <Button name="document" value="form">
            {t('doc.download_form')}
          </Button>
          <Button name="document" value="affidavit" kind="outlined">
            {t('doc.download_affidavit')}
          </Button>
        </div>
      </form>
    </Layout>
  );
}
