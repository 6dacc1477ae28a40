/**
 * The work queue's pages, in Czech and English, calling the same use cases as the API routes:
 * - `GET /{locale}/staff/queue[?status=…&mine=1]` the office's open cases (status names only in the URL);
 * - `POST /{locale}/staff/queue/search` the search inside the queue: answered with the results (200),
 *   the terms kept in the form — never redirected to a URL that carries them;
 * - `POST /{locale}/staff/cases/:id/assignment` claim, take over, release, assign (from the queue's
 *   buttons and the case page's AssignmentNotice): 303 back, a colleague's case the warning page (409)
 *   with the take-over, a stale version or a closed case the 409 page.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import type { AppDeps } from '../../../platform/http/deps.ts';
import {
  formBody,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  sendProblemPage,
  STAFF_LOCALES,
  type StaffLocale,
  staffPages,
} from '../../web/index.ts';
import { CaseErrors } from '../cases.errors.ts';
import * as S from '../http/cases.schema.ts';
import { actOnOfficeCase } from '../use-cases/office-cases.ts';
import { getCase } from '../use-cases/read-cases.ts';
import { listWorkQueue, openOfficeStatuses, searchWorkQueue } from '../use-cases/work-queue.ts';
import { AssignmentButton, type AssignmentOp } from './assignment.tsx';
import { QueuePage, type QueuePageProps } from './queue-page.tsx';
import { type QueueText, queueTexts } from './queue.texts.ts';

const hide = { schema: { hide: true } } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = { roles: ['officer', 'supervisor'] as const };
const OPS: Record<AssignmentOp, { action: 'claim' | 'release' | 'assign'; done: string }> = {
  claim: { action: 'claim', done: 'claim' },
  take_over: { action: 'claim', done: 'claim' },
  release: { action: 'release', done: 'release' },
  assign: { action: 'assign', done: 'assign' },
};

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The filters of a queue URL: known open statuses only (anything else is ignored), and "only mine". */
function filtersOf(query: Record<string, unknown>) {
  const open = openOfficeStatuses();
  const statuses = list(query.status)
    .flatMap((s) => s.split(','))
    .filter((s) => open.includes(s));
  return { open, statuses: [...new Set(statuses)], mine: query.mine === '1' || query.mine === 'on' || query.mine === 'true' };
}

function HeldByOther(p: {
  tr: QueueText;
  locale: StaffLocale;
  caseId: string;
  reference: string;
  version: number;
  name: string;
  csrf: string;
  back: 'queue' | 'case';
}) {
  return (
    <div class="gov-message" data-color="warning" data-type="subtle">
      <div class="gov-message__content">
        <p>
          <strong>{p.tr('assign.other', { name: p.name })}</strong> {p.tr('assign.other_hint')}
        </p>
        <div class="actions-row">
          <AssignmentButton
            locale={p.locale}
            caseId={p.caseId}
            version={p.version}
            op="take_over"
            csrf={p.csrf}
            back={p.back}
            label={p.tr('assign.take_over', { name: p.name })}
            hiddenLabel={p.reference}
            kind="solid"
          />
          <a class="gov-link" href={`/${p.locale}/staff/cases/${p.caseId}`}>
            {p.tr('assign.conflict.case')}
          </a>
          <a class="gov-link" href={`/${p.locale}/staff/queue`}>
            {p.tr('assign.conflict.back')}
          </a>
        </div>
      </div>
    </div>
  );
}

export function queuePages(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    // Form bodies and the CSRF token come from the web layer (registered on the root instance).
    await staffPages(app, STAFF_LOCALES, (sub, locale) => {
      const tr = queueTexts(locale);

      const render = async (
        reply: Parameters<typeof sendPage>[0],
        ctx: PageStaffCtx,
        o: Pick<QueuePageProps, 'view' | 'statuses' | 'mine' | 'search' | 'done'> & { open: readonly string[] },
        status = 200,
      ) =>
        sendPage(
          reply,
          <QueuePage
            locale={locale}
            ctx={ctx}
            tr={tr}
            csrf={reply.generateCsrf()}
            view={o.view}
            openStatuses={o.open}
            statuses={o.statuses}
            mine={o.mine}
            search={o.search}
            done={o.done}
          />,
          status,
        );

      sub.get<{ Querystring: Record<string, unknown> }>('/staff/queue', hide, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, ROLES);
        if (!ctx) return reply;
        const { open, statuses, mine } = filtersOf(req.query ?? {});
        const view = await listWorkQueue(ctx, { statuses, mine, withNames: true });
        const q = req.query ?? {};
        const op = typeof q.done === 'string' && ['claim', 'release', 'assign'].includes(q.done) ? q.done : null;
        const doneCase = typeof q.case === 'string' ? view.items.find((i) => i.id === q.case) : undefined;
        return render(reply, ctx, {
          view,
          open,
          statuses,
          mine,
          search: null,
          done: op ? { op, reference: doneCase?.reference ?? null } : null,
        });
      });

      // The terms stay in this POST's body: the answer is the results page itself, never a redirect.
      sub.post<{ Body: Record<string, unknown> }>(
        '/staff/queue/search',
        { ...hide, preHandler: app.csrfProtection },
        async (req, reply) => {
          const ctx = await requireStaff(req, reply, deps, ROLES);
          if (!ctx) return reply;
          const form = req.body ?? {};
          const typed = typeof form.q === 'string' ? form.q.slice(0, 200) : '';
          const mine = form.mine === 'on';
          const open = openOfficeStatuses();
          const { body, errors } = formBody<{ q: string; mine?: boolean }>(S.QueueSearchBody, { q: typed.trim(), mine: form.mine }, locale);
          const again = async (errs: PageFieldError[]) =>
            render(
              reply,
              ctx,
              {
                view: await listWorkQueue(ctx, { mine, withNames: true }),
                open,
                statuses: [],
                mine,
                search: { q: typed, errors: errs },
                done: null,
              },
              422,
            );
          if (errors.length)
            return again(errors.map((e) => (e.id === 'q' && typed.trim() ? { ...e, message: tr('queue.search.q_short') } : e)));
          try {
            const view = await searchWorkQueue(ctx, body);
            return render(reply, ctx, { view, open, statuses: [], mine, search: { q: typed, errors: [] }, done: null });
          } catch (e) {
            const fields = problemFields(e, locale, { TOO_SHORT: tr('queue.search.q_short') });
            if (fields) return again(fields);
            throw e;
          }
        },
      );

      sub.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
        '/staff/cases/:id/assignment',
        { ...hide, preHandler: app.csrfProtection },
        async (req, reply) => {
          const ctx = await requireStaff(req, reply, deps, ROLES);
          if (!ctx) return reply;
          const { id } = req.params;
          const form = req.body ?? {};
          const op = typeof form.op === 'string' && Object.hasOwn(OPS, form.op) ? (form.op as AssignmentOp) : null;
          if (!UUID.test(id)) throw new AppError(CaseErrors.NOT_FOUND, 'No such case.');
          if (!op) return sendProblemPage(reply, locale, ctx, { status: 422 });
          const back = form.back === 'case' ? 'case' : 'queue';
          const version = typeof form.version === 'string' && /^\d{1,9}$/.test(form.version) ? Number(form.version) : null;
          const officerId = typeof form.officerId === 'string' && UUID.test(form.officerId) ? form.officerId : '';
          const { action, done } = OPS[op];
          const input = op === 'take_over' ? { takeOver: true } : op === 'assign' ? { officerId } : {};
          try {
            await actOnOfficeCase(ctx, { caseId: id, action, version, input, idempotencyKey: null });
          } catch (e) {
            if (e instanceof AppError && e.code === CaseErrors.HELD_BY_OTHER) {
              // The warning before acting on a colleague's case: who holds it, and the take-over at the current version.
              const now = await getCase(ctx, id);
              const name = now.assignee?.displayName ?? (e.details.assignee as { displayName?: string } | undefined)?.displayName ?? '';
              return sendProblemPage(
                reply,
                locale,
                ctx,
                e,
                <HeldByOther
                  tr={tr}
                  locale={locale}
                  caseId={id}
                  reference={now.reference}
                  version={now.version}
                  name={name}
                  csrf={reply.generateCsrf()}
                  back={back}
                />,
              );
            }
            const fields = problemFields(e, locale);
            if (fields) return sendProblemPage(reply, locale, ctx, { status: 422 }, <p>{fields.map((f) => f.message).join(' ')}</p>);
            throw e;
          }
          return reply.redirect(
            back === 'case' ? `/${locale}/staff/cases/${id}?done=${done}` : `/${locale}/staff/queue?done=${done}&case=${id}`,
            303,
          );
        },
      );
    });
  };
}
