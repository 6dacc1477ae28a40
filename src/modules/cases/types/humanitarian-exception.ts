/**
 * The humanitarian-exception visa: a long-stay (D) visa for a Russian or Belarusian citizen while
 * visas for them were suspended, granted on humanitarian grounds (government decisions of 25 Feb and
 * 2 Mar 2022; the exception ended with the first suspension on 31 Mar 2024 — the policy module knows
 * the windows). requested → assessed → granted / refused; withdrawn at any point before a decision.
 *
 * Everything below is declaration: the engine, the routes and the register are the ones every type
 * uses. The route must be open on the filing date (`route.humanitarian_exception`, discretionary:
 * an officer decides), the suspension must be lifted for it by its humanitarian exception on the
 * filing date (`suspension.ru_by`), and the assessment weighs the points the policy lists.
 */
import { Type } from 'typebox';
import { fieldError, validationFailed } from '../../../platform/errors.ts';
import { defaultBundle } from '../../policy/index.ts';
import { defineAction, defineCaseType, defineIntake, type Guard } from '../engine/case-type.ts';
import {
  type ApplicantInput,
  createApplicant,
  missingDocuments,
  OFFICE_CASE_REFERENCE,
  receiptDate,
  receivingOffice,
} from '../engine/office-intake.ts';
import { policyNationality, requireNotSuspended, requireRoute } from '../engine/policy-guards.ts';
import {
  actionDate,
  caseRoute,
  grantAction,
  LETTER_STEPS,
  letterDeliveryAction,
  letterPostedAction,
  refuseAction,
  withdrawAction,
} from '../engine/standard-actions.ts';
import { ASSIGNMENT_STEPS, assignmentActions } from '../engine/assignment-actions.ts';
import * as S from '../http/cases.schema.ts';
import { CaseErrors } from '../cases.errors.ts';

const ROUTE_RULE = 'route.humanitarian_exception';
const GROUNDS = ['health', 'family', 'safety'] as const;

const DOCUMENTS = [
  { field: 'passport', missingCode: 'PASSPORT_MISSING' },
  { field: 'photo', missingCode: 'PHOTO_MISSING' },
  { field: 'groundsEvidence', missingCode: 'GROUNDS_EVIDENCE_MISSING' },
] as const;

export interface HumanitarianIntake {
  receivedOn?: string;
  applicant: ApplicantInput;
  grounds: (typeof GROUNDS)[number][];
  documents: Record<(typeof DOCUMENTS)[number]['field'], boolean>;
}

const IntakeBody = Type.Object(
  {
    receivedOn: Type.Optional(
      Type.String({ format: 'date', description: 'The filing date (at the embassy); the policy reads its rules on it' }),
    ),
    applicant: S.ApplicantBody,
    grounds: Type.Array(Type.Union(GROUNDS.map((g) => Type.Literal(g))), {
      minItems: 1,
      uniqueItems: true,
      description: 'The humanitarian grounds claimed',
    }),
    documents: Type.Object(
      {
        passport: Type.Boolean(),
        photo: Type.Boolean(),
        groundsEvidence: Type.Boolean({ description: 'Evidence of the grounds (medical, family, safety)' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const AssessBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The case version you saw; a stale one gets 409' }),
    on: Type.Optional(Type.String({ format: 'date' })),
    findings: Type.Array(
      Type.Object(
        {
          point: Type.String({ description: 'A point the policy asks to weigh, e.g. w.hum_urgency' }),
          finding: Type.String({ minLength: 1, maxLength: 5000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

/** The points the policy asks an assessment to weigh (the case page's assessment form has a finding for each). */
export function humanitarianPointsToWeigh(): string[] {
  return defaultBundle().rules.find((r) => r.id === ROUTE_RULE)?.pointsToWeigh ?? [];
}

/** The facts the policy reads for this route, from what the case recorded at intake. */
function routeFacts(nationality: string) {
  return { nationality: policyNationality(nationality), humanitarian_grounds: true, application_kind: 'long_stay_visa' } as const;
}

const NOT_EXEMPT = {
  code: CaseErrors.NOT_EXEMPT as string,
  message: 'On the filing date the suspension of visas covers this application and no exception applies.',
};

/** Declared on the grant: on the filing date the suspension is lifted for this application by one of its exceptions. */
const notSuspendedOnFiling: Guard<unknown> = {
  name: 'policy:suspension.ru_by@filed_on',
  check: async ({ row, applicant }) => {
    const a = await applicant();
    requireNotSuspended({ ...routeFacts(a.nationality), nominated_by_partner_ngo: false }, row.received_on, NOT_EXEMPT);
  },
};

const assess = defineAction<{ on?: string; findings: { point: string; finding: string }[] }>({
  permission: 'case.act',
  effect: 'step',
  http: caseRoute('assess', 'Record the individual assessment: a finding on each point the policy asks to weigh', AssessBody),
  perform: async ({ ctx, state, input }) => {
    const on = actionDate(input.on, ctx.clock.now(), state.lastEffectiveOn);
    const points = humanitarianPointsToWeigh();
    const unknown = input.findings.map((f, i) => [f.point, i] as const).filter(([p]) => !points.includes(p));
    if (unknown.length) {
      throw validationFailed(
        unknown.map(([p, i]) =>
          fieldError(`/findings/${i}/point`, 'NOT_A_POINT_TO_WEIGH', `${p} is not a point of ${ROUTE_RULE}: ${points.join(', ')}`),
        ),
      );
    }
    const missing = points.filter((p) => !input.findings.some((f) => f.point === p));
    if (missing.length)
      throw validationFailed([
        fieldError('/findings', 'POINTS_NOT_WEIGHED', `Weigh every point the policy lists; missing: ${missing.join(', ')}`),
      ]);
    return { payload: { on, findings: input.findings }, effectiveOn: on };
  },
  letter: { none: 'The assessment is internal; the applicant learns its outcome from the decision.' },
});

export const humanitarianException = defineCaseType({
  id: 'humanitarian_exception',
  title: 'humanitarian-exception visa',
  audit: { entityType: 'case', prefix: 'case' },
  scope: { kind: 'office' },
  statuses: ['inadmissible', 'requested', 'assessed', 'granted', 'refused', 'withdrawn'],
  openStatuses: ['requested', 'assessed'],
  transitions: {
    inadmissible: { ...LETTER_STEPS },
    requested: { assess: 'assessed', withdraw: 'withdrawn', ...LETTER_STEPS, ...ASSIGNMENT_STEPS },
    assessed: { grant: 'granted', refuse: 'refused', withdraw: 'withdrawn', ...LETTER_STEPS, ...ASSIGNMENT_STEPS },
    granted: { ...LETTER_STEPS },
    refused: { ...LETTER_STEPS },
    withdrawn: { ...LETTER_STEPS },
  },
  actions: {
    assess,
    grant: { ...grantAction({ letter: 'letter', warRelatedByDefault: () => false }), guards: [notSuspendedOnFiling] },
    refuse: refuseAction('letter'),
    withdraw: withdrawAction('letter'),
    letter_posted: letterPostedAction(),
    letter_delivery: letterDeliveryAction(),
    ...assignmentActions(),
  },
  intake: defineIntake<HumanitarianIntake>({
    action: 'intake',
    permission: 'case.intake',
    http: {
      path: '/cases/humanitarian',
      summary:
        'A request for a humanitarian-exception visa (Russian or Belarusian citizen, during the suspension); the policy checks the route on the filing date',
      body: IntakeBody,
    },
    prepare: async ({ ctx, input, today }) => {
      const receivedOn = receiptDate(input.receivedOn, today);
      const office = await receivingOffice(ctx);
      const facts = routeFacts(input.applicant.nationality);
      const route = requireRoute({
        rule: ROUTE_RULE,
        facts,
        dates: { as_of: receivedOn },
        accept: ['officer_decides'],
        field: '/applicant/nationality',
        dateField: '/receivedOn',
      });
      const suspension = requireNotSuspended({ ...facts, nominated_by_partner_ngo: false }, receivedOn, NOT_EXEMPT);
      const missing = missingDocuments(DOCUMENTS, input.documents);
      return {
        receivedOn,
        officeId: office.id,
        ground: `humanitarian:${[...input.grounds].sort().join('+')}`,
        admissible: missing.length === 0,
        missing,
        payload: { grounds: input.grounds },
        audit: { policy: route.receipt, suspension: suspension.outcome },
      };
    },
    createSubject: createApplicant<HumanitarianIntake>(),
    reference: OFFICE_CASE_REFERENCE,
    initial: { admissible: 'requested', inadmissible: 'inadmissible' },
    inadmissibleLetter: {
      none: 'A request is lodged at an embassy, which returns an incomplete one with its documents; no procedure for an OAMP return letter on this route is in the facts file.',
    },
  }),
  deadline: { parameter: 'humanitarian_exception.decision_period_days' },
  documents: DOCUMENTS,
  visa: { codeParameter: 'humanitarian_exception.visa_code', maxValidityYearsParameter: 'long_stay_visa.max_validity_years' },
  letters: {
    // The government decisions suspending visas (facts §1.5, [V]); no section of Act 326/1999 is cited: none is verified for this exception.
    legalBasis: 'usnesení vlády ze dne 25. února 2022 a ze dne 2. března 2022 o pozastavení vydávání víz, výjimka z humanitárních důvodů',
    applicationObject: 'o udělení víza k pobytu nad 90 dnů z humanitárních důvodů',
    grantStatement:
      'Vízum k pobytu nad 90 dnů bylo uděleno jako výjimka z humanitárních důvodů z pozastavení vydávání víz občanům Ruské federace a Běloruské republiky',
    // The rights of this visa are not in the facts file: the letter lists none rather than guess.
    rights: [],
    // Long-stay visas are granted by OAMP and stuck in by the embassy (facts §1.4, [V]).
    collection:
      'Vízový štítek Vám vlepí zastupitelský úřad České republiky, u kterého jste žádost podali; vezměte s sebou cestovní doklad.',
  },
});
