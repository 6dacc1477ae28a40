/** Request and response schemas of the auth routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';

export const ActorSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('officer'), Type.Literal('supervisor'), Type.Literal('admin'), Type.Literal('caseworker')]),
  officeId: Type.Union([Type.String(), Type.Null()]),
  orgId: Type.Union([Type.String(), Type.Null()]),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const LoginReply = Type.Object({ token: Type.String(), expiresAt: Type.String(), actor: ActorSchema });

/** 204: no body (typed void so a handler sends nothing). */
export const NoContent = Type.Unsafe<void>(Type.Null({ description: 'No body' }));

const Uuid = Type.String({ format: 'uuid' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const RoleSchema = Type.Union([Type.Literal('officer'), Type.Literal('supervisor'), Type.Literal('admin'), Type.Literal('caseworker')]);

export const StaffBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9._-]{3,64}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    role: RoleSchema,
    officeId: Type.Optional(Type.String({ maxLength: 40 })),
    orgId: Type.Optional(Uuid),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const StaffCreated = Type.Object({
  id: Uuid,
  username: Type.String(),
  role: Type.String(),
  officeId: NullableString,
  orgId: NullableString,
});

export const StaffList = Type.Array(
  Type.Object({
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    officeId: NullableString,
    orgId: NullableString,
    active: Type.Boolean(),
    createdAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
  }),
);

export const StaffId = Type.Object({ id: Uuid });
