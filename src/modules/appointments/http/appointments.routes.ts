/** Public appointment booking for holders (visa number + date of birth), and slot management for staff. */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, type AppDeps } from '../../../platform/http/app.ts';
import { LANGS } from '../../policy/index.ts';
import { bookAppointment, cancelAppointment, rebookAppointment } from '../use-cases/book-appointment.ts';
import { generateSlotsAsStaff, listFreeSlots } from '../use-cases/slots.ts';
import { requestTpExtension } from '../use-cases/tp-extension-channel.ts';
import type { FindHolderVisa } from '../use-cases/holder-visas.ts';

const IsoDate = Type.String({ format: 'date' });
const Holder = { visaNumber: Type.String({ minLength: 3, maxLength: 60 }), dateOfBirth: IsoDate };
const tags = ['appointments'];

/** `findVisa`: the visa register's holder lookup, passed in by the composition root (see holder-visas.ts). */
export function appointmentRoutes(deps: AppDeps, findVisa: FindHolderVisa): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    // Holders identify themselves with two facts; a tight limit per address stops guessing.
    const holderConfig = { public: true, rateLimit: { max: deps.config.holderRequestsPerMinute, timeWindow: '1 minute' } };

    app.get(
      '/offices/:id/slots',
      {
        config: { public: true },
        schema: {
          tags,
          security: [],
          summary: 'Slots for a new sticker with free seats',
          params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
          querystring: Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false }),
        },
      },
      async (req) => listFreeSlots(deps.db, req.params.id, new Date(`${req.query.from}T00:00:00Z`), new Date(`${req.query.to}T23:59:59Z`)),
    );

    app.post(
      '/offices/:id/slots',
      {
        schema: {
          tags,
          summary: 'Create the slots of an office from its opening hours (staff)',
          params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
          body: Type.Object(
            {
              from: IsoDate,
              to: IsoDate,
              minutes: Type.Integer({ minimum: 5, maximum: 240 }),
              capacity: Type.Integer({ minimum: 1, maximum: 1000 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) =>
        reply.status(201).send({ created: await generateSlotsAsStaff(ctxOf(req, deps), { officeId: req.params.id, ...req.body }) }),
    );

    app.post(
      '/appointments',
      {
        config: holderConfig,
        schema: {
          tags,
          security: [],
          summary: 'Book a slot for a new sticker',
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128 })) }),
          body: Type.Object({ ...Holder, slotId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const r = await bookAppointment(deps.db, findVisa, deps.clock.now(), {
          ...req.body,
          idempotencyKey: req.headers['idempotency-key'] ?? null,
          requestId: String(req.id),
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
        schema: {
          tags,
          security: [],
          summary: 'Cancel a booking',
          params: Type.Object({ code: Type.String({ pattern: '^[A-Z0-9]{8}$' }) }),
          body: Type.Object(Holder, { additionalProperties: false }),
        },
      },
      async (req) =>
        cancelAppointment(deps.db, findVisa, deps.clock.now(), { ...req.body, code: req.params.code, requestId: String(req.id) }),
    );

    app.post(
      '/appointments/:code/move',
      {
        config: holderConfig,
        schema: {
          tags,
          security: [],
          summary: 'Move a booking to another slot',
          params: Type.Object({ code: Type.String({ pattern: '^[A-Z0-9]{8}$' }) }),
          body: Type.Object({ ...Holder, slotId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        },
      },
      async (req) =>
        rebookAppointment(deps.db, findVisa, deps.clock.now(), { ...req.body, code: req.params.code, requestId: String(req.id) }),
    );

    app.post(
      '/temporary-protection/extension',
      {
        config: holderConfig,
        schema: {
          tags,
          security: [],
          summary: 'The temporary-protection extension channel: tolerance-visa holders are turned away with guidance',
          body: Type.Object(
            { ...Holder, lang: Type.Optional(Type.Union(LANGS.map((l) => Type.Literal(l)))) },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => requestTpExtension(deps.db, findVisa, deps.clock.now(), req.body),
    );
  };
}
