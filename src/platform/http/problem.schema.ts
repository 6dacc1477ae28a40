/** The RFC 9457 problem+json body every error response has (documented once, referenced by every operation). */
import { Type } from 'typebox';

export const problemSchema = Type.Object(
  {
    type: Type.String({ description: 'urn:pobyt:problem:<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable dotted code, e.g. CASE.VERSION_CONFLICT' }),
    instance: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String({ description: 'JSON pointer' }), reason: Type.String(), message: Type.String() })),
    ),
  },
  { additionalProperties: true },
);

/** Adds the shared problem+json answer to every operation of an OpenAPI document (docs only: replies are not serialized by it). */
export function withProblemResponses<T extends { paths?: Record<string, Record<string, unknown>>; components?: Record<string, unknown> }>(
  doc: T,
): T {
  const components = (doc.components ?? {}) as { schemas?: Record<string, unknown> };
  components.schemas = { ...(components.schemas ?? {}), Problem: problemSchema };
  doc.components = components;
  for (const ops of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(ops) as { responses?: Record<string, unknown> }[]) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      op.responses.default ??= {
        description: 'An error, as RFC 9457 problem+json',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  return doc;
}
