/** Public policy endpoints: evaluate facts on named dates; list the dated parameters with sources. */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { defaultBundle } from '../load/load-bundle.ts';
import { evaluate } from '../use-cases/evaluate.ts';
import { diffPolicy } from '../use-cases/diff-policy.ts';
import * as S from './policy.schema.ts';

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
          body: S.EvaluateBody,
          response: { 200: S.EvaluateReply },
        },
      },
      async (req) => evaluate(req.body),
    );

    app.get(
      '/policy/parameters',
      {
        config: { public: true },
        schema: {
          tags,
          security: [],
          summary: 'Every dated parameter with its windows, values and sources, and the policy version',
          response: { 200: S.ParametersReply },
        },
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
          querystring: S.DiffQuery,
          response: { 200: S.DiffReply },
        },
      },
      async (req) => ({ from: req.query.from, to: req.query.to, changes: diffPolicy(req.query.from, req.query.to) }),
    );
  };
}
