/**
 * What the intake form of a case type shows, read from its declaration: the intake body schema
 * (`intake.http.body`) says whether there is a legal-ground literal, an MRZ, the tolerance checklist
 * and which choices (literal unions → radio buttons; arrays of them → checkboxes); `type.documents`
 * lists the documents to tick. The same spec turns the posted form into the API body.
 */
import type { TSchema } from 'typebox';
import { formBody, type PageFieldError } from '../../web/index.ts';
import type { AnyCaseType } from '../engine/case-type.ts';

type Schema = {
  type?: string;
  const?: unknown;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  items?: Schema;
  [k: string]: unknown;
};

export interface IntakeFormSpec {
  typeId: string;
  ground: string | null;
  mrz: boolean;
  tolerance: boolean;
  documents: string[];
  choices: { name: string; values: string[]; multiple: boolean }[];
  /** Every control id the form has (an error about another id is shown at the top). */
  controls: string[];
}

const COMMON = new Set(['receivedOn', 'applicant', 'documents', 'checklist', 'mrz', 'ground']);
const APPLICANT = [
  'surname',
  'givenNames',
  'nativeName',
  'dateOfBirth',
  'nationality',
  'passportNumber',
  'passportExpiresOn',
  'address',
  'regionCode',
];
const TOLERANCE_BOXES = [
  'checklist.applicationForm.submitted',
  'checklist.applicationForm.inCzech',
  'checklist.passport.submitted',
  'checklist.photo.submitted',
  'checklist.affidavit.submitted',
  'checklist.affidavit.notarised',
];
const IDENTITY = ['surname', 'givenNames', 'dateOfBirth', 'nationality', 'passportNumber', 'passportExpiresOn'];
export const FORM_FIELDS = ['surname', 'givenNames', 'addressInCzechia'] as const;

function literals(s: Schema | undefined): string[] | null {
  if (!s?.anyOf) return typeof s?.const === 'string' ? [s.const] : null;
  const out = s.anyOf.map((b) => b.const);
  return out.every((x) => typeof x === 'string') ? (out as string[]) : null;
}

/** The intake types the counter serves: office types with an intake route. */
export function intakeTypes(types: readonly AnyCaseType[]) {
  return types.filter((t) => t.scope.kind === 'office' && t.intake.http);
}

export function intakeSpec(type: AnyCaseType): IntakeFormSpec {
  const body = type.intake.http!.body as unknown as Schema;
  const props = body.properties ?? {};
  const ground = typeof props.ground?.const === 'string' ? props.ground.const : null;
  const choices: IntakeFormSpec['choices'] = [];
  for (const [name, s] of Object.entries(props)) {
    if (COMMON.has(name)) continue;
    const single = literals(s);
    if (single) choices.push({ name, values: single, multiple: false });
    else if (s.type === 'array' && literals(s.items)) choices.push({ name, values: literals(s.items)!, multiple: true });
  }
  const documents = (type.documents ?? []).map((d) => d.field).filter((f) => props.documents?.properties?.[f]);
  const tolerance = Boolean(props.checklist);
  const controls = [
    'receivedOn',
    'applicant',
    ...APPLICANT.map((f) => `applicant.${f}`),
    ...(props.mrz ? ['mrz'] : []),
    ...choices.map((c) => c.name),
    ...(documents.length ? ['documents', ...documents.map((d) => `documents.${d}`)] : []),
    ...(tolerance
      ? [
          'checklist',
          'checklist.applicationForm',
          ...TOLERANCE_BOXES,
          ...FORM_FIELDS.map((f) => `checklist.applicationForm.fields.${f}`),
          'checklist.fee',
          'checklist.fee.method',
          'checklist.fee.amountCzk',
          'checklist.affidavit',
        ]
      : []),
  ];
  return { typeId: type.id, ground, mrz: Boolean(props.mrz), tolerance, documents, choices, controls };
}

/**
 * The API body a posted intake form describes, and what the schema finds wrong with it. An unticked
 * checkbox is not posted: the spec's boxes start as false. The application form's own fields are a
 * record the schema types by pattern, so they are gathered here (only those filled in).
 */
export function intakeBodyFromForm(
  type: AnyCaseType,
  spec: IntakeFormSpec,
  form: Record<string, unknown>,
  locale: 'cs' | 'en',
): { body: Record<string, unknown>; errors: PageFieldError[] } {
  const raw: Record<string, unknown> = { ...form };
  if (typeof raw.mrz === 'string') raw.mrz = raw.mrz.replace(/\r\n?/g, '\n').trim();
  const extra: Record<string, unknown> = {};
  if (spec.documents.length) extra.documents = Object.fromEntries(spec.documents.map((d) => [d, false]));
  if (spec.tolerance) {
    const fields: Record<string, string> = {};
    for (const f of FORM_FIELDS) {
      const val = raw[`checklist.applicationForm.fields.${f}`];
      if (typeof val === 'string' && val.trim()) fields[f] = val.trim();
      delete raw[`checklist.applicationForm.fields.${f}`];
    }
    extra.checklist = {
      applicationForm: { submitted: false, inCzech: false, fields },
      passport: { submitted: false },
      photo: { submitted: false },
      affidavit: { submitted: false, notarised: false },
    };
  }
  for (const c of spec.choices) if (c.multiple && raw[c.name] === undefined) extra[c.name] = [];
  const r = formBody<Record<string, unknown>>(type.intake.http!.body as TSchema, raw, locale, extra);
  // Identity fields the MRZ could fill are optional in the schema; without an MRZ each is needed.
  if (spec.mrz && !raw.mrz) {
    const given = (r.body.applicant ?? {}) as Record<string, unknown>;
    for (const f of IDENTITY)
      if (given[f] === undefined && !r.errors.some((e) => e.id === `applicant.${f}`))
        r.errors.push({ id: `applicant.${f}`, reason: 'required', message: locale === 'cs' ? 'Vyplňte toto pole.' : 'Fill this in.' });
  }
  return r;
}
