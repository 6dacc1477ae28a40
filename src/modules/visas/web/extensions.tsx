/**
 * The mass extension from a page (supervisor; an admin may too, as by the API):
 * - `GET  /{cs|en}/staff/extensions` what each mass-extension rule would do (its windows, the new end
 *   date, the legal source, how many visas are eligible now), the start form, and the job history;
 * - `POST /{cs|en}/staff/extensions` starts a run — the use case of POST /api/v1/visas/extensions — and
 *   answers 303 to the run's page;
 * - `GET  /{cs|en}/staff/extensions/jobs/:id` the run's progress (processed / total as a <progress> with
 *   its text), refreshing itself every 2 seconds without JavaScript (`<meta http-equiv="refresh">`) while
 *   it runs and no longer once it is done, then its result.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import type { StaffCtx } from '../../auth/index.ts';
import {
  Button,
  chromeTexts,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  formatDate,
  formatDateTime,
  formBody,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  SourceLink,
  sendPage,
  StaffCheckbox,
  StaffField,
  StaffLayout,
  StaffSelect,
  type StaffLocale,
  t as webTexts,
} from '../../web/index.ts';
import { extensionPorts } from '../http/visas.routes.ts';
import * as S from '../http/visas.schema.ts';
import { describeExtensionRules, type ExtensionRuleView } from '../use-cases/extension-rules.ts';
import { type JobSummary, listJobs } from '../use-cases/list-jobs.ts';
import { getJob } from '../use-cases/read-visas.ts';
import { startExtension } from '../use-cases/start-extension.ts';
import { extensionTexts } from './extensions.texts.ts';

const hide = { schema: { hide: true } } as const;
/** Seconds between two refreshes of a running job's page. */
export const JOB_REFRESH_SECONDS = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Job = Awaited<ReturnType<typeof getJob>>;

function ExtensionsPage(p: {
  locale: StaffLocale;
  ctx: PageStaffCtx;
  csrf: string;
  rules: ExtensionRuleView[];
  jobs: JobSummary[];
  values?: Record<string, string>;
  errors?: PageFieldError[];
}) {
  const { locale } = p;
  const tr = extensionTexts(locale);
  const web = webTexts(locale);
  const chrome = chromeTexts(locale);
  const errors = p.errors ?? [];
  const d = (iso: string) => formatDate(locale, iso);
  const job = (id: string) => `/${locale}/staff/extensions/jobs/${id}`;
  return (
    <StaffLayout locale={locale} ctx={p.ctx} title={tr('ext.title')} path="/staff/extensions" active="/staff/extensions" csrf={p.csrf}>
      <h1>{tr('ext.title')}</h1>
      <p class="lead">{tr('ext.lead')}</p>
      <ErrorSummary t={(k) => chrome(k as 'err.summary')} errors={errors} />
      <section aria-labelledby="rules">
        <h2 id="rules">{tr('ext.rules')}</h2>
        {p.rules.length ? null : <p>{tr('ext.no_rules')}</p>}
        {p.rules.map((r) => (
          <div class="extension-rule">
            <h3>{tr('ext.rule', { id: r.plan.ruleId })}</h3>
            {r.plan.windows.map((w) => {
              const src = r.sources[w.source];
              return (
                <>
                  <p>
                    {tr('ext.window', {
                      codes: r.plan.visaCodes.join(', '),
                      war: String(r.plan.requiresWarRelated),
                      from: d(w.issuedFrom),
                      to: d(w.issuedTo),
                      validOn: d(w.validOnOrAfter),
                      extendTo: d(w.extendTo),
                    })}
                  </p>
                  {src ? (
                    <p>
                      <SourceLink t={web} url={src.url} label={src.label} />
                    </p>
                  ) : null}
                </>
              );
            })}
            <p>
              <strong>{tr('ext.eligible', { n: r.eligible })}</strong>
            </p>
            <p class="muted">{tr('ext.policy', { v: r.plan.policyVersion.slice(0, 12) })}</p>
          </div>
        ))}
      </section>
      {p.rules.length ? (
        <section aria-labelledby="start">
          <h2 id="start">{tr('ext.start')}</h2>
          <form method="post" action={`/${locale}/staff/extensions`} novalidate>
            <CsrfField token={p.csrf} />
            <StaffSelect
              name="rule"
              label={tr('ext.rule_field')}
              options={p.rules.map((r) => ({ value: r.plan.ruleId, label: r.plan.ruleId }))}
              selected={p.values?.rule}
              error={errorFor(errors, 'rule')}
              required
            />
            <StaffCheckbox name="dryRun" label={tr('ext.dry_run')} checked={p.values?.dryRun === 'on'} error={errorFor(errors, 'dryRun')} />
            <StaffField
              name="batchSize"
              type="number"
              label={tr('ext.batch')}
              hint={tr('ext.batch_hint')}
              value={p.values?.batchSize ?? '5000'}
              error={errorFor(errors, 'batchSize')}
            />
            <Button>{tr('ext.submit')}</Button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{tr('ext.history')}</h2>
        <DataTable
          caption={tr('ext.history_caption')}
          head={[tr('col.started'), tr('col.by'), tr('col.rule'), tr('col.kind'), tr('col.progress'), tr('col.status'), tr('col.details')]}
          rowHeader
          numeric={[4]}
          empty={tr('ext.history_none')}
          rows={p.jobs.map((j) => {
            const when = formatDateTime(locale, j.startedAt);
            return [
              when,
              j.startedBy?.name ?? tr('job.nobody'),
              j.ruleId ?? '—',
              j.dryRun ? tr('kind.dry') : tr('kind.run'),
              `${j.dryRun ? 0 : j.done} / ${j.total}`,
              tr(`status.${j.status}` as 'status.running'),
              <a href={job(j.id)}>{tr('job.open', { when })}</a>,
            ];
          })}
        />
      </section>
    </StaffLayout>
  );
}

function JobPage(p: { locale: StaffLocale; ctx: PageStaffCtx; csrf: string; job: Job; paused: boolean }) {
  const { locale, job } = p;
  const tr = extensionTexts(locale);
  const running = job.status === 'running';
  const here = `/${locale}/staff/extensions/jobs/${job.id}`;
  const total = job.total ?? 0;
  const done = job.dryRun ? 0 : job.done;
  const pct = total ? Math.floor((done / total) * 100) : job.status === 'succeeded' ? 100 : 0;
  const params = (job.params ?? {}) as { ruleId?: string; policyVersion?: string; batchSize?: number };
  const status = tr(`status.${job.status}` as 'status.running');
  return (
    <StaffLayout
      locale={locale}
      ctx={p.ctx}
      title={`${tr('job.title')} — ${status}`}
      path={`/staff/extensions/jobs/${job.id}`}
      active="/staff/extensions"
      csrf={p.csrf}
      {...(running && !p.paused ? { refreshSeconds: JOB_REFRESH_SECONDS } : {})}
    >
      <p>
        <a href={`/${locale}/staff/extensions`}>{tr('job.back')}</a>
      </p>
      <h1>{tr('job.title')}</h1>
      <p class="lead">
        {tr('job.lead', {
          rule: params.ruleId ?? '—',
          when: formatDateTime(locale, job.startedAt),
          by: job.startedBy?.name ?? tr('job.nobody'),
        })}
      </p>
      <dl class="facts">
        <dt>{tr('job.status')}</dt>
        <dd id="job-status" data-status={job.status}>
          {status}
          {job.dryRun ? ` (${tr('kind.dry')})` : ''}
        </dd>
        {job.finishedAt ? (
          <>
            <dt>{tr('job.finished')}</dt>
            <dd>{formatDateTime(locale, job.finishedAt)}</dd>
          </>
        ) : (
          <>
            <dt>{tr('job.last_progress')}</dt>
            <dd>{formatDateTime(locale, job.lastProgressAt)}</dd>
          </>
        )}
        {params.batchSize ? (
          <>
            <dt>{tr('job.batch')}</dt>
            <dd>{params.batchSize}</dd>
          </>
        ) : null}
        {params.policyVersion ? (
          <>
            <dt>{tr('job.policy')}</dt>
            <dd>
              <code>{params.policyVersion.slice(0, 12)}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {job.dryRun ? null : (
        <div class="job-progress">
          <label for="job-progress-bar">{tr('job.progress')}</label>
          <progress id="job-progress-bar" max={Math.max(total, 1)} value={total ? done : job.status === 'succeeded' ? 1 : 0}>
            {`${pct} %`}
          </progress>
          <p id="job-progress-text">{tr('job.progress_text', { done, total, pct })}</p>
        </div>
      )}
      <div role="status" id="job-result">
        {running && !p.paused ? (
          <p>
            {tr('job.refreshing', { s: JOB_REFRESH_SECONDS })} <a href={`${here}?refresh=off`}>{tr('job.pause')}</a>
          </p>
        ) : null}
        {running && p.paused ? (
          <p>
            {tr('job.paused')} <a href={`${here}?refresh=off`}>{tr('job.reload')}</a> · <a href={here}>{tr('job.resume')}</a>
          </p>
        ) : null}
        {job.status === 'succeeded' ? <p>{job.dryRun ? tr('job.dry_done', { total }) : tr('job.done', { done })}</p> : null}
        {job.status === 'failed' ? <p>{tr('job.failed', { error: job.error ?? '—' })}</p> : null}
        {job.status === 'interrupted' ? <p>{tr('job.interrupted', { error: job.error ?? '—' })}</p> : null}
      </div>
    </StaffLayout>
  );
}

export function extensionRoutes(root: FastifyInstance, sub: FastifyInstance, locale: StaffLocale, deps: AppDeps) {
  const page = async (
    reply: FastifyReply,
    ctx: StaffCtx,
    extra: { values?: Record<string, string>; errors?: PageFieldError[] } = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      <ExtensionsPage
        locale={locale}
        ctx={ctx}
        csrf={reply.generateCsrf()}
        rules={await describeExtensionRules(ctx)}
        jobs={await listJobs(ctx)}
        {...extra}
      />,
      status,
    );

  sub.get('/staff/extensions', hide, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps);
    if (!ctx) return reply;
    return page(reply, ctx);
  });

  sub.post<{ Body: Record<string, string | undefined> }>(
    '/staff/extensions',
    { ...hide, preHandler: root.csrfProtection },
    async (req, reply) => {
      const ctx = await requireStaff(req, reply, deps);
      if (!ctx) return reply;
      const f = req.body ?? {};
      const values = {
        rule: String(f.rule ?? '').trim(),
        dryRun: f.dryRun === 'on' ? 'on' : '',
        batchSize: String(f.batchSize ?? '').trim(),
      };
      const { body, errors } = formBody<{ rule: string; dryRun?: boolean; batchSize?: number }>(
        S.ExtensionBody,
        { rule: values.rule, dryRun: values.dryRun === 'on' ? 'on' : 'false', batchSize: values.batchSize },
        locale,
      );
      if (errors.length) return page(reply, ctx, { values, errors }, 422);
      try {
        const id = await startExtension(ctx, extensionPorts(req, deps), body);
        return reply.redirect(`/${locale}/staff/extensions/jobs/${id}`, 303);
      } catch (e) {
        const fields = problemFields(e, locale);
        if (fields) return page(reply, ctx, { values, errors: fields }, 422);
        throw e;
      }
    },
  );

  sub.get<{ Params: { id: string }; Querystring: { refresh?: string } }>('/staff/extensions/jobs/:id', hide, async (req, reply) => {
    const ctx = await requireStaff(req, reply, deps);
    if (!ctx) return reply;
    if (!UUID.test(req.params.id)) throw new AppError(GenericErrors.NOT_FOUND, 'No such job.');
    const job = await getJob(ctx, req.params.id);
    // `?refresh=off`: the reader stops the automatic refresh (WCAG 2.2.1) and reloads by the link.
    const paused = req.query.refresh === 'off';
    return sendPage(reply, <JobPage locale={locale} ctx={ctx} csrf={reply.generateCsrf()} job={job} paused={paused} />);
  });
}
