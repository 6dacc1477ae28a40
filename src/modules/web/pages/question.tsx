import type { InterviewStep } from '../../policy/index.ts';
import type { Locale, MessageKey, T } from '../i18n/i18n.ts';
import { Button, type Choice, CsrfField, ErrorSummary, Icon, Input, Layout, RadioGroup } from './components.tsx';

export interface QuestionProps {
  locale: Locale;
  t: T;
  step: Extract<InterviewStep, { kind: 'fact' | 'date' }>;
  /** The policy's own question text, in the person's language. */
  question: string;
  number: number;
  state: string;
  backHref: string;
  csrf: string;
  error?: string;
  value?: string;
}

export function choicesFor(t: T, step: QuestionProps['step']): Choice[] | null {
  if (step.kind === 'date' || step.type === 'date') return null;
  const values: Choice[] =
    step.type === 'boolean'
      ? [
          { value: 'true', label: t('q.yes') },
          { value: 'false', label: t('q.no') },
        ]
      : (step.values ?? []).map((v) => ({ value: v, label: t(`v.${step.fact}.${v}` as MessageKey) }));
  return [...values, { value: 'unknown', label: t('q.dont_know') }];
}

export function QuestionPage(p: QuestionProps) {
  const { locale, t, step } = p;
  const key = step.kind === 'fact' ? step.fact : step.date;
  const choices = choicesFor(t, step);
  const errors = p.error ? [{ id: 'answer', message: p.error }] : [];
  return (
    <Layout locale={locale} t={t} title={p.question} path={`/navigator${p.state ? `?${p.state}` : ''}`}>
      <p>
        <a class="back-link" href={p.backHref}>
          <Icon name="back" />
          <span>{t('q.back')}</span>
        </a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <p class="muted">{t('q.progress', { n: p.number })}</p>
      <form method="post" action={`/${locale}/navigator`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="state" value={p.state} />
        <input type="hidden" name="question" value={key} />
        {choices ? (
          <RadioGroup name="answer" legend={p.question} choices={choices} checked={p.value} error={p.error} />
        ) : (
          <>
            <Input id="answer" name="answer" type="date" label={p.question} hint={t('q.date_hint')} value={p.value} error={p.error} />
            <p>
              <label class="dont-know">
                <input type="checkbox" name="dont_know" value="1" /> {t('q.dont_know')}
              </label>
            </p>
          </>
        )}
        <Button>{t('q.continue')}</Button>
      </form>
    </Layout>
  );
}
