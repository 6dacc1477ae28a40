/** Public policy endpoints: evaluate facts on named dates; list the dated parameters with sources. */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../../platform/http/app.ts';
import { LANGS } from '../domain/bundle.types.ts';
import { defaultBundle } from '../load/load-bundle.ts';
import { evaluate } from '../use-cases/evaluate.ts';
import { diffPolicy } from '../use-cases/diff-policy.ts';
import { ChecklistSchema } from './checklist.schema.ts';

const IsoDate = Type.String({ format: 'date' });
const tags = ['policy'];

export function policyRoutes(_deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/policy/evaluate',
      {
        // Public: the applicants' navigator asks it anonymously. Facts are not stored or logged.
        config: { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } },
        schema: {
          tags,
          security: [],
          summary:
            'Evaluate the rules on named dates: outcome, reasons in cs/en/uk/ru/be, what would change it, next question, trace, receipt',
          body: Type.Object(
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
          ),
        },
      },
      async (req) => evaluate(req.body),
    );

    app.get(
      '/policy/parameters',
      {
        config: { public: true },
        schema: { tags, security: [], summary: 'Every dated parameter with its windows, values and sources, and the policy version' },
      },
      async () => {
        const b = defaultBundle();
        return {
          policyVersion: b.hash,
          parameters: Object.values(b.parameters).map((p) => ({
            id: p.id,
            readsDate: p.readsDate,
            values: p.values.map((v) => ({ from: v.from, to: v.to, value: v.value, source: v.source })),
          })),
        };
      },
    );

    app.get(
      '/policy/diff',
      {
        config: { public: true },
        schema: {
          tags,
          security: [],
          summary: 'What changes between two dates',
          querystring: Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false }),
        },
      },
      async (req) => ({ from: req.query.from, to: req.query.to, changes: diffPolicy(req.query.from, req.query.to) }),
    );
  };
}
