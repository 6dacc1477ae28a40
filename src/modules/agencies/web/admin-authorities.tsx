/**
 * The administration of authority clients: `/{cs|en}/staff/admin/authorities` lists them (never a key:
 * only its public prefix) with the form to register one; registering answers with the key itself —
 * shown this once, on a 200 page that is not stored (no-store) and not reached by a URL; revoking
 * asks first (GET) and revokes by POST; `…/{id}/webhook` subscribes the client and shows the signing
 * secret once, the same way. The pages call the use cases the API calls (the access checks are there).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import type { AppDeps } from '../../../platform/http/deps.ts';
import {
  Button,
  chromeTexts,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  formatDate,
  formBody,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  sendProblemPage,
  STAFF_LOCALES,
  StaffCheckbox,
  StaffField,
  StaffLayout,
  type StaffLocale,
  StaffSelect,
  staffPages,
} from '../../web/index.ts';
import { CreateAuthorityBody, WebhookBody } from '../http/agencies.schema.ts';
import { type AuthorityKind, FIELDS } from '../domain/scopes.ts';
import { createAuthorityClient, listAuthorityClients, revokeAuthorityClient } from '../use-cases/authority-clients.ts';
import { listWebhookSubscriptions, subscribeClient } from '../use-cases/subscribe-client.ts';
import { AuthorityErrors } from '../agencies.errors.ts';
import { adminTexts, type AdminKey } from './admin.texts.ts';
import { adminWebhookPages } from './admin-webhooks.tsx';

const KINDS: AuthorityKind[] = ['health_insurance', 'labour_office', 'social_security', 'other'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE = '/staff/admin/authorities';

const tokens = new WeakMap<FastifyReply, string>();
/** One CSRF token per page: a second `generateCsrf` in the same answer would replace the secret cookie the first token belongs to. */
export function csrfOf(reply: FastifyReply): string {
  let t = tokens.get(reply);
  if (!t) {
    t = reply.generateCsrf();
    tokens.set(reply, t);
  }
  return t;
}

type Client = Awaited<ReturnType<typeof listAuthorityClients>>[number];

/** The civil date in Prague of a stored moment, as the page's language writes it. */
export function dayOf(locale: StaffLocale, at: Date | string | null): string {
  if (!at) return '—';
  const d = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );
  return formatDate(locale, d);
}

async function findClient(ctx: PageStaffCtx, id: string): Promise<Client> {
  const c = UUID.test(id) ? (await listAuthorityClients(ctx)).find((x) => x.id === id) : undefined;
  if (!c) throw new AppError(GenericErrors.NOT_FOUND, 'No authority client with that id.');
  return c;
}

interface FormView {
  values?: { name?: string; kind?: string; scopes?: string[] };
  errors?: PageFieldError[];
  done?: string;
}

export function adminAuthorityPages(deps: AppDeps): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    await staffPages(app, STAFF_LOCALES, (sub, locale) => {
      const tr = adminTexts(locale);
      const chrome = chromeTexts(locale);
      const summaryT = (k: string) => chrome(k as 'err.summary');
      const admin = { roles: ['admin'] as const };

      const listPage = async (reply: FastifyReply, ctx: PageStaffCtx, v: FormView, status = 200) => {
        const [clients, subs] = await Promise.all([listAuthorityClients(ctx), listWebhookSubscriptions(ctx)]);
        const errors = v.errors ?? [];
        const picked = new Set(v.values?.scopes ?? []);
        const rows = clients.map((c) => {
          const s = subs.get(c.id);
          const actions = c.revoked_at ? (
            '—'
          ) : (
            <span class="actions-cell">
              <a class="gov-link" href={`/${locale}${BASE}/${c.id}/webhook`}>
                {tr('act.webhook')}
                <span class="visually-hidden"> {tr('act.for', { name: c.name })}</span>
              </a>{' '}
              <a class="gov-link" href={`/${locale}${BASE}/${c.id}/revoke`}>
                {tr('act.revoke')}
                <span class="visually-hidden"> {tr('act.for', { name: c.name })}</span>
              </a>
            </span>
          );
          return [
            <>
              {c.name}
              <br />
              <span class="muted">{tr(`kind.${c.kind}` as AdminKey)}</span>
            </>,
            c.scopes.map((f) => ((FIELDS as readonly string[]).includes(f) ? tr(`field.${f}` as AdminKey) : f)).join(', '),
            <code>{`pbk_${c.key_prefix}_…`}</code>,
            c.revoked_at
              ? tr('state.revoked', { date: dayOf(locale, c.revoked_at) })
              : tr('state.active', { date: dayOf(locale, c.created_at) }),
            s ? (s.active ? s.url : tr('webhook.inactive', { url: s.url })) : tr('webhook.none'),
            actions,
          ];
        });
        return sendPage(
          reply,
          <StaffLayout locale={locale} ctx={ctx} title={tr('auth.title')} path={BASE} active={BASE} csrf={csrfOf(reply)}>
            <h1>{tr('auth.title')}</h1>
            <p class="lead">{tr('auth.lead')}</p>
            {v.done === 'revoked' ? <Notice>{tr('done.revoked')}</Notice> : null}
            <div class="admin-list">
              <DataTable
                caption={tr('auth.caption')}
                rowHeader
                head={[tr('col.name'), tr('col.scopes'), tr('col.key'), tr('col.state'), tr('col.webhook'), tr('col.actions')]}
                rows={rows}
                empty={tr('auth.none')}
              />
            </div>
            <h2 id="new">{tr('new.title')}</h2>
            <ErrorSummary t={summaryT} errors={errors} />
            <form method="post" action={`/${locale}${BASE}`} novalidate>
              <CsrfField token={csrfOf(reply)} />
              <div class="form-row">
                <StaffField
                  name="name"
                  label={tr('new.name')}
                  value={v.values?.name}
                  maxLength={200}
                  required
                  error={errorFor(errors, 'name')}
                />
                <StaffSelect
                  name="kind"
                  label={tr('new.kind')}
                  options={KINDS.map((k) => ({ value: k, label: tr(`kind.${k}` as AdminKey) }))}
                  selected={v.values?.kind}
                  error={errorFor(errors, 'kind')}
                />
              </div>
              <fieldset class="gov-form-control scopes" aria-describedby="scopes-hint">
                <legend class="gov-form-label__label" id="scopes">
                  {tr('new.scopes')}
                </legend>
                <p class="field-hint" id="scopes-hint">
                  {tr('new.scopes_hint')}
                </p>
                {errorFor(errors, 'scopes') ? (
                  <p class="gov-form-message" data-color="error" id="scopes-error">
                    {errorFor(errors, 'scopes')}
                  </p>
                ) : null}
                <div class="scope-grid">
                  {FIELDS.map((f) => (
                    <StaffCheckbox name="scopes" value={f} label={tr(`field.${f}` as AdminKey)} checked={picked.has(f)} />
                  ))}
                </div>
              </fieldset>
              <Button>{tr('new.submit')}</Button>
            </form>
          </StaffLayout>,
          status,
        );
      };

      /** 409: the client's key was revoked (by someone else, or in another tab). */
      const alreadyRevoked = (reply: FastifyReply, ctx: PageStaffCtx, c: Client) =>
        sendProblemPage(
          reply,
          locale,
          ctx,
          new AppError(AuthorityErrors.ALREADY_REVOKED, 'That client’s key was already revoked.'),
          <p id="conflict">{tr('revoked.already', { name: c.name, date: dayOf(locale, c.revoked_at) })}</p>,
        );

      /** A page that shows a secret this once: 200, never stored by the browser or a proxy. */
      const secretPage = (
        reply: FastifyReply,
        ctx: PageStaffCtx,
        title: string,
        lead: string,
        secret: string,
        once: string,
        extra?: string,
      ) =>
        sendPage(
          reply.header('pragma', 'no-cache'),
          <StaffLayout locale={locale} ctx={ctx} title={title} path={BASE} active={BASE} csrf={csrfOf(reply)}>
            <h1>{title}</h1>
            <p class="lead">{lead}</p>
            <p class="secret-once">
              <code id="secret">{secret}</code>
            </p>
            <Notice kind="warning">
              <p>{once}</p>
            </Notice>
            {extra ? <p>{extra}</p> : null}
            <p>
              <a class="gov-link" href={`/${locale}${BASE}`}>
                {tr('key.back')}
              </a>
            </p>
          </StaffLayout>,
        );

      sub.get<{ Querystring: { done?: string } }>(BASE, { schema: { hide: true } }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, admin);
        if (!ctx) return;
        return listPage(reply, ctx, { done: req.query.done });
      });

      sub.post<{ Body: Record<string, unknown> }>(BASE, { schema: { hide: true }, preHandler: app.csrfProtection }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, admin);
        if (!ctx) return;
        const { body, errors } = formBody<{ name: string; kind: AuthorityKind; scopes?: string[] }>(CreateAuthorityBody, req.body, locale);
        const values = {
          name: String(req.body?.name ?? ''),
          kind: String(req.body?.kind ?? ''),
          scopes: [req.body?.scopes ?? []].flat().map(String),
        };
        const wording = (e: PageFieldError) => (e.id.startsWith('scopes') ? { ...e, id: 'scopes', message: tr('err.scopes') } : e);
        if (errors.length) return listPage(reply, ctx, { values, errors: errors.map(wording) }, 422);
        try {
          const c = await createAuthorityClient(ctx, {
            name: body.name,
            kind: body.kind,
            ...(body.scopes?.length ? { scopes: body.scopes } : {}),
          });
          return secretPage(reply, ctx, tr('key.title', { name: c.name }), tr('key.lead'), c.apiKey, tr('key.once'), tr('key.use'));
        } catch (e) {
          const fields = problemFields(e, locale);
          if (fields) return listPage(reply, ctx, { values, errors: fields.map(wording) }, 422);
          throw e;
        }
      });

      sub.get<{ Params: { id: string } }>(`${BASE}/:id/revoke`, { schema: { hide: true } }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, admin);
        if (!ctx) return;
        const c = await findClient(ctx, req.params.id);
        if (c.revoked_at) return alreadyRevoked(reply, ctx, c);
        return sendPage(
          reply,
          <StaffLayout
            locale={locale}
            ctx={ctx}
            title={tr('revoke.title', { name: c.name })}
            path={`${BASE}/${c.id}/revoke`}
            active={BASE}
            csrf={csrfOf(reply)}
          >
            <h1>{tr('revoke.title', { name: c.name })}</h1>
            <p class="lead">{tr('revoke.lead')}</p>
            <p>
              <code>{`pbk_${c.key_prefix}_…`}</code> · {tr(`kind.${c.kind}` as AdminKey)}
            </p>
            <form method="post" action={`/${locale}${BASE}/${c.id}/revoke`} class="actions-row">
              <CsrfField token={csrfOf(reply)} />
              <Button>{tr('revoke.confirm')}</Button>
              <a class="gov-link" href={`/${locale}${BASE}`}>
                {tr('revoke.cancel')}
              </a>
            </form>
          </StaffLayout>,
        );
      });

      sub.post<{ Params: { id: string } }>(
        `${BASE}/:id/revoke`,
        { schema: { hide: true }, preHandler: app.csrfProtection },
        async (req, reply) => {
          const ctx = await requireStaff(req, reply, deps, admin);
          if (!ctx) return;
          if (!UUID.test(req.params.id)) throw new AppError(GenericErrors.NOT_FOUND, 'No authority client with that id.');
          await revokeAuthorityClient(ctx, req.params.id);
          // This process's next replica read must see the revocation (as the API does).
          deps.replica?.fence();
          return reply.redirect(`/${locale}${BASE}?done=revoked`, 303);
        },
      );

      const hookPage = async (
        reply: FastifyReply,
        ctx: PageStaffCtx,
        c: Client,
        v: { url?: string; errors?: PageFieldError[] },
        status = 200,
      ) => {
        const s = (await listWebhookSubscriptions(ctx)).get(c.id);
        const errors = v.errors ?? [];
        return sendPage(
          reply,
          <StaffLayout
            locale={locale}
            ctx={ctx}
            title={tr('hook.title', { name: c.name })}
            path={`${BASE}/${c.id}/webhook`}
            active={BASE}
            csrf={csrfOf(reply)}
          >
            <h1>{tr('hook.title', { name: c.name })}</h1>
            <p class="lead">{tr('hook.lead')}</p>
            <p>
              {s
                ? s.active
                  ? tr('hook.current', { url: s.url, date: dayOf(locale, s.createdAt) })
                  : tr('hook.current_inactive', { url: s.url })
                : tr('hook.none')}
            </p>
            {s ? <p class="muted">{tr('hook.replace')}</p> : null}
            <ErrorSummary t={summaryT} errors={errors} />
            <form method="post" action={`/${locale}${BASE}/${c.id}/webhook`} novalidate>
              <CsrfField token={csrfOf(reply)} />
              <StaffField
                name="url"
                type="url"
                label={tr('hook.url')}
                hint={tr('hook.url_hint')}
                value={v.url}
                maxLength={500}
                required
                error={errorFor(errors, 'url')}
              />
              <Button>{tr('hook.submit')}</Button>
            </form>
          </StaffLayout>,
          status,
        );
      };

      sub.get<{ Params: { id: string } }>(`${BASE}/:id/webhook`, { schema: { hide: true } }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, admin);
        if (!ctx) return;
        const c = await findClient(ctx, req.params.id);
        if (c.revoked_at) return alreadyRevoked(reply, ctx, c);
        return hookPage(reply, ctx, c, {});
      });

      sub.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
        `${BASE}/:id/webhook`,
        { schema: { hide: true }, preHandler: app.csrfProtection },
        async (req, reply) => {
          const ctx = await requireStaff(req, reply, deps, admin);
          if (!ctx) return;
          const c = await findClient(ctx, req.params.id);
          const { body, errors } = formBody<{ url: string }>(WebhookBody, req.body, locale);
          const url = String(req.body?.url ?? '').slice(0, 600);
          if (errors.length)
            return hookPage(reply, ctx, c, { url, errors: [{ id: 'url', reason: errors[0]!.reason, message: tr('hook.err_url') }] }, 422);
          const r = await subscribeClient(ctx, c.id, body.url);
          return secretPage(
            reply,
            ctx,
            tr('secret.title', { name: c.name }),
            tr('secret.lead', { url: r.url }),
            r.secret,
            tr('secret.once'),
          );
        },
      );

      adminWebhookPages(sub, app, deps, locale);
    });
  };
}
