import type { Locale, T } from '../i18n/i18n.ts';
import { Icon, Layout } from './components.tsx';

export function HomePage({ locale, t }: { locale: Locale; t: T }) {
  return (
    <Layout locale={locale} t={t} title={t('home.title')} path="/">
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <p>{t('home.private')}</p>
      <p>
        <a class="gov-button start-link" data-type="solid" data-color="primary" data-size="l" href={`/${locale}/navigator`}>
          <span class="element">{t('home.start')}</span>
        </a>
      </p>
      <p class="muted">{t('home.routes')}</p>
      <p>
        <a href={`/${locale}/status`}>{t('home.holder')}</a>
      </p>
      <span hidden>
        <Icon name="back" />
      </span>
    </Layout>
  );
}
