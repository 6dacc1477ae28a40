/**
 * `/{lang}/documents`: the form page (GET, the navigator's answers in the query) and the download
 * (POST, the personal fields in the body). A good POST answers with the PDF itself as an attachment,
 * not with a 303: the browser stays on the filled form, so the person can press the other button
 * without typing again and without the server keeping anything or copying the fields into hidden
 * inputs. The PDF is made for this response only, `Cache-Control: no-store`, and never logged.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { todayInPrague } from '../../calendar/index.ts';
import {
  APPLICANT_FIELDS,
  type ApplicantField,
  DOCUMENT_KINDS,
  type DocumentKind,
  documentFileName,
  renderDocumentPdf,
  validateApplicant,
} from '../../documents/index.ts';
import type { PolicyBundle } from '../../policy/index.ts';
import type { Locale } from '../i18n/i18n.ts';
import { t } from '../i18n/i18n.ts';
import { parseState, queryOf } from '../navigator/state.ts';
import { DocumentsPage } from '../pages/documents.tsx';
import { sendPage } from './send-page.ts';

const hide = { schema: { hide: true } } as const;

function nationalityOf(bundle: PolicyBundle, state: string): string | null {
  const n = parseState(bundle, state).facts.nationality;
  return typeof n === 'string' && n !== 'unknown' ? n : null;
}

export function documentRoutes(app: FastifyInstance, sub: FastifyInstance, locale: Locale, deps: AppDeps, bundle: PolicyBundle) {
  const tr = t(locale);

  sub.get('/documents', hide, async (req, reply) => {
    const raw = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    // Only the navigator's own answers survive into the page (and its form): nothing personal.
    const state = queryOf(parseState(bundle, raw));
    return sendPage(
      reply,
      <DocumentsPage locale={locale} t={tr} state={state} nationality={nationalityOf(bundle, state)} csrf={reply.generateCsrf()} />,
    );
  });

  sub.post<{ Body: Record<string, unknown> }>('/documents', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
    const body = req.body ?? {};
    const state = queryOf(parseState(bundle, typeof body.state === 'string' ? body.state : ''));
    const nationality = nationalityOf(bundle, state);
    const today = todayInPrague(deps.clock.now());
    const result = validateApplicant(body, nationality, today);
    if (!result.ok) {
      const values: Partial<Record<ApplicantField, string>> = {};
      for (const f of APPLICANT_FIELDS) if (typeof body[f] === 'string') values[f] = body[f] as string;
      return sendPage(
        reply,
        <DocumentsPage
          locale={locale}
          t={tr}
          state={state}
          nationality={nationality}
          csrf={reply.generateCsrf()}
          values={values}
          errors={result.errors}
        />,
        422,
      );
    }
    const kind: DocumentKind = DOCUMENT_KINDS.includes(body.document as DocumentKind) ? (body.document as DocumentKind) : 'form';
    const pdf = await renderDocumentPdf(kind, { applicant: result.applicant, nationality, purpose: 'tolerance_visa', locale, today });
    return reply
      .code(200)
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${documentFileName(kind)}"`)
      .send(pdf);
  });
}
