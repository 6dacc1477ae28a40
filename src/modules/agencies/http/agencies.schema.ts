/** Request and response schemas of the authority routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';

const IsoDate = Type.String({ format: 'date' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
/** A timestamp column as the database returns it (a Date, serialized as ISO 8601), or null. */
const NullableTimestamp = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });

export const Kind = Type.Union([
  Type.Literal('health_insurance'),
  Type.Literal('labour_office'),
  Type.Literal('social_security'),
  Type.Literal('other'),
]);

export const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const DeadLetterId = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });

export const CreateAuthorityBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Kind,
    scopes: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const AuthorityCreated = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: Type.String(),
  scopes: Type.Array(Type.String()),
  apiKey: Type.String({ description: 'pbk_<prefix>_<secret>; shown once' }),
});

export const AuthorityList = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    kind: Type.String(),
    scopes: Type.Array(Type.String()),
    key_prefix: Type.String(),
    created_at: NullableTimestamp,
    revoked_at: NullableTimestamp,
  }),
);

export const WebhookBody = Type.Object({ url: Type.String({ pattern: '^https?://', maxLength: 500 }) }, { additionalProperties: false });
export const WebhookSubscribed = Type.Object({
  clientId: Type.String({ format: 'uuid' }),
  url: Type.String(),
  secret: Type.String({ description: 'The signing secret; shown once' }),
});

export const DeadLetters = Type.Array(
  Type.Object({
    id: Type.String(),
    clientId: Type.String({ format: 'uuid' }),
    seq: Type.Integer(),
    error: NullableString,
    failedAt: Type.String({ format: 'date-time' }),
  }),
);
export const Replayed = Type.Object({ replayed: Type.String() });

export const VerifyBody = Type.Union([
  Type.Object({ visaNumber: Type.String({ minLength: 3, maxLength: 60 }), asOf: Type.Optional(IsoDate) }, { additionalProperties: false }),
  Type.Object(
    { passportNumber: Type.String({ pattern: '^[A-Z0-9]{5,20}$' }), dateOfBirth: IsoDate, asOf: Type.Optional(IsoDate) },
    { additionalProperties: false },
  ),
]);

/** The fields after asOf and visaNumber are those in the caller's scopes, so they are not fixed here. */
export const VerifyReply = Type.Object(
  { asOf: IsoDate, visaNumber: Type.String() },
  { additionalProperties: true, description: 'Plus the fields the client’s scopes allow (status, validTo, holderName, rights …)' },
);

// Query strings are text (request bodies are not coerced, so neither is this): digits only.
export const EventsQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
    limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$' })),
  },
  { additionalProperties: false },
);

export const EventsReply = Type.Object({
  events: Type.Array(
    Type.Object(
      {
        seq: Type.Integer(),
        eventId: Type.String({ description: 'The idempotency key of the event' }),
        kind: Type.String(),
        occurredAt: Type.String({ format: 'date-time' }),
        visaNumber: Type.Unknown(),
      },
      { additionalProperties: true, description: 'Plus the payload fields the client’s scopes allow' },
    ),
  ),
  next: Type.Integer({ description: 'The cursor for the next call' }),
});

/** 204: no body (typed void so a handler sends nothing). */
export const NoContent = Type.Unsafe<void>(Type.Null({ description: 'No body' }));
