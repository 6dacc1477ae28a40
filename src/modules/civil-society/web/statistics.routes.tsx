/**
 * `/{lang}/statistics/civil-society` (public, five languages): the programme's disclosure-controlled
 * figures — the same use case as GET /api/v1/public/statistics/civil-society — as tables, with the CSV
 * and why exact numbers are not published. Every figure is a range label; nothing else leaves.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/http/deps.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { DataTable, Layout, perLocale, sendPage, t } from '../../web/index.ts';
import { SUPPRESS_BELOW } from '../domain/disclosure.ts';
import { publicStatistics } from '../use-cases/statistics.ts';
import { statisticsTexts, type StatisticsKey } from './statistics.texts.ts';

type Figures = Awaited<ReturnType<typeof publicStatistics>>;
const DIMENSIONS = ['status', 'category', 'nationality', 'month'] as const;
const PATH = '/statistics/civil-society';

const monthLabel = (locale: Locale, ym: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));

function StatisticsPage({ locale, f }: { locale: Locale; f: Figures }) {
  const tr = statisticsTexts(locale);
  const fig = (label: string) => tr(`fig.${label}` as StatisticsKey);
  const value = (dimension: string, v: string) => {
    if (dimension === 'month') return monthLabel(locale, v);
    const prefix = dimension === 'status' ? 'status' : dimension === 'category' ? 'cat' : 'nat';
    return tr(`${prefix}.${v}` as StatisticsKey);
  };
  return (
    <Layout locale={locale} t={t(locale)} title={tr('title')} path={PATH}>
      <div class="stats-page">
        <h1>{tr('title')}</h1>
        <p class="lead">{tr('intro')}</p>
        <section aria-labelledby="why" class="stats-why">
          <h2 id="why">{tr('why.title')}</h2>
          <p>{tr('why.text', { n: SUPPRESS_BELOW })}</p>
        </section>
        <p class="stats-total">
          <strong>{tr('total')}:</strong> {fig(f.total)}
        </p>
        {DIMENSIONS.map((d) => {
          const cells = f.cells.filter((c) => c.dimension === d);
          return (
            <DataTable
              caption={tr(`table.${d}`)}
              rowHeader
              empty={tr('empty')}
              head={[tr(`col.${d}`), tr('col.figure')]}
              numeric={[1]}
              rows={cells.map((c) => [value(d, c.value), fig(c.figure)])}
            />
          );
        })}
        <p>
          <a class="gov-link" href="/api/v1/public/statistics/civil-society.csv" download>
            {tr('csv')}
          </a>{' '}
          <a class="gov-link" href="/api/v1/public/statistics/civil-society">
            {tr('api')}
          </a>
        </p>
        <section aria-labelledby="method">
          <h2 id="method">{tr('method.title')}</h2>
          <ul>
            <li>{tr('method.ranges', { n: SUPPRESS_BELOW })}</li>
            <li>{tr('method.months', { month: monthLabel(locale, f.upToMonth) })}</li>
            <li>{tr('method.fixed')}</li>
          </ul>
        </section>
      </div>
    </Layout>
  );
}

export function statisticsPages(app: FastifyInstance, deps: AppDeps) {
  return perLocale(app, (sub, locale) => {
    sub.get(PATH, { schema: { hide: true } }, async (_req, reply) => {
      const f = await publicStatistics(deps.db, deps.clock.now());
      return sendPage(reply, <StatisticsPage locale={locale} f={f} />);
    });
  });
}
