/** Public appointment booking for holders (visa number + date of birth), and slot management for staff. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { anonymousCtx, type AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { bookAppointment, cancelAppointment, rebookAppointment } from '../use-cases/book-appointment.ts';
import { generateSlotsAsStaff, listFreeSlots } from '../use-cases/slots.ts';
import { listOfficeDay } from '../use-cases/office-day.ts';
import { requestTpExtension } from '../use-cases/tp-extension-channel.ts';

import type { HolderCtx } from '../domain/holder-actor.ts';
import type { FindHolderVisa } from '../use-cases/holder-visas.ts';
import * as S from './appointments.schema.ts';
import { holderRequestLimit, type HolderLimit } from './holder-limit.ts';

const tags = ['appointments'];

/** The context of a holder route: who they say they are; the use case checks it against the register. */
function holderCtx(req: FastifyRequest, deps: AppDeps, holder: { visaNumber: string; dateOfBirth: string }): HolderCtx {
  const actor = { kind: 'holder' as const, visaNumber: holder.visaNumber, dateOfBirth: holder.dateOfBirth };
  req.actor = actor;
  return { db: deps.db, clock: deps.clock, config: deps.config, actor, requestId: String(req.id) };
}

/**
 * `holderLimit`: the one holder limiter (holder-limit.ts), shared with the pages; made here when the
 * caller gives none.
 */
export function appointmentRoutes(deps: AppDeps, findVisa: FindHolderVisa, sharedLimit?: HolderLimit): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    // Holders identify themselves with two facts; a tight limit per address stops guessing.
    const holderLimit = sharedLimit ?? holderRequestLimit(base, deps.config.holderRequestsPerMinute);
    const holderConfig = { public: true };

    app.get(
      '/offices/:id/slots',
      {
        config: { public: true },
        schema: {
          tags,
          security: [],
          summary: 'Slots for a new sticker with free seats',
          params: S.OfficeParams,
          querystring: S.SlotsQuery,
          response: { 200: S.FreeSlots },
        },
      },
      async (req) =>
        listFreeSlots(
          anonymousCtx(req, deps).db,
          req.params.id,
          new Date(`${req.query.from}T00:00:00Z`),
          new Date(`${req.query.to}T23:59:59Z`),
        ),
    );

    app.post(
      '/offices/:id/slots',
      {
        schema: {
          tags,
          summary: 'Create the slots of an office from its opening hours (staff)',
          params: S.OfficeParams,
          body: S.GenerateSlotsBody,
          response: { 200: S.SlotsCreated, 201: S.SlotsCreated },
        },
      },
      async (req, reply) => {
        const r = await generateSlotsAsStaff(staffCtx(req, deps), { officeId: req.params.id, ...req.body });
        return reply.status(r.created > 0 ? 201 : 200).send(r);
      },
    );

    app.get(
      '/offices/:id/appointments',
      {
        schema: {
          tags,
          summary: 'The office’s sticker appointments of a day (Prague time): slots, bookings with code and status (its own staff)',
          params: S.OfficeParams,
          querystring: S.DayQuery,
          response: { 200: S.OfficeDay },
        },
      },
      async (req) => listOfficeDay(staffCtx(req, deps), { officeId: req.params.id, day: req.query.day }),
    );

    app.post(
      '/appointments',
      {
        config: holderConfig,
        onRequest: holderLimit,
        schema: {
          tags,
          security: [],
          summary: 'Book a slot for a new sticker',
          headers: S.IdempotencyHeaders,
          body: S.BookBody,
          response: S.BookingReply,
        },
      },
      async (req, reply) => {
        const ctx = holderCtx(req, deps, req.body);
        const r = await bookAppointment(ctx.db, findVisa, ctx.clock.now(), {
          ...req.body,
          idempotencyKey: req.headers['idempotency-key'] ?? null,
          requestId: ctx.requestId,
        });
        const { replayed, ...body } = r;
        if (replayed) reply.header('idempotent-replay', 'true');
        return reply.status(replayed ? 200 : 201).send(body);
      },
    );

    app.post(
      '/appointments/:code/cancel',
      {
        config: holderConfig,
        onRequest: holderLimit,
        schema: {
          tags,
          security: [],
          summary: 'Cancel a booking',
          params: S.CodeParams,
          body: S.HolderBody,
          response: { 200: S.Booking },
        },
      },
      async (req) => {
        const ctx = holderCtx(req, deps, req.body);
        return cancelAppointment(ctx.db, findVisa, ctx.clock.now(), { ...req.body, code: req.params.code, requestId: ctx.requestId });
      },
    );

    app.post(
      '/appointments/:code/move',
      {
        config: holderConfig,
        onRequest: holderLimit,
        schema: {
          tags,
          security: [],
          summary: 'Move a booking to another slot',
          params: S.CodeParams,
          body: S.MoveBody,
          response: { 200: S.Booking },
        },
      },
      async (req) => {
        const ctx = holderCtx(req, deps, req.body);
        return rebookAppointment(ctx.db, findVisa, ctx.clock.now(), { ...req.body, code: req.params.code, requestId: ctx.requestId });
      },
    );

    app.post(
      '/temporary-protection/extension',
      {
        config: holderConfig,
        onRequest: holderLimit,
        schema: {
          tags,
          security: [],
          summary: 'The temporary-protection extension channel: tolerance-visa holders are turned away with guidance',
          body: S.TpExtensionBody,
          response: S.TpExtensionReply,
        },
      },
      async (req) => {
        const ctx = holderCtx(req, deps, req.body);
        return requestTpExtension(ctx.db, findVisa, ctx.clock.now(), req.body);
      },
    );
  };
}
