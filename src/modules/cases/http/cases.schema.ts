/** Request and response schemas of the case routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';
import { ChecklistSchema } from '../../policy/index.ts';
import { DuplicateCandidatesSchema } from '../../people/index.ts';

const IsoDate = Type.String({ format: 'date', description: 'Civil date, YYYY-MM-DD' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const LetterParams = Type.Object({ id: Type.String({ format: 'uuid' }), letterId: Type.String({ format: 'uuid' }) });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) });

const ApplicantIdentity = {
  surname: Text(100),
  givenNames: Text(100),
  dateOfBirth: IsoDate,
  nationality: Type.String({ pattern: '^[A-Z]{3}$', description: 'ICAO 3-letter code, e.g. UKR' }),
  passportNumber: Type.String({ pattern: '^[A-Z0-9]{5,20}$' }),
  passportExpiresOn: IsoDate,
};
const ApplicantRest = {
  nativeName: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'The name in its own script, surname first' }))),
  address: Text(300),
  regionCode: Type.String({ pattern: '^CZ-[0-9]{2}$' }),
  personId: Type.Optional(
    Type.String({ format: 'uuid', description: 'An existing person (a duplicate candidate or a search hit) the applicant is' }),
  ),
};
const ApplicantSchema = Type.Object({ ...ApplicantIdentity, ...ApplicantRest }, { additionalProperties: false });

/** The tolerance intake: the identity fields the MRZ carries may be left out when `mrz` is given. */
export const IntakeBody = Type.Object(
  {
    receivedOn: Type.Optional(IsoDate),
    ground: Type.Literal('33-1-a', {
      description: '§ 33(1)(a) Act 326/1999 Coll.: an obstacle beyond the applicant’s control prevents departure',
    }),
    applicant: Type.Object(
      {
        ...Object.fromEntries(Object.entries(ApplicantIdentity).map(([k, v]) => [k, Type.Optional(v)])),
        ...ApplicantRest,
      } as typeof ApplicantIdentity & typeof ApplicantRest,
      { additionalProperties: false },
    ),
    mrz: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 60 }), { minItems: 2, maxItems: 3 })], {
        description:
          'The machine-readable zone as typed or scanned: TD3 (passport, 2 × 44) or TD1 (identity card, 3 × 30), lines as an array or separated by newlines. Every check digit is checked (422 naming the field); parsed fields fill what was left out; differences from what was typed come back in mrzMismatches.',
      }),
    ),
    checklist: ChecklistSchema,
  },
  { additionalProperties: false },
);
/** The applicant of the other office intakes (all identity fields required). */
export const ApplicantBody = ApplicantSchema;

export const StudyIntakeBody = Type.Object(
  {
    receivedOn: Type.Optional(IsoDate),
    applicant: ApplicantSchema,
    scholarship: Type.Union([Type.Literal('cz_government'), Type.Literal('msmt'), Type.Literal('eu')]),
    documents: Type.Object(
      {
        passport: Type.Boolean(),
        photo: Type.Boolean(),
        scholarshipAward: Type.Boolean(),
        admissionConfirmation: Type.Boolean(),
        accommodation: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const Versioned = {
  version: Type.Integer({ minimum: 1, description: 'The case version you saw; a stale one gets 409' }),
  on: Type.Optional(IsoDate),
};

export const InterruptBody = Type.Object(
  { ...Versioned, requested: Text(2000), respondBy: IsoDate, legalGround: Type.Optional(Text(300)) },
  { additionalProperties: false },
);
export const ResumeBody = Type.Object(Versioned, { additionalProperties: false });
export const GrantBody = Type.Object(
  {
    ...Versioned,
    validFrom: IsoDate,
    validTo: IsoDate,
    warRelated: Type.Optional(
      Type.Boolean({ description: 'Granted in connection with the war in Ukraine; default: the applicant is a Ukrainian citizen' }),
    ),
  },
  { additionalProperties: false },
);
export const RefuseBody = Type.Object({ ...Versioned, reasons: Text(10000), legalGround: Text(300) }, { additionalProperties: false });
export const WithdrawBody = Type.Object(Versioned, { additionalProperties: false });
export const DiscontinueBody = Type.Object(
  { ...Versioned, legalGround: Text(300), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const PostingBody = Type.Object({ version: Versioned.version, postedOn: Type.Optional(IsoDate) }, { additionalProperties: false });
export const DeliveryBody = Type.Object(
  {
    version: Versioned.version,
    delivery: Type.Union([
      Type.Object({ kind: Type.Literal('delivered'), deliveredOn: IsoDate }, { additionalProperties: false }),
      Type.Object(
        { kind: Type.Literal('stored'), readyForCollectionOn: IsoDate, collectedOn: Type.Optional(Nullable(IsoDate)) },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);

const OptionalVersion = Type.Optional(
  Type.Integer({ minimum: 1, description: 'The case version you saw: a stale one gets 409; left out, the current one is claimed' }),
);
export const ClaimBody = Type.Object(
  {
    version: OptionalVersion,
    takeOver: Type.Optional(
      Type.Boolean({ description: 'Take the case over from the colleague who holds it (without it, a held case answers 409)' }),
    ),
  },
  { additionalProperties: false },
);
export const ReleaseBody = Type.Object({ version: OptionalVersion }, { additionalProperties: false });
export const AssignBody = Type.Object(
  { version: OptionalVersion, officerId: Type.String({ format: 'uuid', description: 'An active officer or supervisor of the office' }) },
  { additionalProperties: false },
);

export const QueueQuery = Type.Object(
  {
    office: Type.Optional(Type.String({ pattern: '^[A-Z]{3}-[A-Z]{3}$' })),
    status: Type.Optional(
      Type.String({
        pattern: '^[a-z_]{1,40}(,[a-z_]{1,40}){0,15}$',
        description: 'Only these statuses, comma-separated (e.g. interrupted,under_assessment); default: every open status',
      }),
    ),
    mine: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'Only the cases you hold' })),
    names: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false')], {
        description: 'With the applicant’s name on each row; such a read is audited with the case ids it showed',
      }),
    ),
  },
  { additionalProperties: false },
);

export const QueueSearchBody = Type.Object(
  {
    q: Type.String({
      minLength: 2,
      maxLength: 200,
      description: 'A reference (č. j., or part of it), a name in any script, or a passport number. Never logged nor audited.',
    }),
    mine: Type.Optional(Type.Boolean({ description: 'Only the cases you hold' })),
  },
  { additionalProperties: false },
);

const NullableDate = Type.Union([IsoDate, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

const Assignee = Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() }), Type.Null()], {
  description: 'The officer working on the case (přidělení), or null',
});

export const CaseView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String({ description: 'č. j., e.g. OAM-000123/PHA-ZUK-2026' }),
  caseType: Type.String({ description: 'tolerance_visa, study_residence, humanitarian_exception' }),
  officeId: Type.String(),
  status: Type.String({ description: 'One of the statuses the case type declares (docs/ARCHITECTURE.md lists them)' }),
  version: Type.Integer({ description: 'Send it back with the next command' }),
  ground: Type.String(),
  receivedOn: IsoDate,
  dueOn: NullableDate,
  clockRunning: Type.Boolean(),
  daysLeft: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Boolean(),
  decidedOn: NullableDate,
  assignee: Assignee,
  allowedActions: Type.Array(Type.String(), { description: 'The actions of the proceedings allowed in the status' }),
  assignmentActions: Type.Array(Type.String(), {
    description: 'claim, release, assign where the status allows them (an open case); the role decides who may assign',
  }),
  admissibility: Type.Union([
    Type.Object({
      admissible: Type.Boolean(),
      missing: Type.Array(
        Type.Object({
          code: Type.String(),
          field: Type.Optional(Type.String()),
          expected: Type.Optional(Type.Integer()),
          paid: Type.Optional(Type.Integer()),
        }),
      ),
    }),
    Type.Null(),
  ]),
  applicant: Type.Object({
    surname: Type.String(),
    givenNames: Type.String(),
    nativeName: NullableString,
    dateOfBirth: IsoDate,
    nationality: Type.String(),
    passportNumber: Type.String(),
    passportExpiresOn: IsoDate,
    address: Type.String(),
    regionCode: Type.String(),
    personId: Type.String({ format: 'uuid' }),
  }),
  person: Type.Optional(
    Type.Object(
      { id: Type.String({ format: 'uuid' }), linkedTo: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) },
      {
        description: 'The person recorded at intake (and the existing one it was linked into, if any)',
      },
    ),
  ),
  duplicateCandidates: Type.Optional(DuplicateCandidatesSchema),
  mrzMismatches: Type.Optional(
    Type.Array(Type.Object({ field: Type.String(), typed: Type.String(), mrz: Type.String() }), {
      description: 'Typed fields that differ from the MRZ (the typed value was kept)',
    }),
  ),
  visa: Type.Union([
    Type.Object({
      visaNumber: Type.String(),
      visaCode: Type.String(),
      validFrom: IsoDate,
      validTo: IsoDate,
      issuedOn: IsoDate,
      status: Type.String(),
    }),
    Type.Null(),
  ]),
  letters: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      kind: Type.String(),
      issuedOn: IsoDate,
      sha256: Type.String(),
      templateVersion: Type.String(),
      postedOn: NullableDate,
      readyForCollectionOn: NullableDate,
      deliveredOn: NullableDate,
      deliveryHow: NullableString,
    }),
  ),
  history: Type.Array(
    Type.Object({ seq: Type.Integer(), type: Type.String(), effectiveOn: IsoDate, at: Type.String(), actorId: Type.String() }),
  ),
});

const QueueItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  caseType: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  receivedOn: IsoDate,
  dueOn: NullableDate,
  clockRunning: Type.Boolean(),
  daysLeft: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Boolean(),
  applicant: Type.Optional(
    Type.Object(
      { surname: Type.String(), givenNames: Type.String() },
      { description: 'The applicant’s name as recorded: with names=true (that read is audited), and in search results' },
    ),
  ),
  assignee: Assignee,
});

export const QueueView = Type.Object({
  officeId: Type.String(),
  asOf: IsoDate,
  items: Type.Array(QueueItem),
});

export const QueueSearchView = Type.Object({
  officeId: Type.String(),
  asOf: IsoDate,
  items: Type.Array(
    Type.Intersect([
      QueueItem,
      Type.Object({
        matchedBy: Type.Array(Type.Union([Type.Literal('reference'), Type.Literal('name'), Type.Literal('passport')]), {
          description: 'What the terms matched',
        }),
      }),
    ]),
  ),
});

export const CaseReply = { 200: CaseView, 201: CaseView };

/** The letter as issued: Fastify sends the PDF buffer as is (a binary reply is not JSON-serialized). */
export const LetterPdfReply = {
  200: {
    description: 'The letter PDF; x-content-sha256 is its SHA-256',
    content: { 'application/pdf': { schema: Type.Unsafe<Buffer>(Type.String({ format: 'binary' })) } },
  },
};
