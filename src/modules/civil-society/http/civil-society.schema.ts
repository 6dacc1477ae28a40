/** Request and response schemas of the Civil Society programme routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';
import { CATEGORIES } from '../domain/nomination-model.ts';
import { DuplicateCandidatesSchema } from '../../people/index.ts';

const IsoDate = Type.String({ format: 'date' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableDate = Type.Union([IsoDate, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

export const Id = Type.Object({ id: Uuid });
export const EvidenceParams = Type.Object({ id: Uuid, evidenceId: Uuid });

/** 204: no body (typed void so a handler sends nothing). */
export const NoContent = Type.Unsafe<void>(Type.Null({ description: 'No body' }));

export const PartnerOrgBody = Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
export const PartnerOrg = Type.Object({ id: Uuid, name: Type.String() });
export const PartnerOrgList = Type.Array(
  Type.Object({ id: Uuid, name: Type.String(), createdAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }) }),
);

export const NominationBody = Type.Object(
  {
    nationality: Type.Union([Type.Literal('RUS'), Type.Literal('BLR')]),
    surname: Type.String({ minLength: 1, maxLength: 100 }),
    givenNames: Type.String({ minLength: 1, maxLength: 100 }),
    nativeName: Type.Optional(Type.String({ maxLength: 200 })),
    dateOfBirth: IsoDate,
    passportNumber: Type.String({ pattern: '^[A-Z0-9]{5,20}$' }),
    category: Type.Union(CATEGORIES.map((c) => Type.Literal(c))),
    publicRecord: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
      minItems: 1,
      maxItems: 50,
      description: 'Links to publications and records of the public position',
    }),
    narrative: Type.String({ minLength: 1, maxLength: 50000 }),
    contacts: Type.Optional(Type.String({ maxLength: 2000 })),
    visaType: Type.Union([Type.Literal('C'), Type.Literal('D')]),
    lodgingPost: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export const NominationCreated = Type.Object({
  id: Uuid,
  reference: Type.String(),
  status: Type.String({ description: 'The coarse status an NGO sees' }),
  duplicateCandidates: DuplicateCandidatesSchema,
});

/** An NGO sees its own nominations with the coarse status; staff see category and nationality too (never names). */
export const NominationList = Type.Array(
  Type.Object({
    id: Uuid,
    reference: Type.String(),
    status: Type.String(),
    nominatedOn: IsoDate,
    visaType: Type.String(),
    category: Type.Optional(Type.String()),
    nationality: Type.Optional(Type.String()),
  }),
);

/**
 * One nomination. An NGO gets id, reference, coarse status, nominatedOn and visaType; an officer the
 * working fields, and `sensitive` (decrypted) only when assigned — null otherwise.
 */
export const NominationView = Type.Object({
  id: Uuid,
  reference: Type.String(),
  status: Type.String(),
  nominatedOn: IsoDate,
  visaType: Type.String(),
  version: Type.Optional(Type.Integer()),
  nationality: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  lodgingPost: Type.Optional(Type.String()),
  decidedOn: Type.Optional(NullableDate),
  assignedOfficers: Type.Optional(Type.Array(Uuid)),
  firstApprover: Type.Optional(NullableString),
  secondApprover: Type.Optional(NullableString),
  sensitive: Type.Optional(
    Type.Union([
      Type.Object({
        surname: Type.String(),
        givenNames: Type.String(),
        nativeName: NullableString,
        dateOfBirth: IsoDate,
        passportNumber: Type.String(),
        publicRecord: Type.Unknown({ description: 'The links as the NGO gave them (an array of strings)' }),
        narrative: Type.String(),
        contacts: NullableString,
        declineReasons: NullableString,
        evidence: Type.Array(Type.Object({ id: Uuid, mime: Type.String(), sizeBytes: Type.Integer(), name: Type.String() })),
      }),
      Type.Null(),
    ]),
  ),
});

export const EvidenceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    mime: Type.String({ maxLength: 100 }),
    contentBase64: Type.String({ minLength: 1, maxLength: 7 * 1024 * 1024 }),
  },
  { additionalProperties: false },
);
export const EvidenceAdded = Type.Object({ id: Uuid, mime: Type.String(), sizeBytes: Type.Integer() });

/** The file exactly as uploaded; Fastify sends the buffer as is (no JSON serialization for a binary reply). */
const Binary = Type.Unsafe<Buffer>(Type.String({ format: 'binary' }));
export const EvidenceFile = {
  200: {
    description: 'The evidence file',
    content: { 'application/pdf': { schema: Binary }, 'image/jpeg': { schema: Binary }, 'image/png': { schema: Binary } },
  },
};

export const AssignBody = Type.Object({ officerId: Uuid }, { additionalProperties: false });

export const ActionBody = Type.Object(
  {
    action: Type.Union([
      Type.Literal('start_screening'),
      Type.Literal('start_assessment'),
      Type.Literal('approve'),
      Type.Literal('decline'),
    ]),
    version: Type.Integer({ minimum: 1 }),
    reasons: Type.Optional(Type.String({ maxLength: 10000 })),
    validFrom: Type.Optional(IsoDate),
    validTo: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export const ActionDone = Type.Object({
  id: Uuid,
  status: Type.String(),
  version: Type.Integer(),
  visa: Type.Union([
    Type.Object({ visaNumber: Type.String(), visaCode: Type.String(), validFrom: IsoDate, validTo: IsoDate }),
    Type.Null(),
  ]),
});

export const ExactStatistics = Type.Object({
  total: Type.Integer(),
  cells: Type.Array(Type.Object({ dimension: Type.String(), value: Type.String(), count: Type.Integer() })),
});

export const PublicStatistics = Type.Object({
  method: Type.String(),
  upToMonth: Type.String({ description: 'YYYY-MM; counts are of the months before it' }),
  total: Type.String({ description: 'A range label, or "suppressed"' }),
  cells: Type.Array(Type.Object({ dimension: Type.String(), value: Type.String(), figure: Type.String() })),
});

export const PublicStatisticsCsv = {
  200: { description: 'The same figures as CSV', content: { 'text/csv': { schema: Type.String() } } },
};
