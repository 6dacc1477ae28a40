/**
 * The frame of every staff and partner page: the service name, who is signed in and in which role, the
 * navigation that role has, the language switch (Czech and English for staff; all five for partner
 * caseworkers), sign-out (a POST with the CSRF token), and the footer. Built on the design system's
 * tokens like the applicants' Layout, with the same skip link and focus rings (assets/web.css).
 */
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../../platform/i18n.ts';
import { LOCALE_NAMES } from '../i18n/i18n.ts';
import { DS_CSS, Icon } from '../pages/components.tsx';
import { type ChromeKey, chromeTexts } from './chrome-texts.ts';
import type { PageRole, PageStaffCtx } from './who.ts';
import { STAFF_LOCALES } from './texts.ts';

/** Design-system files only the staff pages use. */
export const STAFF_DS_CSS = ['components/gov-form-checkbox.css', 'components/gov-tag.css'];

/** What each role finds in the navigation: [text key, path after the locale]. */
export const NAV: Record<PageRole, ReadonlyArray<readonly [ChromeKey, string]>> = {
  officer: [
    ['nav.queue', '/staff/queue'],
    ['nav.intake', '/staff/intake'],
    ['nav.register', '/staff/register'],
    ['nav.people', '/staff/people'],
    ['nav.appointments', '/staff/appointments'],
    ['nav.nominations', '/staff/nominations'],
  ],
  supervisor: [
    ['nav.dashboard', '/staff/dashboard'],
    ['nav.queue', '/staff/queue'],
    ['nav.intake', '/staff/intake'],
    ['nav.register', '/staff/register'],
    ['nav.people', '/staff/people'],
    ['nav.appointments', '/staff/appointments'],
    ['nav.extensions', '/staff/extensions'],
    ['nav.audit', '/staff/audit'],
    ['nav.nominations', '/staff/nominations'],
  ],
  admin: [
    ['nav.admin_users', '/staff/admin/users'],
    ['nav.admin_orgs', '/staff/admin/organisations'],
    ['nav.admin_authorities', '/staff/admin/authorities'],
    ['nav.admin_webhooks', '/staff/admin/webhooks'],
    ['nav.audit', '/staff/audit'],
  ],
  caseworker: [
    ['nav.ngo', '/ngo/nominations'],
    ['nav.ngo_new', '/ngo/nominations/new'],
  ],
};

/** Where a role lands after signing in. */
export const HOME: Record<PageRole, string> = {
  officer: '/staff/queue',
  supervisor: '/staff/dashboard',
  admin: '/staff/admin/users',
  caseworker: '/ngo/nominations',
};

export interface StaffLayoutProps {
  locale: Locale;
  /** The signed-in person; null on the sign-in page and on errors before sign-in. */
  ctx: PageStaffCtx | null;
  title: string;
  /** The path after the locale, for the language switch. */
  path: string;
  /** The navigation entry (path after the locale) this page belongs to. */
  active?: string;
  /** The languages the page exists in (staff pages: cs and en). */
  locales?: readonly Locale[];
  /** The CSRF token for the sign-out form (`reply.generateCsrf()`); without it, sign-out is a link to the sign-in page. */
  csrf?: string;
  /** A page that refreshes itself without JavaScript (a running job): seconds. */
  refreshSeconds?: number;
  children: ComponentChildren;
}

export function StaffLayout(p: StaffLayoutProps) {
  const tr = chromeTexts(p.locale);
  const role = p.ctx?.actor.role;
  const locales = p.locales ?? (role === 'caseworker' || !p.ctx ? ['cs', 'en', 'uk', 'ru', 'be'] : STAFF_LOCALES);
  const nav = role ? NAV[role] : [];
  return (
    <html lang={p.locale} data-theme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {p.refreshSeconds ? <meta http-equiv="refresh" content={String(p.refreshSeconds)} /> : null}
        <title>{`${p.title} — ${tr('site.name')}`}</title>
        {[...DS_CSS, ...STAFF_DS_CSS].map((f) => (
          <link rel="stylesheet" href={`/assets/ds/${f}`} />
        ))}
        <link rel="stylesheet" href="/assets/web/fonts.css" />
        <link rel="stylesheet" href="/assets/web/web.css" />
        <link rel="stylesheet" href="/assets/web/staff.css" />
      </head>
      <body class="staff">
        <a class="skip-link" href="#main">
          {tr('nav.skip')}
        </a>
        <header class="site-header">
          <div class="gov-container staff-header">
            <a class="site-name" href={`/${p.locale}/staff`}>
              <Icon name="shield" />
              <span>{tr('site.name')}</span>
            </a>
            <nav class="lang-switch" aria-label={tr('nav.language')}>
              <ul class="gov-list--plain">
                {locales.map((l) => (
                  <li>
                    <a
                      href={`/lang/${l}?to=${encodeURIComponent(`/${l}${p.path}`)}`}
                      hrefLang={l}
                      lang={l}
                      aria-current={l === p.locale ? 'true' : undefined}
                    >
                      {LOCALE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {p.ctx ? (
              <div class="staff-who">
                <span>{tr('who.signed_in', { name: p.ctx.actor.displayName, role: tr(`role.${p.ctx.actor.role}` as ChromeKey) })}</span>
                {p.csrf ? (
                  <form method="post" action={`/${p.locale}/sign-out`} class="inline-form">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <button type="submit" class="link-button">
                      {tr('signout.button')}
                    </button>
                  </form>
                ) : (
                  <a class="staff-signout" href={`/${p.locale}/sign-out`}>
                    {tr('signout.button')}
                  </a>
                )}
              </div>
            ) : null}
          </div>
          {nav.length ? (
            <nav class="staff-nav" aria-label={tr('nav.main')}>
              <div class="gov-container">
                <ul class="gov-list--plain">
                  {nav.map(([key, path]) => (
                    <li>
                      <a href={`/${p.locale}${path}`} aria-current={p.active === path ? 'page' : undefined}>
                        {tr(key)}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </nav>
          ) : null}
        </header>
        <main id="main" class="gov-container site-main staff-main">
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="gov-container">
            <p>{tr('footer.text')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
