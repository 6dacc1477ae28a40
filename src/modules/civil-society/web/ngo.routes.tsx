/**
 * The NGO portal, `/{lang}/ngo/nominations…` in all five languages, for partner caseworkers only:
 * the organisation's own nominations (coarse status), nominate (the same use case as
 * POST /api/v1/nominations), one nomination's page and its evidence upload (the same use case as
 * POST /api/v1/nominations/:id/evidence) as a plain multipart form.
 *
 * The upload's multipart parser is registered only in the upload route's own plugin (a 5 MB file
 * limit, one file, a few small fields), so every other page keeps @fastify/formbody. The type is
 * what the file's first bytes show (`sniffEvidenceType`), never its name or the browser's type; a
 * file over 5 MB comes back as the page with the error beside the file field, not problem+json.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import {
  formBody,
  LOCALES,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  sendProblemPage,
  staffPages,
} from '../../web/index.ts';
import type { StaffCtx } from '../../auth/index.ts';
import { NominationBody } from '../http/civil-society.schema.ts';
import { getNomination, listOwnNominations, nominate } from '../use-cases/nominations.ts';
import { addEvidence } from '../use-cases/evidence.ts';
import { EVIDENCE_MAX_BYTES, sniffEvidenceType } from '../domain/nomination-model.ts';
import { ngoTexts, type NgoKey } from './ngo.texts.ts';
import { NgoListPage, NgoNominatePage, NgoNominationPage, type NominationForm, type OwnNomination } from './ngo.pages.tsx';

const hide = { schema: { hide: true } } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORM_FIELDS = [
  'nationality',
  'surname',
  'givenNames',
  'nativeName',
  'dateOfBirth',
  'passportNumber',
  'category',
  'publicRecord',
  'narrative',
  'contacts',
  'visaType',
  'lodgingPost',
] as const;

/** The page's own words for a field's error (the shared piece words them in Czech and English only). */
function wordErrors(locale: Locale, errors: PageFieldError[]): PageFieldError[] {
  const tr = ngoTexts(locale);
  const byField: Partial<Record<string, NgoKey>> = {
    nationality: 'err.choose',
    category: 'err.choose',
    visaType: 'err.choose',
    dateOfBirth: 'err.dateOfBirth',
    passportNumber: 'err.passportNumber',
    publicRecord: 'err.publicRecord',
    narrative: 'err.narrative',
    surname: 'err.latin',
    givenNames: 'err.latin',
  };
  const seen = new Set<string>();
  const out: PageFieldError[] = [];
  for (const e of errors) {
    const id = e.id.split('.')[0]!;
    if (seen.has(id)) continue;
    seen.add(id);
    const key: NgoKey | undefined =
      e.reason === 'required' && !['nationality', 'category', 'visaType'].includes(id)
        ? 'err.required'
        : (byField[id] ?? (e.reason === 'maxLength' ? 'err.tooLong' : undefined));
    out.push({ ...e, id, message: key ? tr(key) : e.message });
  }
  return out;
}

/** What the caseworker typed, to put back into the form (strings only; the form has no other kind). */
function typed(body: unknown): NominationForm {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(FORM_FIELDS.map((k) => [k, typeof b[k] === 'string' ? (b[k] as string) : undefined]));
}

const asStaff = (ctx: PageStaffCtx) => ctx as unknown as StaffCtx;

/** The caseworker's view of one of its organisation's nominations (404 page for any other id). */
async function ownNomination(ctx: PageStaffCtx, id: string): Promise<OwnNomination | null> {
  if (!UUID.test(id)) return null;
  try {
    return (await getNomination(asStaff(ctx), id)) as OwnNomination;
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOMINATION.NOT_FOUND') return null;
    throw e;
  }
}

const notFound = (reply: FastifyReply, locale: Locale, ctx: PageStaffCtx) => sendProblemPage(reply, locale, ctx, { status: 404 });

/** The uploaded file's name as the browser sent it (the part's filename), kept beside the parsed body. */
const uploadNames = new WeakMap<FastifyRequest, string>();

export function ngoPages(app: FastifyInstance, deps: AppDeps) {
  return staffPages(app, LOCALES, async (sub, locale) => {
    const tr = ngoTexts(locale);
    const guard = (req: FastifyRequest, reply: FastifyReply) => requireStaff(req, reply, deps, { roles: ['caseworker'] });

    sub.get('/ngo/nominations', hide, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      const rows = await listOwnNominations(asStaff(ctx));
      return sendPage(reply, <NgoListPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} rows={rows} />);
    });

    sub.get('/ngo/nominations/new', hide, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      return sendPage(reply, <NgoNominatePage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} form={{}} errors={[]} />);
    });

    sub.post('/ngo/nominations/new', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      const form = typed(req.body);
      const again = (errors: PageFieldError[]) =>
        sendPage(
          reply,
          <NgoNominatePage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} form={form} errors={wordErrors(locale, errors)} />,
          422,
        );
      const { body, errors } = formBody<Parameters<typeof nominate>[1]>(NominationBody, form, locale);
      if (errors.length) return again(errors);
      try {
        const r = await nominate(asStaff(ctx), body);
        return reply.redirect(`/${locale}/ngo/nominations/${r.id}?done=nominated`, 303);
      } catch (e) {
        const fields = problemFields(e, locale);
        if (fields) return again(fields);
        throw e;
      }
    });

    sub.get<{ Params: { id: string }; Querystring: { done?: string } }>('/ngo/nominations/:id', hide, async (req, reply) => {
      const ctx = await guard(req, reply);
      if (!ctx) return reply;
      const n = await ownNomination(ctx, req.params.id);
      if (!n) return notFound(reply, locale, ctx);
      const done = ['nominated', 'evidence'].includes(req.query.done ?? '') ? req.query.done : undefined;
      return sendPage(reply, <NgoNominationPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} n={n} done={done} />);
    });

    // The upload, in a plugin of its own: the multipart parser exists only here.
    await sub.register(async (up) => {
      await up.register(multipart, {
        attachFieldsToBody: 'keyValues',
        limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 100 },
        async onFile(part) {
          await part.toBuffer();
          uploadNames.set(this, part.filename);
        },
      });

      const pageWithError = async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, error: NgoKey, status: number) => {
        const ctx = await guard(req, reply);
        if (!ctx) return reply;
        const n = await ownNomination(ctx, req.params.id);
        if (!n) return notFound(reply, locale, ctx);
        return sendPage(
          reply,
          <NgoNominationPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} n={n} fileError={tr(error)} />,
          status,
        );
      };

      // A file over 5 MB stops the parser before the route runs: the page, with the error beside the file field.
      up.setErrorHandler(async (err: FastifyError, req: FastifyRequest<{ Params: { id: string } }>, reply) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') return pageWithError(req, reply, 'err.file.size', 422);
        if (err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT' || err.code === 'FST_FIELDS_LIMIT')
          return pageWithError(req, reply, 'err.file.none', 422);
        throw err;
      });

      up.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
        '/ngo/nominations/:id/evidence',
        { ...hide, preHandler: app.csrfProtection },
        async (req, reply) => {
          const ctx = await guard(req, reply);
          if (!ctx) return reply;
          // Whose nomination first: another organisation's answers 404 whatever was sent.
          const n = await ownNomination(ctx, req.params.id);
          if (!n) return notFound(reply, locale, ctx);
          const file = req.body?.file;
          const content = Buffer.isBuffer(file) ? file : null;
          const fail = (error: NgoKey, status = 422) =>
            sendPage(
              reply,
              <NgoNominationPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} n={n} fileError={tr(error)} />,
              status,
            );
          if (!content || content.length === 0) return fail('err.file.none');
          if (content.length > EVIDENCE_MAX_BYTES) return fail('err.file.size');
          const mime = sniffEvidenceType(content);
          if (!mime) return fail('err.file.type');
          const name = (uploadNames.get(req) ?? '').split(/[\\/]/).pop()!.slice(-200) || 'evidence';
          try {
            await addEvidence(asStaff(ctx), n.id, { name, mime, content });
          } catch (e) {
            if (e instanceof AppError && e.code === 'CASE.ILLEGAL_TRANSITION') return fail('err.file.decided', 409);
            if (problemFields(e, locale)) return fail('err.file.type');
            throw e;
          }
          return reply.redirect(`/${locale}/ngo/nominations/${n.id}?done=evidence`, 303);
        },
      );
    });
  });
}
