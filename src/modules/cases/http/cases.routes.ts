/** Thin routes: validate at the edge, call one use case, shape the reply. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { receiveApplication } from '../use-cases/receive-application.ts';
import { receiveStudyApplication } from '../use-cases/receive-study-application.ts';
import { interruptProceedings, resumeProceedings } from '../use-cases/interrupt-proceedings.ts';
import { discontinueProceedings, grantVisa, refuseVisa, withdrawApplication } from '../use-cases/decide-case.ts';
import { postLetter, recordDelivery } from '../use-cases/record-letter-steps.ts';
import { getCase, getLetterPdf, listWorkQueue } from '../use-cases/read-cases.ts';
import * as S from './cases.schema.ts';

const tags = ['cases'];

function reply201or200(reply: FastifyReply, r: { replayed: boolean }, created = false) {
  if (r.replayed) reply.header('idempotent-replay', 'true');
  const { replayed: _ignored, ...body } = r as { replayed: boolean } & Record<string, unknown>;
  return reply.status(created && !r.replayed ? 201 : 200).send(body);
}

export function caseRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/cases/tolerance',
      {
        schema: {
          tags,
          summary: 'Intake of a tolerance-visa application at the counter; decides admissibility',
          body: S.IntakeBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) => {
        const r = await receiveApplication(staffCtx(req, deps), { ...req.body, idempotencyKey: req.headers['idempotency-key'] ?? null });
        return reply201or200(reply, r, true);
      },
    );

    app.post(
      '/cases/study',
      {
        schema: {
          tags,
          summary: 'Intake of an application for long-term residence for study (Belarusian scholarship holders)',
          body: S.StudyIntakeBody,
          response: S.CaseReply,
        },
      },
      async (req, reply) => reply.status(201).send(await receiveStudyApplication(staffCtx(req, deps), req.body)),
    );

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

    app.post(
      '/cases/:id/interrupt',
      {
        schema: {
          tags,
          summary: 'Interrupt the proceedings with a request to the applicant; the clock stops',
          params: S.CaseParams,
          body: S.InterruptBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await interruptProceedings(staffCtx(req, deps), {
            caseId: req.params.id,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
    );

    app.post(
      '/cases/:id/resume',
      {
        schema: {
          tags,
          summary: 'Resume interrupted proceedings; the clock runs on, ending no sooner than 15 days later',
          params: S.CaseParams,
          body: S.ResumeBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await resumeProceedings(staffCtx(req, deps), {
            caseId: req.params.id,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
    );

    app.post(
      '/cases/:id/grant',
      {
        schema: {
          tags,
          summary: 'Grant the visa (at most one year); records the visa and issues the decision letter',
          params: S.CaseParams,
          body: S.GrantBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await grantVisa(staffCtx(req, deps), {
            caseId: req.params.id,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
    );

    app.post(
      '/cases/:id/refuse',
      {
        schema: {
          tags,
          summary: 'Refuse with reasons and legal ground; issues the decision letter',
          params: S.CaseParams,
          body: S.RefuseBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await refuseVisa(staffCtx(req, deps), {
            caseId: req.params.id,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
    );

    app.post(
      '/cases/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'The applicant withdrew: proceedings are discontinued',
          params: S.CaseParams,
          body: S.WithdrawBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await withdrawApplication(staffCtx(req, deps), {
            caseId: req.params.id,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
    );

    app.post(
      '/cases/:id/discontinue',
      {
        schema: {
          tags,
          summary: 'Discontinue the proceedings on another legal ground',
          params: S.CaseParams,
          body: S.DiscontinueBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await discontinueProceedings(staffCtx(req, deps), {
            caseId: req.params.id,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
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

    app.post(
      '/cases/:id/letters/:letterId/posting',
      {
        schema: {
          tags,
          summary: 'Record that the letter was handed to the post',
          params: S.LetterParams,
          body: S.PostingBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await postLetter(staffCtx(req, deps), {
            caseId: req.params.id,
            letterId: req.params.letterId,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
    );

    app.post(
      '/cases/:id/letters/:letterId/delivery',
      {
        schema: {
          tags,
          summary: 'Record delivery: handed over, collected, or deemed delivered after 10 days stored',
          params: S.LetterParams,
          body: S.DeliveryBody,
          headers: S.IdempotencyHeaders,
          response: S.CaseReply,
        },
      },
      async (req, reply) =>
        reply201or200(
          reply,
          await recordDelivery(staffCtx(req, deps), {
            caseId: req.params.id,
            letterId: req.params.letterId,
            ...req.body,
            idempotencyKey: req.headers['idempotency-key'] ?? null,
          }),
        ),
    );

    app.get(
      '/queue',
      {
        schema: {
          tags,
          summary: 'The office’s open cases by days left; overdue ones flagged',
          querystring: S.QueueQuery,
          response: { 200: S.QueueView },
        },
      },
      async (req) => listWorkQueue(staffCtx(req, deps), req.query.office),
    );
  };
}
