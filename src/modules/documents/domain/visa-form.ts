/**
 * The long-stay visa application form (Žádost o udělení víza k pobytu nad 90 dnů), pre-filled: one
 * row per item of facts §5.1 with its Czech label, the person's language beside it, and the value in
 * CAPITAL LATIN LETTERS — or blank, to fill by hand, when the person did not give it. Pure.
 */
import { isValidIsoDate } from '../../calendar/index.ts';
import { formatMessage, type Locale } from '../../../platform/i18n.ts';
import type { ApplicantDetails, DocumentRequest, MaritalStatus, Sex } from './applicant.ts';
import { formName, formNames, formText } from './latin.ts';
import { DOCUMENT_TEXTS, FORM_FIELD_IDS, type FormFieldId, type TextKey } from './texts.ts';

export interface FormRow {
  id: FormFieldId;
  /** The item's number on the form ('' for the further parts of item 10). */
  number: string;
  labelCs: string;
  /** The label in the person's language; null when that language is Czech. */
  labelLocal: string | null;
  /** CAPITAL LATIN LETTERS, or '' (blank, to fill by hand). */
  value: string;
}

/** A text printed in Czech with the person's language beside it (null when that is Czech). */
export interface Bilingual {
  cs: string;
  local: string | null;
}

export interface VisaFormContent {
  title: Bilingual;
  draft: Bilingual;
  notice: Bilingual;
  blank: Bilingual;
  /** How the names were spelt, in the person's language. */
  namesNote: string;
  rows: FormRow[];
}

const NUMBERS: Record<FormFieldId, string> = {
  surname: '1',
  formerSurnames: '2',
  givenNames: '3',
  dateOfBirth: '4',
  placeOfBirth: '5',
  countryOfBirth: '6',
  citizenship: '7',
  sex: '8',
  maritalStatus: '9',
  docType: '10',
  docNumber: '',
  docIssuedOn: '',
  docValidTo: '',
  docIssuedBy: '',
  homeAddress: '11',
  addressInCzechia: '12',
  purpose: '13',
  lengthOfStay: '14',
  dateAndSignature: '15',
};

/** Citizenship as a Czech form names the state. Another state: blank, the person writes it. */
const CITIZENSHIP_CS: Record<string, string> = { UKR: 'UKRAJINA', RUS: 'RUSKÁ FEDERACE', BLR: 'BĚLORUSKO' };
const SEX_CS: Record<Sex, string> = { M: 'MUŽ', F: 'ŽENA' };
const MARITAL_CS: Record<MaritalStatus, Record<Sex | 'any', string>> = {
  single: { M: 'SVOBODNÝ', F: 'SVOBODNÁ', any: 'SVOBODNÝ/Á' },
  married: { M: 'ŽENATÝ', F: 'VDANÁ', any: 'ŽENATÝ/VDANÁ' },
  divorced: { M: 'ROZVEDENÝ', F: 'ROZVEDENÁ', any: 'ROZVEDENÝ/Á' },
  widowed: { M: 'VDOVEC', F: 'VDOVA', any: 'VDOVEC/VDOVA' },
};
/** § 33(1)(a) Act 326/1999 Coll.: the tolerance visa's purpose, as the form's item 13 takes it. */
const PURPOSE_CS = 'STRPĚNÍ POBYTU NA ÚZEMÍ (§ 33 ODST. 1 PÍSM. A) ZÁKONA Č. 326/1999 SB.)';

/** 2. 4. 1990 (the Czech administrative date); '' for no date. */
export function czechDate(iso: string | undefined): string {
  if (!iso || !isValidIsoDate(iso)) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${m}. ${y}`;
}

export function bilingual(key: TextKey, locale: Locale, vars: Record<string, string> = {}): Bilingual {
  return {
    cs: formatMessage('cs', DOCUMENT_TEXTS.cs.text[key], vars),
    local: locale === 'cs' ? null : formatMessage(locale, DOCUMENT_TEXTS[locale].text[key], vars),
  };
}

/** The values of the form's items, in CAPITAL LATIN LETTERS ('' where unknown). */
export function formValues(a: ApplicantDetails, nationality: string | null): Record<FormFieldId, string> {
  const text = (s: string | undefined) => (s ? formText(s, nationality) : '');
  return {
    surname: formName(a.surname, nationality, a.passportSurname),
    formerSurnames: a.formerSurnames ? formNames(a.formerSurnames, nationality) : '',
    givenNames: formName(a.givenNames, nationality, a.passportGivenNames),
    dateOfBirth: czechDate(a.dateOfBirth),
    placeOfBirth: text(a.placeOfBirth),
    countryOfBirth: text(a.countryOfBirth),
    citizenship: (nationality && CITIZENSHIP_CS[nationality]) || '',
    sex: a.sex ? SEX_CS[a.sex] : '',
    maritalStatus: a.maritalStatus ? MARITAL_CS[a.maritalStatus][a.sex ?? 'any'] : '',
    docType: a.passportNumber ? 'CESTOVNÍ PAS' : '',
    docNumber: a.passportNumber ?? '',
    docIssuedOn: czechDate(a.passportIssuedOn),
    docValidTo: czechDate(a.passportValidTo),
    docIssuedBy: text(a.passportIssuedBy),
    homeAddress: text(a.address),
    addressInCzechia: text(a.addressInCzechia),
    purpose: PURPOSE_CS,
    lengthOfStay: '',
    dateAndSignature: '',
  };
}

export function buildVisaForm(req: DocumentRequest): VisaFormContent {
  const { applicant: a, locale, nationality } = req;
  const values = formValues(a, nationality);
  const local = locale === 'cs' ? null : DOCUMENT_TEXTS[locale];
  const system = nationality === 'UKR' || nationality === 'RUS' || nationality === 'BLR' ? nationality : 'OTHER';
  const fromPassport = Boolean(a.passportSurname?.trim() && a.passportGivenNames?.trim());
  const tx = DOCUMENT_TEXTS[locale].text;
  return {
    title: bilingual('form.title', locale),
    draft: bilingual('form.draft', locale),
    notice: bilingual('form.notice', locale),
    blank: bilingual('form.blank', locale),
    namesNote: fromPassport
      ? formatMessage(locale, tx['form.names.passport'])
      : formatMessage(locale, tx['form.names.system'], { system: tx[`system.${system}`] }),
    rows: FORM_FIELD_IDS.map((id) => ({
      id,
      number: NUMBERS[id],
      labelCs: DOCUMENT_TEXTS.cs.labels[id],
      labelLocal: local ? local.labels[id] : null,
      value: values[id],
    })),
  };
}
