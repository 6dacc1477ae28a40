/**
 * The page-building pieces, on the Gov design system's plain-HTML CSS: the layout (header with the
 * service name and the language switch, footer), form controls with the error beside the field, the
 * error summary, the CSRF field and the button. See docs/WEB.md.
 */
import type { ComponentChildren } from 'preact';
import { LOCALE_NAMES, LOCALES, type Locale, type T } from '../i18n/i18n.ts';

/** Design-system CSS files the pages use (only these are linked; the whole bundle is 1 MB). */
export const DS_CSS = [
  'tokens.css',
  'styles.css',
  'layout.css',
  'components/gov-container.css',
  'components/gov-button.css',
  'components/gov-form-control.css',
  'components/gov-form-label.css',
  'components/gov-form-radio.css',
  'components/gov-form-message.css',
  'components/gov-form-select.css',
  'components/gov-form-input.css',
  'components/gov-message.css',
  'components/gov-icon.css',
  'components/gov-link.css',
];

export interface PageProps {
  locale: Locale;
  t: T;
  title: string;
  /** The path after the locale (`/navigator?…`), for the language switch and the hreflang alternates. */
  path: string;
  children: ComponentChildren;
}

export function Layout({ locale, t, title, path, children }: PageProps) {
  return (
    <html lang={locale} data-theme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('site.name')}`}</title>
        {DS_CSS.map((f) => (
          <link rel="stylesheet" href={`/assets/ds/${f}`} />
        ))}
        <link rel="stylesheet" href="/assets/web/fonts.css" />
        <link rel="stylesheet" href="/assets/web/web.css" />
        {LOCALES.map((l) => (
          <link rel="alternate" hrefLang={l} href={`/${l}${path}`} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={`/cs${path}`} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="gov-container">
            <a class="site-name" href={`/${locale}/`}>
              <Icon name="shield" />
              <span>{t('site.name')}</span>
            </a>
            <nav class="lang-switch" aria-label={t('nav.language')}>
              <ul class="gov-list--plain">
                {LOCALES.map((l) => (
                  <li>
                    <a
                      href={`/lang/${l}?to=${encodeURIComponent(`/${l}${path}`)}`}
                      hrefLang={l}
                      lang={l}
                      aria-current={l === locale ? 'true' : undefined}
                    >
                      {LOCALE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="gov-container site-main">
          {children}
        </main>
        <footer class="site-footer">
          <div class="gov-container">
            <p>{t('footer.text')}</p>
            <p>
              <a href="/docs">{t('footer.api')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

const ICONS: Record<string, string> = {
  shield: 'M12 2 4 5v6c0 5 3.4 9.6 8 11 4.6-1.4 8-6 8-11V5l-8-3z',
  external: 'M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3zM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
  back: 'M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20v-2z',
};

/** An inline currentColor SVG icon, hidden from assistive technology (its text is beside it). */
export function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <span class="gov-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="20" height="20" focusable="false" aria-hidden="true">
        <path fill="currentColor" d={ICONS[name]} />
      </svg>
    </span>
  );
}

/** The hidden CSRF token every POST form carries (`reply.generateCsrf()` gives it). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A submit button; with `name`/`value` a form can offer several (which one was pressed is posted). */
export function Button({
  children,
  name,
  value,
  kind = 'solid',
}: {
  children: ComponentChildren;
  name?: string;
  value?: string;
  kind?: 'solid' | 'outlined';
}) {
  return (
    <span class="gov-button" data-type={kind} data-color="primary" data-size="l">
      <button class="element" type="submit" name={name} value={value}>
        {children}
      </button>
    </span>
  );
}

export interface FieldError {
  /** The id of the control the error belongs to (the summary links to it). */
  id: string;
  message: string;
}

/** The error summary at the top of a form that came back with errors (422). */
export function ErrorSummary({ t, errors }: { t: T; errors: FieldError[] }) {
  if (!errors.length) return null;
  return (
    <div class="gov-message error-summary" data-color="error" data-type="subtle" role="alert" tabIndex={-1} id="error-summary">
      <div class="gov-message__content">
        <p>
          <strong>{t('err.summary')}</strong>
        </p>
        <ul>
          {errors.map((e) => (
            <li>
              <a href={`#${e.id}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A radio group in a fieldset; the question is the legend, the error sits beside it. */
export function RadioGroup(props: { name: string; legend: string; choices: Choice[]; checked?: string; error?: string }) {
  const { name, legend, choices, checked, error } = props;
  const errId = `${name}-error`;
  return (
    <div class="gov-form-control" data-size="m" data-type="radio" data-invalid={error ? 'true' : undefined}>
      <fieldset class="gov-form-control__holder" aria-describedby={error ? errId : undefined}>
        <legend class="gov-form-label" slot="top" data-size="m" {...{ legend: '' }}>
          <span class="gov-form-label__label question">{legend}</span>
        </legend>
        {error ? <FieldMessage id={errId} text={error} /> : null}
        <div class="gov-form-radio-group" data-gap="s">
          {choices.map((c, i) => {
            const id = i === 0 ? name : `${name}-${i}`;
            return (
              <div class="gov-form-radio" data-size="m">
                <input class="gov-form-radio__input" type="radio" id={id} name={name} value={c.value} checked={checked === c.value} />
                <span>
                  <span class="gov-form-label" slot="label" data-size="m">
                    <label class="gov-form-label__label" for={id}>
                      {c.label}
                    </label>
                  </span>
                </span>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A labelled input (text or date) with its hint and the error beside it. */
export function Input(props: {
  id: string;
  name: string;
  label: string;
  type?: 'date' | 'text';
  value?: string;
  hint?: string;
  error?: string;
  autocomplete?: string;
  maxLength?: number;
}) {
  const { id, name, label, type = 'date', value, hint, error, autocomplete, maxLength } = props;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="gov-form-control" data-size="m" data-invalid={error ? 'true' : undefined}>
      <div class="gov-form-control__holder">
        <span class="gov-form-label" slot="top" data-size="m">
          <label class="gov-form-label__label question" for={id}>
            {label}
          </label>
        </span>
        {hint ? (
          <p class="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? <FieldMessage id={`${id}-error`} text={error} /> : null}
        <div class="gov-form-input" data-size="m" data-hydrated data-invalid={error ? 'true' : undefined}>
          <span class="element">
            <input
              id={id}
              name={name}
              type={type as 'text'}
              value={value}
              autocomplete={autocomplete}
              maxLength={maxLength}
              spellcheck={type === 'text' ? false : undefined}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={described}
            />
          </span>
        </div>
      </div>
    </div>
  );
}

/** A select with its label (and the error beside it, when given). */
export function Select(props: { id: string; name: string; label: string; options: Choice[]; selected?: string; error?: string }) {
  const { id, name, label, options, selected, error } = props;
  return (
    <div class="gov-form-control" data-size="m" data-invalid={error ? 'true' : undefined}>
      <div class="gov-form-control__holder">
        <span class="gov-form-label" slot="top" data-size="m">
          <label class="gov-form-label__label" for={id}>
            {label}
          </label>
        </span>
        {error ? <FieldMessage id={`${id}-error`} text={error} /> : null}
        <div class="gov-form-select" data-size="m" data-hydrated>
          <span class="element">
            <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
              {options.map((o) => (
                <option value={o.value} selected={o.value === selected}>
                  {o.label}
                </option>
              ))}
            </select>
          </span>
        </div>
      </div>
    </div>
  );
}

function FieldMessage({ id, text }: { id: string; text: string }) {
  return (
    <div class="gov-form-control__bottom">
      <span class="gov-form-message" slot="bottom" data-color="error" data-size="m">
        <span class="gov-form-message__content" id={id}>
          {text}
        </span>
      </span>
    </div>
  );
}

/** A link to a legal source, opening the source itself. */
export function SourceLink({ t, url, label }: { t: T; url: string | null; label: string }) {
  if (!url) return <span class="source">{`${t('r.source')}: ${label}`}</span>;
  return (
    <a class="source" href={url} rel="noopener noreferrer">
      {`${t('r.source')}: ${label}`}
      <Icon name="external" />
    </a>
  );
}
