/**
 * `/{cs|en}/staff/admin/webhooks`: every webhook subscription (never its secret) and the dead letters,
 * each with a replay button (POST, CSRF) that queues the delivery again and answers 303 back here; a
 * dead letter replayed meanwhile is the 409 page, and so is a process that runs no job queue.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import {
  Button,
  CsrfField,
  DataTable,
  formatDateTime,
  Notice,
  requireStaff,
  sendPage,
  sendProblemPage,
  StaffLayout,
  type StaffLocale,
} from '../../web/index.ts';
import { listAuthorityClients } from '../use-cases/authority-clients.ts';
import { listDeadLettersFor, replayDeadLetterAs } from '../use-cases/dead-letters.ts';
import { listWebhookSubscriptions } from '../use-cases/subscribe-client.ts';
import { adminTexts } from './admin.texts.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { WebhookErrors } from '../agencies.errors.ts';

const BASE = '/staff/admin/webhooks';

export function adminWebhookPages(sub: FastifyInstance, app: FastifyInstance, deps: AppDeps, locale: StaffLocale) {
  const tr = adminTexts(locale);
  const admin = { roles: ['admin'] as const };

  sub.get<{ Querystring: { done?: string } }>(BASE, { schema: { hide: true } }, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, admin);
    if (!ctx) return;
    const [clients, subs, dead] = await Promise.all([listAuthorityClients(ctx), listWebhookSubscriptions(ctx), listDeadLettersFor(ctx)]);
    const subRows = clients
      .filter((c) => subs.has(c.id))
      .map((c) => {
        const s = subs.get(c.id)!;
        return [
          c.name,
          s.url,
          formatDateTime(locale, s.createdAt),
          c.revoked_at ? tr('wh.state_revoked') : s.active ? tr('wh.state_active') : tr('wh.state_inactive'),
        ];
      });
    const csrf = reply.generateCsrf();
    const deadRows = dead.map((d) => [
      String(d.seq),
      d.clientName,
      d.error ?? '—',
      formatDateTime(locale, d.failedAt),
      <form method="post" action={`/${locale}${BASE}/dead-letters/${d.id}/replay`} class="inline-form">
        <CsrfField token={csrf} />
        <Button kind="outlined">
          {tr('dl.replay')}
          <span class="visually-hidden"> {tr('dl.replay_for', { seq: String(d.seq), name: d.clientName })}</span>
        </Button>
      </form>,
    ]);
    return sendPage(
      reply,
      <StaffLayout locale={locale} ctx={ctx} title={tr('wh.title')} path={BASE} active={BASE} csrf={csrf}>
        <h1>{tr('wh.title')}</h1>
        <p class="lead">{tr('wh.lead')}</p>
        {req.query.done === 'replayed' ? <Notice>{tr('done.replayed')}</Notice> : null}
        <div class="admin-list">
          <DataTable
            caption={tr('wh.subs_caption')}
            rowHeader
            head={[tr('wh.col_client'), tr('wh.col_url'), tr('wh.col_since'), tr('wh.col_state')]}
            rows={subRows}
            empty={tr('wh.subs_none')}
          />
        </div>
        <h2>{tr('dl.title')}</h2>
        <p>{tr('dl.lead')}</p>
        <div class="admin-list">
          <DataTable
            caption={tr('dl.caption')}
            rowHeader
            head={[tr('dl.col_event'), tr('wh.col_client'), tr('dl.col_error'), tr('dl.col_failed'), tr('col.actions')]}
            rows={deadRows}
            empty={tr('dl.none')}
            numeric={[0]}
          />
        </div>
      </StaffLayout>,
    );
  });

  sub.post<{ Params: { id: string } }>(
    `${BASE}/dead-letters/:id/replay`,
    { schema: { hide: true }, preHandler: app.csrfProtection },
    async (req, reply) => {
      const ctx = await requireStaff(req, reply, deps, admin);
      if (!ctx) return;
      if (!/^[0-9]{1,15}$/.test(req.params.id)) throw new AppError(GenericErrors.NOT_FOUND, 'No dead letter with that id.');
      try {
        await replayDeadLetterAs(ctx, deps.boss, req.params.id);
      } catch (e) {
        // Say which conflict it is: replayed meanwhile (another tab, another admin), or no job queue here.
        const why =
          e instanceof AppError && e.code === WebhookErrors.ALREADY_REPLAYED
            ? tr('dl.already')
            : e instanceof AppError && e.code === WebhookErrors.NO_JOB_QUEUE
              ? tr('dl.no_queue')
              : null;
        if (why) return sendProblemPage(reply, locale, ctx, e, <p id="conflict">{why}</p>);
        throw e;
      }
      return reply.redirect(`/${locale}${BASE}?done=replayed`, 303);
    },
  );
}
