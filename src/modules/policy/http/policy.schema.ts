/** Request and response schemas of the public policy routes (TypeBox → JSON Schema → OpenAPI). */
import { Type } from 'typebox';
import { LANGS } from '../domain/bundle.types.ts';
import { ChecklistSchema } from './checklist.schema.ts';

const IsoDate = Type.String({ format: 'date' });
const NullableDate = Type.Union([IsoDate, Type.Null()]);

export const EvaluateBody = Type.Object(
  {
    facts: Type.Record(
      Type.String({ pattern: '^[a-z_]{1,60}$' }),
      Type.Union([Type.Boolean(), Type.String({ maxLength: 60 }), Type.Null()]),
      { description: 'fact id → value; omit a fact, or send null or "unknown", when it is not known' },
    ),
    dates: Type.Object(
      {
        as_of: Type.Optional(IsoDate),
        filed_on: Type.Optional(IsoDate),
        visa_issued_on: Type.Optional(IsoDate),
        decided_on: Type.Optional(IsoDate),
      },
      { additionalProperties: false },
    ),
    lang: Type.Optional(Type.Union(LANGS.map((l) => Type.Literal(l)))),
    rules: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50 })),
    checklist: Type.Optional(ChecklistSchema),
  },
  { additionalProperties: false },
);

/** The explanation's inner shapes follow the policy bundle (rules, messages, sources), so they are passed through as built. */
export const EvaluateReply = Type.Object({
  lang: Type.String(),
  results: Type.Array(Type.Unknown(), { description: 'Per rule: outcome, reasons, what would change it' }),
  nextQuestion: Type.Unknown({ description: 'The next fact to ask for, or null' }),
  rights: Type.Unknown({ description: 'The rights of the held status on as_of, or null' }),
  application: Type.Unknown({ description: 'Admissibility and deadline of an application filed on filed_on, or null' }),
  trace: Type.Unknown({ description: 'The rules, parameters and inputs used' }),
  receipt: Type.Unknown({ description: 'What a decision stores: policy version, dates, facts hash' }),
});

export const ParametersReply = Type.Object({
  policyVersion: Type.String(),
  parameters: Type.Array(
    Type.Object({
      id: Type.String(),
      readsDate: Type.String(),
      values: Type.Array(Type.Object({ from: IsoDate, to: NullableDate, value: Type.Unknown(), source: Type.Unknown() })),
    }),
  ),
});

export const DiffQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false });
export const DiffReply = Type.Object({
  from: IsoDate,
  to: IsoDate,
  changes: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('parameter'), Type.Literal('rule'), Type.Literal('exception')]),
      id: Type.String(),
      from: Type.Unknown(),
      to: Type.Unknown(),
      source: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
