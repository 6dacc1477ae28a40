import type { ResultView, RouteView } from '../navigator/result.ts';
import { formatDate, type Locale, type T } from '../i18n/i18n.ts';
import type { ComponentChildren } from 'preact';
import { Button, Icon, Layout, Select, SourceLink } from './components.tsx';

/**
 * The seed facts an applicant or holder needs carry `data-fact` (docs/WEB.md lists them;
 * test/web/seed-facts.test.ts checks each in five languages). Policy texts are marked by their code.
 */
const FACT_OF_CODE: Record<string, string> = {
  'route.temporary_protection': 'temporary-protection-route',
  'route.tolerance_visa': 'tolerance-route',
  'route.civil_society_programme': 'civil-society-route',
  'route.humanitarian_exception': 'humanitarian-route',
  'route.study_residence_by': 'study-route',
  'rights.work.permit_required': 'work-permit',
  'rights.public_health_insurance.false': 'no-health-insurance',
  'rights.humanitarian_benefit.false': 'no-humanitarian-benefits',
  'rights.travel_and_reentry.true': 'travel-reentry',
  'g.nothing_needed': 'nothing-to-do',
  'g.sticker_optional': 'sticker-optional',
  'g.book_by_phone_or_online': 'sticker-booking',
  'suspension.exception.humanitarian': 'suspension-humanitarian-exception',
  'suspension.exception.scholarship_study': 'suspension-student-exception',
  'suspension.exception.university_study': 'suspension-student-exception',
};
const fact = (code: string) => FACT_OF_CODE[code];

export interface OfficeView {
  name: string;
  address: string | null;
  addressVerified: boolean;
  phone: string | null;
}

export interface ResultProps {
  locale: Locale;
  t: T;
  view: ResultView;
  answered: number;
  state: string;
  stateWithoutRegion: string;
  backHref: string;
  regions: { code: string; name: string }[];
  region?: string;
  offices: OfficeView[];
}

function Route({ t, r, heading, children }: { t: T; r: RouteView; heading: string; children?: ComponentChildren }) {
  return (
    <section class="route" aria-labelledby={`h-${r.rule}`}>
      <h2 id={`h-${r.rule}`}>{heading}</h2>
      <p class="route-title" data-fact={fact(r.rule)}>
        <strong>{r.title}</strong>
      </p>
      <p>{r.outcomeText}</p>
      {children}
      {r.reasons.length ? (
        <>
          <h3>{t('r.why')}</h3>
          <ul>
            {r.reasons.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
      {r.change.length ? (
        <>
          <h3>{t('r.change')}</h3>
          <ul>
            {r.change.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
      {r.source ? (
        <p>
          <SourceLink t={t} url={r.source.url} label={r.source.label} />
        </p>
      ) : null}
    </section>
  );
}

export function ResultPage(p: ResultProps) {
  const { locale, t, view } = p;
  const d = (iso: string) => formatDate(locale, iso);
  const route = view.fits?.rule;
  return (
    <Layout locale={locale} t={t} title={t('r.title')} path={`/navigator?${p.state}`}>
      <p>
        <a class="back-link" href={p.backHref}>
          <Icon name="back" />
          <span>{t('r.change_answers')}</span>
        </a>
      </p>
      <h1>{t('r.title')}</h1>
      <p class="muted">
        {t('r.on', { date: d(view.on) })} {t('r.answers', { n: p.answered })}
      </p>

      {view.branch === 'temporary_protection_holder' ? (
        <section>
          <h2>{t('tp.title')}</h2>
          <p>{t('tp.holder')}</p>
        </section>
      ) : null}

      {view.holder ? (
        <section class="route" aria-labelledby="h-holder">
          <h2 id="h-holder">{t('holder.title')}</h2>
          <p data-fact="auto-extension">
            <strong>
              {view.holder.outcome === 'extended'
                ? view.holder.extendedTo
                  ? t('holder.extended', { date: d(view.holder.extendedTo) })
                  : t('holder.review')
                : view.holder.outcome === 'not_extended'
                  ? t('holder.not_extended')
                  : t('holder.review')}
            </strong>
          </p>
          {view.holder.scope ? (
            <p data-fact="auto-extension-scope">
              {t('holder.scope', { effective: d(view.holder.scope.effectiveOn), since: d(view.holder.scope.issuedFrom) })}
            </p>
          ) : null}
          <ul>
            {view.holder.guidance.map((g) => (
              <li data-fact={fact(g.code)}>{g.text}</li>
            ))}
            <li data-fact="authorities-informed">{t('holder.authorities')}</li>
            <li data-fact="not-tp-system">
              <strong>{t('holder.tp_system')}</strong>
            </li>
          </ul>
          <p>
            <a href={`/${locale}/status`}>{t('r.holder_link')}</a>
          </p>
          {view.holder.source ? (
            <p>
              <SourceLink t={t} url={view.holder.source.url} label={view.holder.source.label} />
            </p>
          ) : null}
        </section>
      ) : null}

      {view.branch === 'routes' && view.fits ? (
        <Route t={t} r={view.fits} heading={t('r.fits')}>
          {route === 'route.tolerance_visa' ? <p data-fact="no-tp-not-leave">{t('tol.intro')}</p> : null}
          {route === 'route.temporary_protection' ? <p data-fact="temporary-protection">{t('tp.text')}</p> : null}
          {route === 'route.civil_society_programme' ? <p data-fact="civil-society-ngo">{t('csp.text')}</p> : null}
          {route === 'route.study_residence_by' ? <p data-fact="study-scholarship">{t('study.text')}</p> : null}
          {route === 'route.humanitarian_exception' ? <p data-fact="humanitarian-individual">{t('hum.text')}</p> : null}
        </Route>
      ) : null}
      {view.branch === 'routes' && !view.fits && view.possible.length
        ? view.possible.map((r) => <Route t={t} r={r} heading={t('r.maybe')} />)
        : null}
      {view.branch === 'routes' && !view.fits && !view.possible.length ? (
        <section>
          <h2 data-fact="no-route">{t('r.none')}</h2>
          <p>{t('r.none_help')}</p>
        </section>
      ) : null}

      {view.tolerance && view.branch === 'routes' ? (
        <section aria-labelledby="h-bring">
          <h2 id="h-bring">{t('tol.bring')}</h2>
          <ol class="checklist">
            <li data-fact="form-capital-latin-czech">{t('tol.form')}</li>
            <li data-fact="passport">{t('tol.passport')}</li>
            <li data-fact="photo">{t('tol.photo')}</li>
            {view.tolerance.feeCzk !== null ? <li data-fact="duty-stamps">{t('tol.fee', { amount: view.tolerance.feeCzk })}</li> : null}
            <li data-fact="affidavit-notary">{t('tol.affidavit')}</li>
          </ol>
          <p data-fact="inadmissible-returned">{t('tol.missing')}</p>
          {view.tolerance.decisionDays !== null ? (
            <p data-fact="decision-30-days-post">{t('tol.time', { days: view.tolerance.decisionDays })}</p>
          ) : null}
          {view.fits?.source ? (
            <p>
              <SourceLink t={t} url={view.fits.source.url} label={view.fits.source.label} />
            </p>
          ) : null}
          {view.tolerance.feeSource ? (
            <p>
              <SourceLink t={t} url={view.tolerance.feeSource.url} label={view.tolerance.feeSource.label} />
            </p>
          ) : null}
          <p>{t('r.prepare_help')}</p>
          <p>
            <a
              class="gov-button prepare-link"
              data-type="solid"
              data-color="primary"
              data-size="l"
              href={`/${locale}/documents${p.state ? `?${p.state}` : ''}`}
            >
              <span class="element">{t('r.prepare')}</span>
            </a>
          </p>
        </section>
      ) : null}

      {view.tolerance ? (
        <section aria-labelledby="h-rights">
          <h2 id="h-rights">{t('tol.rights')}</h2>
          <ul>
            {view.tolerance.rights.map((x) => (
              <li data-fact={fact(x.code)}>{x.text}</li>
            ))}
          </ul>
          {view.tolerance.rightsSource ? (
            <p>
              <SourceLink t={t} url={view.tolerance.rightsSource.url} label={view.tolerance.rightsSource.label} />
            </p>
          ) : null}
        </section>
      ) : null}

      {view.tolerance ? (
        <section aria-labelledby="h-where">
          <h2 id="h-where">{t('where.title')}</h2>
          <p data-fact="in-person-oamp-region">{t('where.intro')}</p>
          <form method="get" action={`/${locale}/navigator`} class="region-form">
            {[...new URLSearchParams(p.stateWithoutRegion)].map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
            <Select
              id="region"
              name="region"
              label={t('where.region')}
              options={p.regions.map((r) => ({ value: r.code, label: r.name }))}
              selected={p.region}
            />
            <Button>{t('where.show')}</Button>
          </form>
          {p.offices.map((o) => (
            <div class="office" data-fact="office-address">
              <h3>{o.name}</h3>
              <p>{o.address ?? t('where.no_address')}</p>
              {o.address && !o.addressVerified ? <p class="muted">{t('where.unconfirmed')}</p> : null}
              {o.phone ? <p>{o.phone}</p> : null}
            </div>
          ))}
          <p data-fact="office-hours">{t('where.hours')}</p>
          <p data-fact="office-booking">{t('where.book')}</p>
        </section>
      ) : null}

      {view.suspension ? (
        <section aria-labelledby="h-sus">
          <h2 id="h-sus">{t('sus.title')}</h2>
          {view.suspension.inForce ? <p data-fact="suspension">{t('sus.lead')}</p> : null}
          <p data-fact="suspension-end">
            {view.suspension.inForce
              ? view.suspension.endsOn
                ? t('sus.end', { date: d(view.suspension.endsOn) })
                : t('sus.end_open')
              : view.suspension.outcomeText}
          </p>
          {view.suspension.source ? (
            <p>
              <SourceLink t={t} url={view.suspension.source.url} label={view.suspension.source.label} />
            </p>
          ) : null}
          {view.suspension.exceptions.length ? (
            <>
              <h3>{t('sus.exceptions')}</h3>
              <ul>
                {view.suspension.exceptions.map((e) => (
                  <li data-fact={fact(e.id)}>
                    {e.url ? (
                      <a href={e.url} rel="noopener noreferrer">
                        {e.label}
                      </a>
                    ) : (
                      e.label
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <p>
        <a href={`/${locale}/navigator`}>{t('r.restart')}</a>
      </p>
    </Layout>
  );
}
