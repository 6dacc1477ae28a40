/** Request and response schemas of the visa register routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';
import { CANCELLATION_GROUNDS } from '../domain/cancellation.ts';

const IsoDate = Type.String({ format: 'date' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableDate = Type.Union([IsoDate, Type.Null()]);

export const VisaNumber = Type.Object({ number: Type.String({ maxLength: 60 }) });
export const JobParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const HolderQuery = Type.Object(
  { passportNumber: Type.String({ pattern: '^[A-Z0-9]{5,20}$' }), dateOfBirth: IsoDate },
  { additionalProperties: false },
);
export const HolderVisas = Type.Array(
  Type.Object({
    visaNumber: Type.String(),
    visaCode: Type.String(),
    status: Type.String(),
    validFrom: IsoDate,
    validTo: IsoDate,
    issuedOn: IsoDate,
    basis: NullableString,
  }),
);

export const VisaView = Type.Object({
  visaNumber: Type.String(),
  visaCode: Type.String(),
  status: Type.String(),
  validFrom: IsoDate,
  validTo: IsoDate,
  issuedOn: IsoDate,
  warRelated: Type.Boolean(),
  cancelledOn: NullableDate,
  caseId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  holder: Type.Union([
    Type.Object({
      surname: NullableString,
      givenNames: NullableString,
      dateOfBirth: NullableDate,
      nationality: NullableString,
      passportNumber: NullableString,
    }),
    Type.Null(),
  ]),
  ground: Type.Object({
    basis: NullableString,
    ground: Type.Optional(NullableString),
    officeId: Type.Optional(NullableString),
    nominationId: Type.Optional(NullableString),
  }),
  cancellation: Type.Union([Type.Object({ on: IsoDate, ground: NullableString }), Type.Null()]),
  extensions: Type.Array(Type.Object({ rule: Type.String(), from: IsoDate, to: IsoDate, at: Type.String({ format: 'date-time' }) })),
  stickers: Type.Array(
    Type.Object({
      code: Type.String(),
      number: NullableString,
      affixedOn: IsoDate,
      officeId: NullableString,
      appointment: NullableString,
    }),
  ),
});

export const CancelBody = Type.Object(
  { ground: Type.Union(CANCELLATION_GROUNDS.map((g) => Type.Literal(g))), cancelledOn: Type.Optional(IsoDate) },
  { additionalProperties: false },
);

export const StickerBody = Type.Object(
  {
    affixedOn: Type.Optional(IsoDate),
    stickerNumber: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{5,20}$' })),
    appointmentCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{8}$' })),
  },
  { additionalProperties: false },
);

export const JobView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  status: Type.String(),
  dryRun: Type.Boolean(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  done: Type.Integer(),
  percent: Type.Integer(),
  params: Type.Unknown(),
  startedAt: Type.String({ format: 'date-time' }),
  lastProgressAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  error: NullableString,
});

export const ExtensionBody = Type.Object(
  {
    rule: Type.String({ maxLength: 80 }),
    dryRun: Type.Optional(Type.Boolean()),
    batchSize: Type.Optional(
      Type.Integer({ minimum: 10, maximum: 50000, description: 'Visas per batch (one transaction each); default 5000' }),
    ),
  },
  { additionalProperties: false },
);
export const ExtensionStarted = Type.Object({
  jobId: Type.String({ format: 'uuid' }),
  status: Type.String({ description: 'Where to follow it' }),
});
