/**
 * The supervisor dashboard `GET /{cs|en}/staff/dashboard`: the office's figures from the same use case
 * as `GET /api/v1/stats/cases` (the access checks are inside it), as server-rendered SVG charts, each
 * with its data as a table, and the cases at risk as a list linking to each case. The period is a GET
 * form with two dates only (no personal data in the URL); a wrong period answers 422 with the message
 * beside its field.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppDeps } from '../../../platform/http/deps.ts';
import {
  BarChart,
  Button,
  DataTable,
  ErrorSummary,
  formatDate,
  LineChart,
  type PageFieldError,
  type PageStaffCtx,
  problemFields,
  requireStaff,
  STAFF_LOCALES,
  StaffField,
  StaffLayout,
  type StaffLocale,
  StackedBarChart,
  sendPage,
  staffPages,
  t as webTexts,
  errorFor,
} from '../../web/index.ts';
import { caseStatistics, type CaseStatistics } from '../use-cases/case-statistics.ts';
import { type DashboardKey, dashboardTexts } from './dashboard.texts.ts';

const PATH = '/staff/dashboard';
const hide = { schema: { hide: true } } as const;

type Tr = ReturnType<typeof dashboardTexts>;

/** A date input's value: a string the use case checks; an empty field is no value. */
const dateParam = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function short(locale: StaffLocale, iso: string) {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}
/** A month in words for the tables ("duben 2024"), as digits on the axis ("4/2024": short in both languages). */
function monthLabel(locale: StaffLocale, month: string, style: 'long' | 'short') {
  const opts: Intl.DateTimeFormatOptions = style === 'long' ? { month: 'long', year: 'numeric' } : { month: 'numeric', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}
const typeLabel = (tr: Tr, id: string) => {
  const key = `type.${id}` as DashboardKey;
  const s = tr(key);
  return s === key ? id : s;
};

function RangeForm(p: { locale: StaffLocale; tr: Tr; from?: string; to?: string; errors: PageFieldError[] }) {
  return (
    <form method="get" action={`/${p.locale}${PATH}`} class="dashboard-range" novalidate>
      <fieldset>
        <legend>{p.tr('range.legend')}</legend>
        <div class="dashboard-range__fields">
          <StaffField name="from" type="date" label={p.tr('range.from')} value={p.from ?? ''} error={errorFor(p.errors, 'from')} />
          <StaffField name="to" type="date" label={p.tr('range.to')} value={p.to ?? ''} error={errorFor(p.errors, 'to')} />
          <Button kind="outlined">{p.tr('range.submit')}</Button>
        </div>
        <p class="field-hint">{p.tr('range.hint')}</p>
      </fieldset>
    </form>
  );
}

function Section(p: { id: string; title: string; explain: string; children: ComponentChildren }) {
  return (
    <section class="dashboard-section" aria-labelledby={`${p.id}-h`}>
      <h2 id={`${p.id}-h`}>{p.title}</h2>
      <p class="muted">{p.explain}</p>
      {p.children}
    </section>
  );
}

function Figures({ locale, tr, s }: { locale: StaffLocale; tr: Tr; s: CaseStatistics }) {
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const common = { locale, tableLabel: tr('table'), emptyText: tr('empty') };
  const partial = (label: string, isPartial: boolean) => (isPartial ? tr('partial', { label }) : label);

  const weeks = s.intakeByWeek.weeks;
  const busiest = weeks.reduce((b, w) => (w.total > (b?.total ?? -1) ? w : b), weeks[0]);
  const intakeTotal = weeks.reduce((n, w) => n + w.total, 0);
  const bucket = (b: string) => s.backlog.buckets.find((x) => x.bucket === b)?.count ?? 0;
  const outcomeSum = (k: 'granted' | 'refused' | 'inadmissible' | 'withdrawn' | 'discontinued') =>
    s.outcomesByMonth.reduce((n, m) => n + m[k], 0);
  const months = s.outcomesByMonth.map((m) => ({
    key: m.month,
    label: partial(monthLabel(locale, m.month, 'long'), m.partial),
    short: monthLabel(locale, m.month, 'short'),
  }));
  const o = s.timeToDecision.overall;

  return (
    <>
      <Section id="intake" title={tr('intake.h2')} explain={tr('intake.explain')}>
        <StackedBarChart
          {...common}
          id="chart-intake"
          title={tr('intake.h2')}
          desc={tr('intake.desc', {
            total: intakeTotal,
            weeks: weeks.length,
            max: busiest?.total ?? 0,
            week: busiest ? Number(busiest.week.slice(6)) : '',
          })}
          xLabel={tr('intake.x')}
          yLabel={tr('intake.y')}
          categories={weeks.map((w) => ({
            key: w.week,
            short: String(Number(w.week.slice(6))),
            label: partial(tr('intake.week', { week: w.week, from: short(locale, w.from), to: formatDate(locale, w.to) }), w.partial),
          }))}
          series={s.intakeByWeek.caseTypes.map((t, i) => ({
            key: t,
            label: typeLabel(tr, t),
            values: weeks.map((w) => w.byType[i]?.count ?? 0),
          }))}
          totalLabel={tr('total')}
        />
      </Section>

      <Section id="backlog" title={tr('backlog.h2')} explain={tr('backlog.explain')}>
        <BarChart
          {...common}
          id="chart-backlog"
          title={tr('backlog.h2')}
          desc={tr('backlog.desc', {
            total: s.backlog.total,
            overdue: bucket('overdue'),
            soon: bucket('d0_5'),
            interrupted: bucket('interrupted'),
          })}
          xLabel={tr('backlog.x')}
          yLabel={tr('backlog.y')}
          categories={s.backlog.buckets.map((b) => ({
            key: b.bucket,
            label: tr(`bucket.${b.bucket}` as DashboardKey),
            short: tr(`bucket.short.${b.bucket}` as DashboardKey),
          }))}
          series={[{ key: 'count', label: tr('backlog.y'), values: s.backlog.buckets.map((b) => b.count) }]}
        />
      </Section>

      <Section id="risk" title={tr('risk.h2')} explain={tr('risk.explain', { n: s.atRisk.workingDaysThreshold })}>
        <DataTable
          caption={tr('risk.caption', { count: s.atRisk.items.length, asOf: formatDate(locale, s.atRisk.asOf) })}
          head={[
            tr('risk.reference'),
            tr('risk.type'),
            tr('risk.received'),
            tr('risk.due'),
            tr('risk.days'),
            tr('risk.working'),
            tr('risk.assignee'),
          ]}
          rowHeader
          numeric={[4, 5]}
          rowClass={(i) => (s.atRisk.items[i]?.overdue ? 'overdue' : undefined)}
          rows={s.atRisk.items.map((c) => [
            <a href={`/${locale}/staff/cases/${c.id}`}>{c.reference}</a>,
            typeLabel(tr, c.caseType),
            formatDate(locale, c.receivedOn),
            formatDate(locale, c.dueOn),
            c.overdue ? <strong>{tr('risk.overdue', { n: -c.daysLeft })}</strong> : nf.format(c.daysLeft),
            nf.format(c.workingDaysLeft),
            c.assignee ? c.assignee.displayName : <span class="muted">{tr('risk.nobody')}</span>,
          ])}
          empty={tr('risk.none', { n: s.atRisk.workingDaysThreshold })}
        />
      </Section>

      <Section id="outcomes" title={tr('outcomes.h2')} explain={tr('outcomes.explain')}>
        <StackedBarChart
          {...common}
          id="chart-outcomes"
          title={tr('outcomes.h2')}
          desc={tr('outcomes.desc', {
            total:
              outcomeSum('granted') +
              outcomeSum('refused') +
              outcomeSum('inadmissible') +
              outcomeSum('withdrawn') +
              outcomeSum('discontinued'),
            granted: outcomeSum('granted'),
            refused: outcomeSum('refused'),
            inadmissible: outcomeSum('inadmissible'),
            withdrawn: outcomeSum('withdrawn'),
            discontinued: outcomeSum('discontinued'),
          })}
          xLabel={tr('outcomes.x')}
          yLabel={tr('outcomes.y')}
          categories={months}
          series={(['granted', 'refused', 'inadmissible', 'withdrawn', 'discontinued'] as const).map((k) => ({
            key: k,
            label: tr(`outcome.${k}`),
            values: s.outcomesByMonth.map((m) => m[k]),
          }))}
          totalLabel={tr('total')}
        />
      </Section>

      <Section id="ttd" title={tr('ttd.h2')} explain={tr('ttd.explain')}>
        <LineChart
          {...common}
          id="chart-ttd"
          title={tr('ttd.h2')}
          desc={tr('ttd.desc', { n: o.decisions, median: nf.format(o.medianDays ?? 0), p90: nf.format(o.p90Days ?? 0) })}
          xLabel={tr('ttd.x')}
          yLabel={tr('ttd.y')}
          categories={s.timeToDecision.months.map((m) => ({
            key: m.month,
            label: partial(monthLabel(locale, m.month, 'long'), m.partial),
            short: monthLabel(locale, m.month, 'short'),
          }))}
          series={[
            { key: 'median', label: tr('ttd.median'), values: s.timeToDecision.months.map((m) => m.medianDays) },
            { key: 'p90', label: tr('ttd.p90'), values: s.timeToDecision.months.map((m) => m.p90Days) },
          ]}
          tableOnly={[{ key: 'n', label: tr('ttd.decisions'), values: s.timeToDecision.months.map((m) => m.decisions) }]}
          format={{ maximumFractionDigits: 1 }}
        />
        <p>{tr('ttd.desc', { n: o.decisions, median: nf.format(o.medianDays ?? 0), p90: nf.format(o.p90Days ?? 0) })}</p>
      </Section>
    </>
  );
}

async function renderDashboard(
  reply: FastifyReply,
  locale: StaffLocale,
  ctx: PageStaffCtx,
  q: { from?: string; to?: string },
): Promise<FastifyReply> {
  const tr = dashboardTexts(locale);
  let stats: CaseStatistics | null = null;
  let errors: PageFieldError[] = [];
  try {
    stats = await caseStatistics(ctx, { from: q.from, to: q.to });
  } catch (err) {
    const fields = problemFields(err, locale, {
      INVALID_DATE: tr('reason.INVALID_DATE'),
      IN_FUTURE: tr('reason.IN_FUTURE'),
      AFTER_TO: tr('reason.AFTER_TO'),
      RANGE_TOO_LONG: tr('reason.RANGE_TOO_LONG'),
    });
    if (!fields) throw err;
    errors = fields;
  }
  const query = new URLSearchParams({ ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) }).toString();
  const office = stats?.officeId ?? ctx.actor.officeId ?? '';
  return sendPage(
    reply,
    <StaffLayout
      locale={locale}
      ctx={ctx}
      title={tr('title')}
      path={`${PATH}${query ? `?${query}` : ''}`}
      active={PATH}
      csrf={reply.generateCsrf()}
    >
      <h1>{tr('h1', { office })}</h1>
      <ErrorSummary t={webTexts(locale)} errors={errors} />
      {stats ? (
        <p class="lead">
          {tr('lead', { from: formatDate(locale, stats.from), to: formatDate(locale, stats.to), asOf: formatDate(locale, stats.asOf) })}
        </p>
      ) : null}
      <RangeForm locale={locale} tr={tr} from={q.from ?? stats?.from} to={q.to ?? stats?.to} errors={errors} />
      <nav class="dashboard-links" aria-label={tr('links.title')}>
        <ul class="gov-list--plain">
          <li>
            <a href={`/${locale}/staff/extensions`}>{tr('links.extensions')}</a>
          </li>
          <li>
            <a href={`/${locale}/staff/queue`}>{tr('links.queue')}</a>
          </li>
        </ul>
      </nav>
      {stats ? <Figures locale={locale} tr={tr} s={stats} /> : null}
    </StaffLayout>,
    errors.length ? 422 : 200,
  );
}

/** The dashboard pages (cs, en). A supervisor only: another role gets the 403 page before any figure is read. */
export function dashboardPages(deps: AppDeps) {
  return async (app: FastifyInstance) =>
    staffPages(app, STAFF_LOCALES, (sub, locale) => {
      sub.get<{ Querystring: Record<string, unknown> }>(PATH, hide, async (req, reply) => {
        const ctx = await requireStaff(req, reply, deps, { roles: ['supervisor'] });
        if (!ctx) return reply;
        return renderDashboard(reply, locale, ctx, { from: dateParam(req.query.from), to: dateParam(req.query.to) });
      });
    });
}
