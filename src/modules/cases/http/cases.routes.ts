/**
 * The routes of OAMP cases. The intake and action routes are not written here one by one: they come
 * from the registered case types' declarations (an intake route per type, a route per action name —
 * types that share an action share its route), so a new type brings its routes with it.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import type { HttpDeclaration } from '../engine/case-type.ts';
import { registeredCaseTypes } from '../engine/registry.ts';
import { openOfficeCase, actOnOfficeCase } from '../use-cases/office-cases.ts';
import { getCase, getLetterPdf } from '../use-cases/read-cases.ts';
import { listWorkQueue, searchWorkQueue } from '../use-cases/work-queue.ts';
import * as S from './cases.schema.ts';
import { caseStatistics } from '../use-cases/case-statistics.ts';
import { CaseStatisticsQuery, CaseStatisticsView } from './case-statistics.schema.ts';

const tags = ['cases'];

function reply201or200(reply: FastifyReply, r: { replayed: boolean }, created = false) {
  if (r.replayed) reply.header('idempotent-replay', 'true');
  const { replayed: _ignored, ...body } = r as { replayed: boolean } & Record<string, unknown>;
  return reply.status(created && !r.replayed ? 201 : 200).send(body);
}

/** Each action route once, with the names of the actions and types it serves; a clash in one path is a declaration error. */
export function actionRoutes() {
  const byPath = new Map<string, { http: HttpDeclaration; action: string; types: string[] }>();
  for (const type of registeredCaseTypes().filter((t) => t.scope.kind === 'office')) {
    for (const [action, decl] of Object.entries(type.actions)) {
      if (!decl.http) continue;
      const seen = byPath.get(decl.http.path);
      if (seen && (seen.action !== action || seen.http.body !== decl.http.body)) {
        throw new Error(`route ${decl.http.path}: ${type.id} declares ${action} with another body than ${seen.types.join(', ')}`);
      }
      if (seen) seen.types.push(type.id);
      else byPath.set(decl.http.path, { http: decl.http, action, types: [type.id] });
    }
  }
  return [...byPath.values()];
}

export function caseRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();

    for (const type of registeredCaseTypes().filter((t) => t.scope.kind === 'office')) {
      const http = type.intake.http;
      if (!http) continue;
      app.post(
        http.path,
        { schema: { tags, summary: http.summary, body: http.body, headers: S.IdempotencyHeaders, response: S.CaseReply } },
        async (req, reply) => {
          const key = (req.headers as { 'idempotency-key'?: string })['idempotency-key'] ?? null;
          return reply201or200(reply, await openOfficeCase(staffCtx(req, deps), type.id, req.body, key), true);
        },
      );
    }

    for (const { http, action, types } of actionRoutes()) {
      app.post(
        http.path,
        {
          schema: {
            tags,
            summary: `${http.summary} (${types.join(', ')})`,
            params: http.params,
            body: http.body,
            headers: S.IdempotencyHeaders,
            response: S.CaseReply,
          },
        },
        async (req, reply) => {
          const { version, input } = http.toInput(req.params as Record<string, string>, req.body as Record<string, unknown>);
          const key = (req.headers as { 'idempotency-key'?: string })['idempotency-key'] ?? null;
          const params = req.params as { id: string };
          return reply201or200(
            reply,
            await actOnOfficeCase(staffCtx(req, deps), { caseId: params.id, action, version, input, idempotencyKey: key }),
          );
        },
      );
    }

    app.get(
      '/cases/:id',
      {
        schema: {
          tags,
          summary: 'A case with its applicant, history, visa and letters (the read is audited)',
          params: S.CaseParams,
          response: { 200: S.CaseView },
        },
      },
      async (req) => getCase(staffCtx(req, deps), req.params.id),
    );

    app.get(
      '/cases/:id/letters/:letterId/pdf',
      {
        schema: {
          tags,
          summary: 'The letter exactly as issued (PDF; the read is audited)',
          params: S.LetterParams,
          response: S.LetterPdfReply,
        },
      },
      async (req, reply) => {
        const l = await getLetterPdf(staffCtx(req, deps), req.params.id, req.params.letterId);
        const file = `${l.reference.replace(/[^A-Za-z0-9-]+/g, '_')}-${l.kind}.pdf`;
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${file}"`)
          .header('x-content-sha256', l.sha256)
          .send(l.pdf);
      },
    );

    app.get(
      '/queue',
      {
        schema: {
          tags,
          summary: 'The office’s open cases by days left, overdue ones flagged, with who holds each (the read is audited)',
          querystring: S.QueueQuery,
          response: { 200: S.QueueView },
        },
      },
      async (req) =>
        listWorkQueue(staffCtx(req, deps), {
          ...(req.query.office ? { officeId: req.query.office } : {}),
          ...(req.query.status ? { statuses: req.query.status.split(',') } : {}),
          mine: req.query.mine === 'true',
          withNames: req.query.names === 'true',
        }),
    );

    // A POST: the terms (a name, a passport number) never appear in a URL, and bodies are not logged.
    app.post(
      '/queue/search',
      {
        schema: {
          tags,
          summary: 'Search the office’s open cases by reference, name (any script) or passport number (audited without the terms)',
          body: S.QueueSearchBody,
          response: { 200: S.QueueSearchView },
        },
      },
      async (req) => searchWorkQueue(staffCtx(req, deps), req.body),
    );

    app.get(
      '/stats/cases',
      {
        schema: {
          tags,
          summary:
            'The office’s figures for its supervisor: intake per week, backlog by days left, cases at risk, outcomes and time to decision',
          querystring: CaseStatisticsQuery,
          response: { 200: CaseStatisticsView },
        },
      },
      async (req) => caseStatistics(staffCtx(req, deps), { officeId: req.query.office, from: req.query.from, to: req.query.to }),
    );
  };
}
