/** Civil Society programme: NGO nominations, assignment and assessment, statistics. */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { CATEGORIES } from '../domain/nomination-model.ts';
import { actOnNomination, assignOfficer, getNomination, listOwnNominations, nominate } from '../use-cases/nominations.ts';
import { addEvidence, readEvidence } from '../use-cases/evidence.ts';
import { exactStatistics, publicStatistics, toCsv } from '../use-cases/statistics.ts';
import { createPartnerOrg, createStaff, listNominationsForStaff } from '../use-cases/admin.ts';

const IsoDate = Type.String({ format: 'date' });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['civil-society'];

export function civilSocietyRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/admin/partner-orgs',
      {
        schema: {
          tags,
          summary: 'Register a partner organisation',
          body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => reply.status(201).send(await createPartnerOrg(staffCtx(req, deps), req.body.name)),
    );
    app.post(
      '/admin/staff',
      {
        schema: {
          tags,
          summary: 'Create a staff or caseworker account',
          body: Type.Object(
            {
              username: Type.String({ pattern: '^[a-z0-9._-]{3,64}$' }),
              displayName: Type.String({ minLength: 1, maxLength: 120 }),
              role: Type.Union([Type.Literal('officer'), Type.Literal('supervisor'), Type.Literal('admin'), Type.Literal('caseworker')]),
              officeId: Type.Optional(Type.String()),
              orgId: Type.Optional(Type.String({ format: 'uuid' })),
              password: Type.String({ minLength: 1, maxLength: 256 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await createStaff(staffCtx(req, deps), { ...req.body, officeId: req.body.officeId ?? null, orgId: req.body.orgId ?? null }),
          ),
    );

    app.post(
      '/nominations',
      {
        schema: {
          tags,
          summary: 'Nominate a person (partner NGO caseworker); narrative and contacts are encrypted before storage',
          body: Type.Object(
            {
              nationality: Type.Union([Type.Literal('RUS'), Type.Literal('BLR')]),
              surname: Type.String({ minLength: 1, maxLength: 100 }),
              givenNames: Type.String({ minLength: 1, maxLength: 100 }),
              nativeName: Type.Optional(Type.String({ maxLength: 200 })),
              dateOfBirth: IsoDate,
              passportNumber: Type.String({ pattern: '^[A-Z0-9]{5,20}$' }),
              category: Type.Union(CATEGORIES.map((c) => Type.Literal(c))),
              publicRecord: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
                minItems: 1,
                maxItems: 50,
                description: 'Links to publications and records of the public position',
              }),
              narrative: Type.String({ minLength: 1, maxLength: 50000 }),
              contacts: Type.Optional(Type.String({ maxLength: 2000 })),
              visaType: Type.Union([Type.Literal('C'), Type.Literal('D')]),
              lodgingPost: Type.String({ minLength: 2, maxLength: 200 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => reply.status(201).send(await nominate(staffCtx(req, deps), req.body)),
    );

    app.get(
      '/nominations',
      {
        schema: {
          tags,
          summary: 'The caller’s nominations: an NGO its own (status only); an officer those assigned; a supervisor all (no names)',
        },
      },
      async (req) => {
        const ctx = staffCtx(req, deps);
        return ctx.actor.role === 'caseworker' ? listOwnNominations(ctx) : listNominationsForStaff(ctx);
      },
    );
    app.get(
      '/nominations/:id',
      { schema: { tags, summary: 'A nomination (assigned officers see it decrypted; the read is audited)', params: Id } },
      async (req) => getNomination(staffCtx(req, deps), req.params.id),
    );

    app.post(
      '/nominations/:id/evidence',
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Attach an evidence file (PDF, JPEG or PNG, at most 5 MB, base64)',
          params: Id,
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 200 }),
              mime: Type.String({ maxLength: 100 }),
              contentBase64: Type.String({ minLength: 1, maxLength: 7 * 1024 * 1024 }),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await addEvidence(staffCtx(req, deps), req.params.id, {
            name: req.body.name,
            mime: req.body.mime,
            content: Buffer.from(req.body.contentBase64, 'base64'),
          }),
        ),
    );
    app.get(
      '/nominations/:id/evidence/:evidenceId',
      {
        schema: {
          tags,
          summary: 'An evidence file (assigned officers; audited)',
          params: Type.Object({ id: Type.String({ format: 'uuid' }), evidenceId: Type.String({ format: 'uuid' }) }),
        },
      },
      async (req, reply) => {
        const e = await readEvidence(staffCtx(req, deps), req.params.id, req.params.evidenceId);
        return reply.type(e.mime).send(e.content);
      },
    );

    app.post(
      '/nominations/:id/assign',
      {
        schema: {
          tags,
          summary: 'Assign an officer (supervisor)',
          params: Id,
          body: Type.Object({ officerId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        await assignOfficer(staffCtx(req, deps), req.params.id, req.body.officerId);
        return reply.status(204).send();
      },
    );
    app.post(
      '/nominations/:id/actions',
      {
        schema: {
          tags,
          summary: 'Screening, assessment, approval (two distinct officers) or decline with reasons',
          params: Id,
          body: Type.Object(
            {
              action: Type.Union([
                Type.Literal('start_screening'),
                Type.Literal('start_assessment'),
                Type.Literal('approve'),
                Type.Literal('decline'),
              ]),
              version: Type.Integer({ minimum: 1 }),
              reasons: Type.Optional(Type.String({ maxLength: 10000 })),
              validFrom: Type.Optional(IsoDate),
              validTo: Type.Optional(IsoDate),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => actOnNomination(staffCtx(req, deps), req.params.id, req.body),
    );

    app.get('/stats/nominations', { schema: { tags, summary: 'Exact counts (supervisors)' } }, async (req) =>
      exactStatistics(staffCtx(req, deps)),
    );
    app.get(
      '/public/statistics/civil-society',
      {
        config: { public: true },
        schema: { tags, security: [], summary: 'Disclosure-controlled figures (ranges, small cells suppressed)' },
      },
      async () => publicStatistics(deps.db, deps.clock.now()),
    );
    app.get(
      '/public/statistics/civil-society.csv',
      { config: { public: true }, schema: { tags, security: [], summary: 'The same, as CSV' } },
      async (_req, reply) => reply.type('text/csv; charset=utf-8').send(toCsv(await publicStatistics(deps.db, deps.clock.now()))),
    );
  };
}
