import type { ResultView, RouteView } from '../navigator/result.ts';
import { formatDate, type Locale, type T } from '../i18n/i18n.ts';
import { Button, Icon, Layout, Select, SourceLink } from './components.tsx';

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

function Route({ t, r, heading }: { t: T; r: RouteView; heading: string }) {
  return (
    <section class="route" aria-labelledby={`h-${r.rule}`}>
      <h2 id={`h-${r.rule}`}>{heading}</h2>
      <p class="route-title">
        <strong>{r.title}</strong>
      </p>
      <p>{r.outcomeText}</p>
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
          <p>
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
          <ul>
            {view.holder.guidance.map((g) => (
              <li>{g}</li>
            ))}
            <li>
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

      {view.branch === 'routes' && view.fits ? <Route t={t} r={view.fits} heading={t('r.fits')} /> : null}
      {view.branch === 'routes' && !view.fits && view.possible.length
        ? view.possible.map((r) => <Route t={t} r={r} heading={t('r.maybe')} />)
        : null}
      {view.branch === 'routes' && !view.fits && !view.possible.length ? (
        <section>
          <h2>{t('r.none')}</h2>
          <p>{t('r.none_help')}</p>
        </section>
      ) : null}

      {route === 'route.temporary_protection' ? <p>{t('tp.text')}</p> : null}
      {route === 'route.civil_society_programme' ? <p>{t('csp.text')}</p> : null}
      {route === 'route.study_residence_by' ? <p>{t('study.text')}</p> : null}
      {route === 'route.humanitarian_exception' ? <p>{t('hum.text')}</p> : null}

      {view.tolerance && view.branch === 'routes' ? (
        <section aria-labelledby="h-bring">
          <h2 id="h-bring">{t('tol.bring')}</h2>
          <ol class="checklist">
            <li>{t('tol.form')}</li>
            <li>{t('tol.passport')}</li>
            <li>{t('tol.photo')}</li>
            {view.tolerance.feeCzk !== null ? <li>{t('tol.fee', { amount: view.tolerance.feeCzk })}</li> : null}
            <li>{t('tol.affidavit')}</li>
          </ol>
          <p>{t('tol.missing')}</p>
          {view.tolerance.decisionDays !== null ? <p>{t('tol.time', { days: view.tolerance.decisionDays })}</p> : null}
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
              <li>{x}</li>
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
          <p>{t('where.intro')}</p>
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
            <div class="office">
              <h3>{o.name}</h3>
              <p>{o.address ?? t('where.no_address')}</p>
              {o.address && !o.addressVerified ? <p class="muted">{t('where.unconfirmed')}</p> : null}
              {o.phone ? <p>{o.phone}</p> : null}
            </div>
          ))}
          <p>{t('where.hours')}</p>
          <p>{t('where.book')}</p>
        </section>
      ) : null}

      {view.suspension ? (
        <section aria-labelledby="h-sus">
          <h2 id="h-sus">{t('sus.title')}</h2>
          <p>
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
                  <li>
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
