import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { AppError, ValidationErrors } from '../../../platform/errors.ts';
import { requirePermission } from '../../auth/index.ts';
import { massExtensionPlan, NotAMassExtensionRule } from '../../policy/index.ts';
import { extendVisas } from '../use-cases/extend-visas.ts';
import { findVisasOfHolder, getJob, getVisa } from '../use-cases/read-visas.ts';
import { cancelVisa, recordSticker } from '../use-cases/visa-changes.ts';
import { CANCELLATION_GROUNDS } from '../domain/cancellation.ts';

const tags = ['visas'];
const IsoDate = Type.String({ format: 'date' });
const VisaNumber = Type.Object({ number: Type.String({ maxLength: 60 }) });

export function visaRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/visas',
      {
        schema: {
          tags,
          summary: 'A holder’s visas by passport number and date of birth (staff; the search is audited)',
          querystring: Type.Object(
            { passportNumber: Type.String({ pattern: '^[A-Z0-9]{5,20}$' }), dateOfBirth: IsoDate },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => findVisasOfHolder(staffCtx(req, deps), req.query),
    );

    app.get(
      '/visas/:number',
      {
        schema: {
          tags,
          summary: 'A visa in the register with its holder, ground, extensions, stickers and cancellation (the read is audited)',
          params: VisaNumber,
        },
      },
      async (req) => getVisa(staffCtx(req, deps), req.params.number),
    );

    app.post(
      '/visas/:number/cancel',
      {
        schema: {
          tags,
          summary:
            'Cancel a visa (§ 37; supervisor of the granting office): the authorities get a visa.cancelled event, booked sticker appointments are released',
          params: VisaNumber,
          body: Type.Object(
            { ground: Type.Union(CANCELLATION_GROUNDS.map((g) => Type.Literal(g))), cancelledOn: Type.Optional(IsoDate) },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => cancelVisa(staffCtx(req, deps), req.params.number, req.body),
    );

    app.post(
      '/visas/:number/stickers',
      {
        schema: {
          tags,
          summary: 'Record a new sticker affixed at this office (at a booked appointment, which is marked attended, or walk-in)',
          params: VisaNumber,
          body: Type.Object(
            {
              affixedOn: Type.Optional(IsoDate),
              stickerNumber: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{5,20}$' })),
              appointmentCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{8}$' })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await recordSticker(staffCtx(req, deps), req.params.number, req.body)),
    );

    app.get(
      '/jobs/:id',
      { schema: { tags, summary: 'Progress of a background job', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } },
      async (req) => getJob(staffCtx(req, deps), req.params.id),
    );

    app.post(
      '/visas/extensions',
      {
        schema: {
          tags,
          summary: 'Start a mass extension by a policy rule; follow it at /api/v1/jobs/{id}',
          body: Type.Object(
            { rule: Type.String({ maxLength: 80 }), dryRun: Type.Optional(Type.Boolean()) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => {
        const ctx = staffCtx(req, deps);
        requirePermission(ctx.actor, 'visa.extend');
        try {
          massExtensionPlan(req.body.rule);
        } catch (e) {
          if (e instanceof NotAMassExtensionRule)
            throw new AppError(ValidationErrors.FAILED, e.message, {
              fields: [{ field: '/rule', reason: 'NOT_A_MASS_EXTENSION', message: e.message }],
            });
          throw e;
        }
        // The run records itself in job_runs before its first batch; the reply names it.
        const started = new Promise<string>((resolve, reject) => {
          extendVisas(deps.db, {
            ruleId: req.body.rule,
            dryRun: req.body.dryRun ?? false,
            actorId: ctx.actor.id,
            onStart: resolve,
          }).catch((e: unknown) => {
            req.log.error({ errName: (e as Error).name }, 'extension job failed');
            reject(e);
          });
        });
        const id = await started;
        return reply
          .status(202)
          .header('location', `/api/v1/jobs/${id}`)
          .send({ jobId: id, status: `/api/v1/jobs/${id}` });
      },
    );
  };
}
