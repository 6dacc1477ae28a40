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
