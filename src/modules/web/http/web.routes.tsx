/**
 * The applicant's pages: `/` (redirects to a language), `/{lang}/` (home), `/{lang}/navigator` (the
 * interview and its result), `/lang/{lang}` (remembers the choice in a cookie), and the assets (design
 * system CSS, Roboto with Cyrillic, the pages' CSS), all served locally. Pages are hidden from OpenAPI.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import fastifyStatic from '@fastify/static';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { listOffices, listRegions } from '../../offices/index.ts';
import { defaultBundle, message, nextInterviewStep } from '../../policy/index.ts';
import { fromAcceptLanguage, isLocale, LOCALES, type Locale, t } from '../i18n/i18n.ts';
import { buildResult } from '../navigator/result.ts';
import { isAnswerValid, parseState, queryOf } from '../navigator/state.ts';
import { HomePage } from '../pages/home.tsx';
import { QuestionPage } from '../pages/question.tsx';
import { ResultPage } from '../pages/result.tsx';
import { documentRoutes } from './documents.routes.tsx';
import { holderPages, type HolderPorts } from './holder.routes.tsx';
import { sendPage } from './send-page.ts';
import { signInPages, type StaffPorts } from '../staff/sign-in.routes.tsx';

export { sendPage };

export const LANG_COOKIE = 'lang';
const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** Registers `routes` once per locale under `/{locale}`; the handler gets the locale and its translator. */
export async function perLocale(app: FastifyInstance, routes: (app: FastifyInstance, locale: Locale) => void | Promise<void>) {
  for (const locale of LOCALES) await app.register(async (sub) => routes(sub, locale), { prefix: `/${locale}` });
}

function preferredLocale(req: FastifyRequest): Locale {
  const c = req.cookies?.[LANG_COOKIE];
  if (isLocale(c)) return c;
  return fromAcceptLanguage(req.headers['accept-language']) ?? 'cs';
}

const hide = { schema: { hide: true } } as const;

/**
 * `holder`: the ports of the holder pages (holder.routes.tsx); `staff`: the auth module's sign-in and
 * sign-out (staff/sign-in.routes.tsx). Without them those pages are not served.
 */
export function webRoutes(deps: AppDeps, holder?: HolderPorts, staff?: StaffPorts) {
  const web = async function web(app: FastifyInstance) {
    await app.register(formbody);
    await app.register(csrf, {
      cookieKey: '_csrf',
      cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.cookieSecure },
    });
    const dsRoot = join(dirname(require.resolve('@gov-design-system-ce/styles/html/styles.css')));
    const fontRoot = join(dirname(require.resolve('@fontsource/roboto/package.json')), 'files');
    const cache = { maxAge: '1d', immutable: false };
    await app.register(fastifyStatic, { root: dsRoot, prefix: '/assets/ds/', decorateReply: false, ...cache, schemaHide: true });
    await app.register(fastifyStatic, { root: fontRoot, prefix: '/assets/fonts/', decorateReply: false, ...cache, schemaHide: true });
    await app.register(fastifyStatic, {
      root: join(here, '..', 'assets'),
      prefix: '/assets/web/',
      decorateReply: false,
      ...cache,
      schemaHide: true,
    });

    const bundle = defaultBundle();
    const today = () => todayInPrague(deps.clock.now());

    app.get('/', hide, async (req, reply) => reply.redirect(`/${preferredLocale(req)}/`, 302));

    app.get<{ Params: { lang: string }; Querystring: { to?: string } }>('/lang/:lang', hide, async (req, reply) => {
      const l = isLocale(req.params.lang) ? req.params.lang : 'cs';
      const to = req.query.to;
      const target = typeof to === 'string' && to.startsWith(`/${l}/`) && !to.startsWith('//') ? to : `/${l}/`;
      reply.setCookie(LANG_COOKIE, l, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
        secure: deps.config.cookieSecure,
      });
      return reply.redirect(target, 303);
    });

    await perLocale(app, (sub, locale) => {
      const tr = t(locale);
      sub.get('/', hide, async (_req, reply) => sendPage(reply, <HomePage locale={locale} t={tr} />));
      if (holder) holderPages(app, sub, locale, deps, holder);

      const navigatorPage = async (reply: FastifyReply, query: string, error?: { message: string; value?: string }) => {
        const state = parseState(bundle, query);
        const on = state.on ?? today();
        const step = nextInterviewStep(
          bundle,
          state.facts,
          { as_of: on, filed_on: on, ...(state.visaIssuedOn ? { visa_issued_on: state.visaIssuedOn } : {}) },
          { unknownDates: state.unknownDates },
        );
        const q = queryOf(state);
        const backHref = state.answers.length
          ? `/${locale}/navigator${queryOf(state, { drop: 1 }) ? `?${queryOf(state, { drop: 1 })}` : ''}`
          : `/${locale}/`;
        if (step.kind !== 'done') {
          return sendPage(
            reply,
            <QuestionPage
              locale={locale}
              t={tr}
              step={step}
              question={message(bundle, locale, step.question)}
              number={state.answers.length + 1}
              state={q}
              backHref={backHref}
              csrf={reply.generateCsrf()}
              error={error?.message}
              value={error?.value}
            />,
            error ? 422 : 200,
          );
        }
        const view = buildResult(bundle, locale, {
          facts: state.facts,
          on,
          visaIssuedOn: state.visaIssuedOn,
          branch: step.branch,
          route: step.route,
        });
        const regions = (await listRegions(deps.db)).map((r) => ({ code: r.code, name: locale === 'en' ? r.name_en : r.name_cs }));
        const offices = state.region
          ? (await listOffices(deps.db, state.region)).map((o) => ({
              name: o.name,
              address: o.address,
              addressVerified: o.address_verified,
              phone: o.phone,
            }))
          : [];
        return sendPage(
          reply,
          <ResultPage
            locale={locale}
            t={tr}
            view={view}
            answered={state.answers.length}
            state={q}
            stateWithoutRegion={queryOf(state, { region: null })}
            backHref={backHref}
            regions={regions}
            region={state.region}
            offices={offices}
          />,
        );
      };

      sub.get('/navigator', hide, async (req, reply) => {
        const raw = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
        return navigatorPage(reply, raw);
      });

      sub.post<{ Body: Record<string, string | undefined> }>(
        '/navigator',
        { ...hide, preHandler: app.csrfProtection },
        async (req, reply) => {
          const body = req.body ?? {};
          const state = typeof body.state === 'string' ? body.state : '';
          const question = typeof body.question === 'string' ? body.question : '';
          const answer = body.dont_know === '1' ? 'unknown' : typeof body.answer === 'string' ? body.answer.trim() : '';
          if (!question || !isAnswerValid(bundle, question, answer)) {
            const isDate = question === 'visa_issued_on' || bundle.facts[question]?.type === 'date';
            return navigatorPage(reply, state, { message: tr(isDate ? 'err.date' : 'err.choose'), value: answer || undefined });
          }
          const next = queryOf(parseState(bundle, state), { add: [question, answer] });
          return reply.redirect(`/${locale}/navigator?${next}`, 303);
        },
      );

      documentRoutes(app, sub, locale, deps, bundle);
    });
    if (staff) await signInPages(app, deps, staff);
  };
  // Not encapsulated: the form parser (@fastify/formbody) and the CSRF decorators registered here serve
  // every module's pages (registered beside it in src/app.ts). The API keeps refusing form bodies: the
  // composition root answers them 415 before parsing (src/app.ts).
  (web as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return web;
}
