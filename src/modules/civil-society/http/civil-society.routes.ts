/** Civil Society programme: NGO nominations, assignment and assessment, statistics. */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { anonymousCtx, type AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { actOnNomination, assignOfficer, getNomination, listOwnNominations, nominate } from '../use-cases/nominations.ts';
import { addEvidence, readEvidence } from '../use-cases/evidence.ts';
import { exactStatistics, publicStatistics, toCsv } from '../use-cases/statistics.ts';
import { createPartnerOrg, listNominationsForStaff, listPartnerOrgs } from '../use-cases/admin.ts';

import * as S from './civil-society.schema.ts';

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
          body: S.PartnerOrgBody,
          response: { 201: S.PartnerOrg },
        },
      },
      async (req, reply) => reply.status(201).send(await createPartnerOrg(staffCtx(req, deps), req.body.name)),
    );
    app.get(
      '/admin/partner-orgs',
      { schema: { tags, summary: 'Partner organisations, by name', response: { 200: S.PartnerOrgList } } },
      async (req) => listPartnerOrgs(staffCtx(req, deps)),
    );
    app.post(
      '/nominations',
      {
        schema: {
          tags,
          summary: 'Nominate a person (partner NGO caseworker); narrative and contacts are encrypted before storage',
          body: S.NominationBody,
          response: { 201: S.NominationCreated },
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
          response: { 200: S.NominationList },
        },
      },
      async (req) => {
        const ctx = staffCtx(req, deps);
        return ctx.actor.role === 'caseworker' ? listOwnNominations(ctx) : listNominationsForStaff(ctx);
      },
    );
    app.get(
      '/nominations/:id',
      {
        schema: {
          tags,
          summary: 'A nomination (assigned officers see it decrypted; the read is audited)',
          params: S.Id,
          response: { 200: S.NominationView },
        },
      },
      async (req) => getNomination(staffCtx(req, deps), req.params.id),
    );

    app.post(
      '/nominations/:id/evidence',
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Attach an evidence file (PDF, JPEG or PNG, at most 5 MB, base64)',
          params: S.Id,
          body: S.EvidenceBody,
          response: { 201: S.EvidenceAdded },
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
          params: S.EvidenceParams,
          response: S.EvidenceFile,
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
          params: S.Id,
          body: S.AssignBody,
          response: { 204: S.NoContent },
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
          params: S.Id,
          body: S.ActionBody,
          response: { 200: S.ActionDone },
        },
      },
      async (req) => actOnNomination(staffCtx(req, deps), req.params.id, req.body),
    );

    app.get(
      '/stats/nominations',
      { schema: { tags, summary: 'Exact counts (supervisors)', response: { 200: S.ExactStatistics } } },
      async (req) => exactStatistics(staffCtx(req, deps)),
    );
    app.get(
      '/public/statistics/civil-society',
      {
        config: { public: true },
        schema: {
          tags,
          security: [],
          summary: 'Disclosure-controlled figures (ranges, small cells suppressed)',
          response: { 200: S.PublicStatistics },
        },
      },
      async (req) => {
        const ctx = anonymousCtx(req, deps);
        return publicStatistics(ctx.db, ctx.clock.now());
      },
    );
    app.get(
      '/public/statistics/civil-society.csv',
      {
        config: { public: true },
        schema: { tags, security: [], summary: 'The same, as CSV', response: S.PublicStatisticsCsv },
      },
      async (req, reply) => {
        const ctx = anonymousCtx(req, deps);
        return reply.type('text/csv; charset=utf-8').send(toCsv(await publicStatistics(ctx.db, ctx.clock.now())));
      },
    );
  };
}
