/**
 * The people pages (officers and supervisors, cs/en): the one-box search (POST: the name and birth
 * date never reach a URL or a log), a person's file (passports, the spellings of the name with why,
 * the decisions) with the persons who resemble it, and the supervisor's decisions — merge, mark as
 * different people, reverse a merge. The pages call the people module's own use cases, which check
 * the permission and the office scope and audit every search and read, exactly as for the API.
 * These pages live in the web layer, not in the people module: the web layer already depends on
 * people (through documents), so the people module may not import it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../../platform/http/deps.ts';
import {
  duplicatesOf,
  getPerson,
  markDistinct,
  mergePerson,
  PeopleSearchBody,
  searchPeople,
  unmergePerson,
} from '../../../people/index.ts';
import { formatDate } from '../../i18n/i18n.ts';
import { sendPage } from '../../http/send-page.ts';
import { Button, CsrfField, ErrorSummary } from '../../pages/components.tsx';
import { DataTable, Notice, StaffField } from '../controls.tsx';
import { errorFor, formBody, type PageFieldError } from '../forms.ts';
import { StaffLayout } from '../layout.tsx';
import { sendProblemPage } from '../problem-page.tsx';
import { requireStaff, staffPages } from '../session.ts';
import { STAFF_LOCALES, type StaffLocale } from '../texts.ts';
import type { PageStaffCtx } from '../who.ts';
import { peopleTexts } from './people-texts.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hide = { schema: { hide: true } } as const;
const DONE = ['merged', 'unmerged', 'distinct'] as const;

type Hit = Awaited<ReturnType<typeof searchPeople>>['hits'][number];
type Person = Awaited<ReturnType<typeof getPerson>>;
type Candidates = Awaited<ReturnType<typeof duplicatesOf>>['candidates'];

export function peoplePages(deps: AppDeps) {
  return async (app: FastifyInstance) =>
    staffPages(app, STAFF_LOCALES, (sub, locale) => {
      const tr = peopleTexts(locale);
      const date = (iso: string | null) => (iso ? formatDate(locale, iso.slice(0, 10)) : '—');

      const searchPage = (
        reply: FastifyReply,
        ctx: PageStaffCtx,
        v: { q?: string; dob?: string; hits?: Hit[]; errors?: PageFieldError[] },
        status = 200,
      ) => {
        // One token per answer: without a secret cookie yet, each call would make a new secret.
        const csrf = reply.generateCsrf();
        return sendPage(
          reply,
          <StaffLayout locale={locale} ctx={ctx} title={tr('search.title')} path="/staff/people" active="/staff/people" csrf={csrf}>
            <h1>{tr('search.title')}</h1>
            <p class="lead">{tr('search.lead')}</p>
            <ErrorSummary t={() => (locale === 'cs' ? 'Opravte prosím:' : 'Please correct the following:')} errors={v.errors ?? []} />
            <form method="post" action={`/${locale}/staff/people`} class="people-search" novalidate>
              <CsrfField token={csrf} />
              <div class="form-row">
                <StaffField name="q" label={tr('search.q')} value={v.q} maxLength={200} required error={errorFor(v.errors ?? [], 'q')} />
                <StaffField
                  name="dateOfBirth"
                  type="date"
                  label={tr('search.dob')}
                  value={v.dob}
                  error={errorFor(v.errors ?? [], 'dateOfBirth')}
                />
              </div>
              <Button>{tr('search.button')}</Button>
            </form>
            {v.hits ? (
              <DataTable
                caption={tr('search.results')}
                head={[tr('col.name'), tr('col.native'), tr('col.dob'), tr('col.nationality'), tr('col.why'), tr('col.similarity')]}
                numeric={[5]}
                empty={tr('search.none')}
                rowHeader
                rows={v.hits.map((h) => [
                  <a class="gov-link" href={`/${locale}/staff/people/${h.personId}`}>{`${h.surname} ${h.givenNames}`}</a>,
                  h.nativeName ?? '—',
                  date(h.dateOfBirth),
                  h.nationality,
                  `${h.matched}: ${h.why}`,
                  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(h.similarity),
                ])}
              />
            ) : null}
          </StaffLayout>,
          status,
        );
      };

      sub.get('/staff/people', hide, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, { roles: ['officer', 'supervisor'] });
        if (!ctx) return reply;
        return searchPage(reply, ctx, {});
      });

      sub.post<{ Body: Record<string, unknown> }>('/staff/people', { ...hide, preHandler: app.csrfProtection }, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, { roles: ['officer', 'supervisor'] });
        if (!ctx) return reply;
        const { body, errors } = formBody<{ q: string; dateOfBirth?: string }>(PeopleSearchBody, req.body, locale);
        const q = typeof req.body?.q === 'string' ? req.body.q.slice(0, 200) : '';
        const dob = typeof req.body?.dateOfBirth === 'string' ? req.body.dateOfBirth.slice(0, 10) : '';
        if (errors.length) return searchPage(reply, ctx, { q, dob, errors }, 422);
        const { hits } = await searchPeople(ctx, { ...body, limit: 50 });
        return searchPage(reply, ctx, { q, dob, hits });
      });

      const personPage = async (reply: FastifyReply, ctx: PageStaffCtx, id: string, done?: string) => {
        const p: Person = await getPerson(ctx, id);
        const candidates: Candidates = p.mergedInto ? [] : (await duplicatesOf(ctx, id)).candidates;
        const supervisor = ctx.actor.role === 'supervisor';
        const csrf = reply.generateCsrf();
        const name = `${p.surname} ${p.givenNames}`;
        return sendPage(
          reply,
          <StaffLayout
            locale={locale}
            ctx={ctx}
            title={`${tr('person.title')}: ${name}`}
            path={`/staff/people/${id}`}
            active="/staff/people"
            csrf={csrf}
          >
            {done && (DONE as readonly string[]).includes(done) ? <Notice>{tr(`done.${done}` as 'done.merged')}</Notice> : null}
            <h1>{name}</h1>
            <dl class="facts">
              <dt>{tr('col.native')}</dt>
              <dd>{p.nativeName ?? '—'}</dd>
              <dt>{tr('col.dob')}</dt>
              <dd>{date(p.dateOfBirth)}</dd>
              <dt>{tr('col.nationality')}</dt>
              <dd>{p.nationality}</dd>
            </dl>
            {p.mergedInto ? (
              <Notice kind="warning">
                <p>
                  {tr('person.merged_into')} <a href={`/${locale}/staff/people/${p.mergedInto}`}>{tr('person.open_target')}</a>
                </p>
                {supervisor ? (
                  <form method="post" action={`/${locale}/staff/people/${id}/unmerge`}>
                    <CsrfField token={csrf} />
                    <Button kind="outlined">{tr('unmerge.button')}</Button>
                  </form>
                ) : null}
              </Notice>
            ) : null}
            {p.mergedFrom.length ? <p>{tr('person.merged_from', { n: p.mergedFrom.length })}</p> : null}
            <DataTable
              caption={tr('person.passports')}
              head={[tr('col.number'), tr('col.nationality'), tr('col.expires'), tr('col.source')]}
              rows={p.passports.map((x) => [x.number, x.nationality, date(x.expiresOn), x.source])}
            />
            <DataTable
              caption={tr('person.variants')}
              head={[tr('col.text'), tr('col.system'), tr('col.why')]}
              rows={p.variants.map((v) => [v.text, v.system, v.why])}
            />
            <DataTable
              caption={tr('person.decisions')}
              head={[tr('col.kind'), tr('col.other'), tr('col.when'), tr('col.reversed')]}
              rows={p.decisions.map((d) => {
                const other = d.personId === id ? d.otherId : d.personId;
                return [
                  tr(`kind.${d.kind}` as 'kind.merge'),
                  <a href={`/${locale}/staff/people/${other}`}>{other.slice(0, 8)}</a>,
                  date(d.decidedAt),
                  d.reversedAt ? date(d.reversedAt) : tr('no'),
                ];
              })}
            />
            {p.mergedInto ? null : (
              <section aria-labelledby="dup-title">
                <h2 id="dup-title">{tr('dup.title')}</h2>
                <p>{tr('dup.lead')}</p>
                {candidates.length ? (
                  <DataTable
                    caption={tr('dup.title')}
                    captionHidden
                    head={supervisor ? [tr('col.other'), tr('dup.reasons'), tr('col.kind')] : [tr('col.other'), tr('dup.reasons')]}
                    rows={candidates.map((c) => [
                      ...[
                        <a class="gov-link" href={`/${locale}/staff/people/${c.personId}`}>
                          {tr('dup.open')} {c.personId.slice(0, 8)}
                        </a>,
                        <ul>
                          {c.reasons.map((r) => (
                            <li>
                              {r.code === 'NAME'
                                ? tr('dup.reason.name', {
                                    matched: r.matched,
                                    why: r.why,
                                    similarity: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(r.similarity),
                                  })
                                : r.code === 'BIRTH_DATE'
                                  ? tr('dup.reason.birth', { date: date(r.dateOfBirth) })
                                  : tr('dup.reason.passport')}
                            </li>
                          ))}
                        </ul>,
                      ],
                      ...(supervisor
                        ? [
                            <div class="actions-row">
                              <form method="post" action={`/${locale}/staff/people/${id}/merge`}>
                                <CsrfField token={csrf} />
                                <input type="hidden" name="into" value={c.personId} />
                                <Button kind="outlined">{tr('dup.merge')}</Button>
                              </form>
                              <form method="post" action={`/${locale}/staff/people/${id}/distinct`}>
                                <CsrfField token={csrf} />
                                <input type="hidden" name="other" value={c.personId} />
                                <Button kind="outlined">{tr('dup.distinct')}</Button>
                              </form>
                            </div>,
                          ]
                        : []),
                    ])}
                  />
                ) : (
                  <p>{tr('dup.none')}</p>
                )}
              </section>
            )}
          </StaffLayout>,
        );
      };

      sub.get<{ Params: { id: string }; Querystring: { done?: string } }>('/staff/people/:id', hide, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, { roles: ['officer', 'supervisor'] });
        if (!ctx) return reply;
        if (!UUID.test(req.params.id)) return sendProblemPage(reply, locale, ctx, { status: 404 });
        return personPage(reply, ctx, req.params.id, req.query.done);
      });

      const decision = (path: 'merge' | 'distinct' | 'unmerge', run: (ctx: PageStaffCtx, id: string, other: string) => Promise<unknown>) =>
        sub.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
          `/staff/people/:id/${path}`,
          { ...hide, preHandler: app.csrfProtection },
          async (req, reply) => {
            const ctx = await requireStaff(req, reply, deps, { roles: ['supervisor'] });
            if (!ctx) return reply;
            const other = String(req.body?.into ?? req.body?.other ?? '');
            if (!UUID.test(req.params.id) || (path !== 'unmerge' && !UUID.test(other)))
              return sendProblemPage(reply, locale, ctx, { status: 404 });
            await run(ctx, req.params.id, other);
            const done = path === 'merge' ? 'merged' : path === 'unmerge' ? 'unmerged' : 'distinct';
            return reply.redirect(`/${locale}/staff/people/${req.params.id}?done=${done}`, 303);
          },
        );
      decision('merge', (ctx, id, into) => mergePerson(ctx, id, into));
      decision('distinct', (ctx, id, other) => markDistinct(ctx, id, other));
      decision('unmerge', (ctx, id) => unmergePerson(ctx, id));
    });
}

export type { StaffLocale };
