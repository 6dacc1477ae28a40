/**
 * Staff accounts, for an administrator: `/{cs|en}/staff/admin/users` lists every account (username,
 * name, role, office or organisation, active) with the form to create one — the auth module's
 * `createStaff`, as POST /api/v1/admin/staff. A typed initial password answers 303 back to the list;
 * an empty one is generated and shown once (200, no-store, never in a URL). `…/{id}/deactivate` asks
 * first and deactivates by POST (the account cannot sign in; its sessions end).
 *
 * Why here and not in the auth module: the pages stand on the web layer, and the web layer depends
 * (through appointments) on auth, so auth's own pages would close a module cycle. The accounts' use
 * cases stay the auth module's; this module knows the partner organisations the form offers.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { AuthErrors, createStaff, deactivateStaff, listStaff, type Role, type StaffUserRow } from '../../auth/index.ts';
import { listOffices } from '../../offices/index.ts';
import {
  Button,
  chromeTexts,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  formBody,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  sendPage,
  sendProblemPage,
  StaffField,
  StaffLayout,
  type StaffLocale,
  StaffSelect,
} from '../../web/index.ts';
import { listPartnerOrgs } from '../use-cases/admin.ts';
import { csrfOf, UUID } from './admin-bits.ts';
import { type StaffAdminKey, staffAdminTexts } from './admin-staff.texts.ts';

const BASE = '/staff/admin/users';
const ROLES: Role[] = ['officer', 'supervisor', 'admin', 'caseworker'];

/** The form as the API's body, except that the password may be left empty (then it is generated). */
const StaffForm = Type.Object({
  username: Type.String({ pattern: '^[a-z0-9._-]{3,64}$' }),
  displayName: Type.String({ minLength: 1, maxLength: 120 }),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  officeId: Type.Optional(Type.String({ maxLength: 40 })),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  password: Type.Optional(Type.String({ minLength: 12, maxLength: 256 })),
});
type StaffFormBody = { username: string; displayName: string; role: Role; officeId?: string; orgId?: string; password?: string };

interface View {
  values?: Record<string, string>;
  errors?: PageFieldError[];
  done?: string;
}

export function adminStaffPages(sub: FastifyInstance, app: FastifyInstance, deps: AppDeps, locale: StaffLocale) {
  const tr = staffAdminTexts(locale);
  const chrome = chromeTexts(locale);
  const summaryT = (k: string) => chrome(k as 'err.summary');
  const admin = { roles: ['admin'] as const };

  /** The use case's field errors, worded for the page. */
  const word = (e: PageFieldError): PageFieldError => {
    if (e.id === 'username' && e.reason === 'pattern') return { ...e, message: tr('err.username_pattern') };
    if (e.reason === 'REQUIRED' && e.id === 'officeId') return { ...e, message: tr('err.office_required') };
    if (e.reason === 'REQUIRED' && e.id === 'orgId') return { ...e, message: tr('err.org_required') };
    if (e.reason === 'TAKEN' || e.reason === 'TOO_SHORT' || e.reason === 'NOT_FOUND')
      return { ...e, message: tr(`err.${e.reason}` as StaffAdminKey) };
    return e;
  };

  const findUser = async (ctx: PageStaffCtx, id: string): Promise<StaffUserRow> => {
    const u = UUID.test(id) ? (await listStaff(ctx)).find((x) => x.id === id) : undefined;
    if (!u) throw new AppError(GenericErrors.NOT_FOUND, 'No staff user with that id.');
    return u;
  };

  const listPage = async (reply: FastifyReply, ctx: PageStaffCtx, v: View, status = 200) => {
    const [users, offices, orgs] = await Promise.all([listStaff(ctx), listOffices(ctx.db), listPartnerOrgs(ctx)]);
    const officeName = new Map(offices.map((o) => [o.id, o.name]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const errors = v.errors ?? [];
    const val = v.values ?? {};
    const csrf = csrfOf(reply);
    const rows = users.map((u) => [
      <code>{u.username}</code>,
      u.displayName,
      tr(`role.${u.role}` as StaffAdminKey),
      u.officeId ? (officeName.get(u.officeId) ?? u.officeId) : u.orgId ? (orgName.get(u.orgId) ?? '—') : '—',
      u.active ? tr('active.yes') : tr('active.no'),
      u.id === ctx.actor.id ? (
        tr('act.self')
      ) : u.active ? (
        <a class="gov-link" href={`/${locale}${BASE}/${u.id}/deactivate`}>
          {tr('act.deactivate')}
          <span class="visually-hidden"> {tr('act.for', { username: u.username })}</span>
        </a>
      ) : (
        '—'
      ),
    ]);
    const none = { value: '', label: tr('new.none') };
    return sendPage(
      reply,
      <StaffLayout locale={locale} ctx={ctx} title={tr('users.title')} path={BASE} active={BASE} csrf={csrf}>
        <h1>{tr('users.title')}</h1>
        <p class="lead">{tr('users.lead')}</p>
        {v.done === 'created' ? <Notice>{tr('done.created')}</Notice> : null}
        {v.done === 'deactivated' ? <Notice>{tr('done.deactivated')}</Notice> : null}
        <div class="admin-list">
          <DataTable
            caption={tr('users.caption')}
            rowHeader
            head={[tr('col.username'), tr('col.name'), tr('col.role'), tr('col.where'), tr('col.active'), tr('col.actions')]}
            rows={rows}
            empty={tr('users.none')}
          />
        </div>
        <h2 id="new">{tr('new.title')}</h2>
        <ErrorSummary t={summaryT} errors={errors} />
        <form method="post" action={`/${locale}${BASE}`} novalidate>
          <CsrfField token={csrf} />
          <div class="form-row">
            <StaffField
              name="username"
              label={tr('new.username')}
              hint={tr('new.username_hint')}
              value={val.username}
              maxLength={64}
              required
              error={errorFor(errors, 'username')}
            />
            <StaffField
              name="displayName"
              label={tr('new.display')}
              value={val.displayName}
              maxLength={120}
              required
              error={errorFor(errors, 'displayName')}
            />
          </div>
          <div class="form-row">
            <StaffSelect
              name="role"
              label={tr('new.role')}
              options={ROLES.map((r) => ({ value: r, label: tr(`role.${r}` as StaffAdminKey) }))}
              selected={val.role}
              error={errorFor(errors, 'role')}
            />
            <StaffSelect
              name="officeId"
              label={tr('new.office')}
              hint={tr('new.office_hint')}
              options={[none, ...offices.map((o) => ({ value: o.id, label: o.name }))]}
              selected={val.officeId}
              error={errorFor(errors, 'officeId')}
            />
            <StaffSelect
              name="orgId"
              label={tr('new.org')}
              hint={tr('new.org_hint')}
              options={[none, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
              selected={val.orgId}
              error={errorFor(errors, 'orgId')}
            />
          </div>
          <StaffField
            name="password"
            type="password"
            label={tr('new.password')}
            hint={tr('new.password_hint')}
            autocomplete="new-password"
            maxLength={256}
            error={errorFor(errors, 'password')}
          />
          <Button>{tr('new.submit')}</Button>
        </form>
      </StaffLayout>,
      status,
    );
  };

  sub.get<{ Querystring: { done?: string } }>(BASE, { schema: { hide: true } }, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, admin);
    if (!ctx) return;
    return listPage(reply, ctx, { done: req.query.done });
  });

  sub.post<{ Body: Record<string, unknown> }>(BASE, { schema: { hide: true }, preHandler: app.csrfProtection }, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, admin);
    if (!ctx) return;
    const raw = req.body ?? {};
    const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
    // Usernames are lower case (the auth module lowers them too): typing "Jana.Novakova" is not an error.
    const form = { ...raw, username: str('username').trim().toLowerCase() };
    // Kept for the form when it comes back (never the password).
    const values = {
      username: form.username,
      displayName: str('displayName'),
      role: str('role'),
      officeId: str('officeId'),
      orgId: str('orgId'),
    };
    const { body, errors } = formBody<StaffFormBody>(StaffForm, form, locale);
    if (errors.length) return listPage(reply, ctx, { values, errors: errors.map(word) }, 422);
    // The office belongs to officers and supervisors, the organisation to caseworkers; the other is dropped.
    const inOffice = body.role === 'officer' || body.role === 'supervisor';
    const generated = body.password ? null : randomBytes(12).toString('base64url');
    try {
      const r = await createStaff(ctx, {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        officeId: inOffice ? (body.officeId ?? null) : null,
        orgId: body.role === 'caseworker' ? (body.orgId ?? null) : null,
        password: body.password ?? generated!,
      });
      if (!generated) return reply.redirect(`/${locale}${BASE}?done=created`, 303);
      // A generated password is shown this once: 200 on this POST (no redirect, nothing in a URL), not stored.
      return sendPage(
        reply.header('pragma', 'no-cache'),
        <StaffLayout
          locale={locale}
          ctx={ctx}
          title={tr('pw.title', { username: r.username })}
          path={BASE}
          active={BASE}
          csrf={csrfOf(reply)}
        >
          <h1>{tr('pw.title', { username: r.username })}</h1>
          <p class="lead">{tr('pw.lead')}</p>
          <p class="secret-once">
            <code id="secret">{generated}</code>
          </p>
          <Notice kind="warning">
            <p>{tr('pw.once', { name: body.displayName })}</p>
          </Notice>
          <p>
            <a class="gov-link" href={`/${locale}${BASE}`}>
              {tr('pw.back')}
            </a>
          </p>
        </StaffLayout>,
      );
    } catch (e) {
      const fields = problemFields(e, locale);
      if (!fields) throw e;
      // A taken username is a conflict (409), still answered beside its field.
      const status = e instanceof AppError && e.code === AuthErrors.USERNAME_TAKEN ? 409 : 422;
      return listPage(reply, ctx, { values, errors: fields.map(word) }, status);
    }
  });

  const conflict = (reply: FastifyReply, ctx: PageStaffCtx, e: unknown, u: StaffUserRow) => {
    const code = e instanceof AppError ? e.code : '';
    const why =
      code === AuthErrors.SELF_DEACTIVATION
        ? tr('deact.self')
        : code === AuthErrors.ALREADY_INACTIVE
          ? tr('deact.already', { username: u.username })
          : null;
    if (!why) throw e;
    return sendProblemPage(reply, locale, ctx, e, <p id="conflict">{why}</p>);
  };

  sub.get<{ Params: { id: string } }>(`${BASE}/:id/deactivate`, { schema: { hide: true } }, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps, admin);
    if (!ctx) return;
    const u = await findUser(ctx, req.params.id);
    if (u.id === ctx.actor.id) return conflict(reply, ctx, new AppError(AuthErrors.SELF_DEACTIVATION, 'Own account.'), u);
    if (!u.active) return conflict(reply, ctx, new AppError(AuthErrors.ALREADY_INACTIVE, 'Already deactivated.'), u);
    const csrf = csrfOf(reply);
    return sendPage(
      reply,
      <StaffLayout
        locale={locale}
        ctx={ctx}
        title={tr('deact.title', { username: u.username })}
        path={`${BASE}/${u.id}/deactivate`}
        active={BASE}
        csrf={csrf}
      >
        <h1>{tr('deact.title', { username: u.username })}</h1>
        <p class="lead">{tr('deact.lead', { name: u.displayName })}</p>
        <form method="post" action={`/${locale}${BASE}/${u.id}/deactivate`} class="actions-row">
          <CsrfField token={csrf} />
          <Button>{tr('deact.confirm')}</Button>
          <a class="gov-link" href={`/${locale}${BASE}`}>
            {tr('deact.cancel')}
          </a>
        </form>
      </StaffLayout>,
    );
  });

  sub.post<{ Params: { id: string } }>(
    `${BASE}/:id/deactivate`,
    { schema: { hide: true }, preHandler: app.csrfProtection },
    async (req, reply) => {
      const ctx = await requireStaff(req, reply, deps, admin);
      if (!ctx) return;
      const u = await findUser(ctx, req.params.id);
      try {
        await deactivateStaff(ctx, u.id);
      } catch (e) {
        return conflict(reply, ctx, e, u);
      }
      return reply.redirect(`/${locale}${BASE}?done=deactivated`, 303);
    },
  );
}
