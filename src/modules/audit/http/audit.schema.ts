/** The answer of GET /api/v1/audit/verify (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';

export const ChainBreak = Type.Object({
  table: Type.String(),
  id: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.Literal('changed'), Type.Literal('deleted'), Type.Literal('inserted'), Type.Literal('reordered')]),
  detail: Type.String(),
});

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  tables: Type.Array(
    Type.Object({
      table: Type.String(),
      rows: Type.Integer(),
      ok: Type.Boolean(),
      firstBreak: Type.Union([ChainBreak, Type.Null()]),
    }),
  ),
  firstBreak: Type.Union([ChainBreak, Type.Null()]),
  anchorsChecked: Type.Integer(),
});
