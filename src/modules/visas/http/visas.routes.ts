import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { startExtension, type StartExtensionPorts } from '../use-cases/start-extension.ts';
import { findVisasOfHolder, getJob, getVisa } from '../use-cases/read-visas.ts';
import { cancelVisa, recordSticker } from '../use-cases/visa-changes.ts';
import * as S from './visas.schema.ts';
import { VisaErrors } from '../visas.errors.ts';

const tags = ['visas'];

/** The ports of a mass extension started by a request: the queue, the replica fence, the log. */
export function extensionPorts(req: FastifyRequest, deps: AppDeps): StartExtensionPorts {
  return {
    boss: deps.boss,
    // After each committed batch: this process's replica reads must see the new validity.
    onBatch: () => deps.replica?.fence(),
    onFailure: (e) => req.log.error({ errName: (e as Error).name }, 'extension job failed'),
  };
}

export function visaRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    // Personal data never goes into a URL (URLs are logged, cached and kept in browser history): the
    // lookup by passport number and birth date is a POST with a body.
    app.post(
      '/visas/search',
      {
        schema: {
          tags,
          summary: 'A holder’s visas by passport number and date of birth (staff; the search is audited)',
          body: S.HolderQuery,
          response: { 200: S.HolderVisas },
        },
      },
      async (req) => findVisasOfHolder(staffCtx(req, deps), req.body),
    );
    app.get(
      '/visas',
      {
        // Not in the API description: it only tells an old client where the lookup went (410).
        schema: { hide: true },
      },
      async () => {
        throw new AppError(VisaErrors.LOOKUP_MOVED, 'Search with POST /api/v1/visas/search and a JSON body {passportNumber, dateOfBirth}.');
      },
    );

    app.get(
      '/visas/:number',
      {
        schema: {
          tags,
          summary: 'A visa in the register with its holder, ground, extensions, stickers and cancellation (the read is audited)',
          params: S.VisaNumber,
          response: { 200: S.VisaView },
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
          params: S.VisaNumber,
          body: S.CancelBody,
          response: { 200: S.VisaView },
        },
      },
      async (req) => {
        const view = await cancelVisa(staffCtx(req, deps), req.params.number, req.body);
        // Committed: this process's next replica read (authority verification) must see it.
        deps.replica?.fence();
        return view;
      },
    );

    app.post(
      '/visas/:number/stickers',
      {
        schema: {
          tags,
          summary: 'Record a new sticker affixed at this office (at a booked appointment, which is marked attended, or walk-in)',
          params: S.VisaNumber,
          body: S.StickerBody,
          response: { 201: S.VisaView },
        },
      },
      async (req, reply) => reply.status(201).send(await recordSticker(staffCtx(req, deps), req.params.number, req.body)),
    );

    app.get(
      '/jobs/:id',
      { schema: { tags, summary: 'Progress of a background job', params: S.JobParams, response: { 200: S.JobView } } },
      async (req) => getJob(staffCtx(req, deps), req.params.id),
    );

    app.post(
      '/visas/extensions',
      {
        schema: {
          tags,
          summary: 'Start a mass extension by a policy rule; follow it at /api/v1/jobs/{id}',
          body: S.ExtensionBody,
          response: { 202: S.ExtensionStarted },
        },
      },
      async (req, reply) => {
        const id = await startExtension(staffCtx(req, deps), extensionPorts(req, deps), req.body);
        return reply
          .status(202)
          .header('location', `/api/v1/jobs/${id}`)
          .send({ jobId: id, status: `/api/v1/jobs/${id}` });
      },
    );
  };
}
