import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { type LockoutStore, memoryLockout } from '../../../platform/lockout.ts';
import { staffCtx } from './staff-ctx.ts';
import { logIn, logOut } from '../use-cases/sessions.ts';
import { createStaff, deactivateStaff, listStaff } from '../use-cases/manage-staff.ts';
import * as S from './auth.schema.ts';

export const SESSION_COOKIE = 'pobyt_session';

/** The sign-in lockout of this process: one per app, shared by the API's sign-in and the sign-in page. */
export function loginLockout(deps: AppDeps): LockoutStore {
  const l = deps.config.loginLockout;
  return memoryLockout({
    failures: l.failures,
    windowMs: l.windowMinutes * 60_000,
    lockMs: l.lockSeconds * 1000,
    maxLockMs: l.maxLockSeconds * 1000,
  });
}

/** The address limit of signing in (the API route and the sign-in page count together). */
export const loginRateLimit = (deps: AppDeps) => ({ max: deps.config.loginAttemptsPerMinute, timeWindow: '1 minute', groupId: 'sign-in' });

export function authRoutes(deps: AppDeps, lockout: LockoutStore = loginLockout(deps)): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    // Per account: repeated failures lock the username for a growing time (per process, like the
    // address limit below).
    app.post(
      '/auth/login',
      {
        // Slows password guessing: a few attempts a minute per client address.
        config: { public: true, rateLimit: loginRateLimit(deps) },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets an HttpOnly session cookie and returns a bearer token',
          security: [],
          body: S.LoginBody,
          response: { 200: S.LoginReply },
        },
      },
      async (req, reply) => {
        const r = await logIn(
          { db: deps.db, clock: deps.clock, sessionTtlHours: deps.config.sessionTtlHours, requestId: String(req.id), lockout },
          req.body,
        );
        reply.setCookie(SESSION_COOKIE, r.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.cookieSecure,
          path: '/',
          expires: r.expiresAt,
        });
        return { token: r.token, expiresAt: r.expiresAt.toISOString(), actor: r.actor };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: S.NoContent } } },
      async (req, reply) => {
        const h = req.headers.authorization;
        const token = h?.startsWith('Bearer ') ? h.slice(7) : req.cookies[SESSION_COOKIE];
        if (token) await logOut({ db: deps.db, requestId: String(req.id) }, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: S.ActorSchema } } },
      async (req) => staffCtx(req, deps).actor,
    );

    // Staff accounts, managed by an administrator (the administration pages call the same use cases).
    app.get(
      '/admin/staff',
      { schema: { tags: ['auth'], summary: 'Staff accounts, active or not (no passwords)', response: { 200: S.StaffList } } },
      async (req) => listStaff(staffCtx(req, deps)),
    );
    app.post(
      '/admin/staff',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create a staff or caseworker account',
          body: S.StaffBody,
          response: { 201: S.StaffCreated },
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
      '/admin/staff/:id/deactivate',
      {
        schema: {
          tags: ['auth'],
          summary: 'Deactivate an account: it cannot sign in, and its sessions end at once',
          params: S.StaffId,
          response: { 204: S.NoContent },
        },
      },
      async (req, reply) => {
        await deactivateStaff(staffCtx(req, deps), req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
