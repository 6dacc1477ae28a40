/** The answer to an inadmissible intake: why (each missing document or fee), and the return letter. */
import { type PageStaffCtx, StaffLayout, type StaffLocale } from '../../web/index.ts';
import type { CaseView } from '../use-cases/case-view.ts';
import type { CaseworkText } from './casework.texts.ts';
import { letterLabel, missingText } from './case-page.tsx';

export function InadmissiblePage(p: {
  locale: StaffLocale;
  ctx: PageStaffCtx;
  tr: CaseworkText;
  csrf: string;
  view: CaseView;
  noLetter: string | null;
}) {
  const { tr, locale, view } = p;
  const letter = view.letters.find((l) => l.kind === 'return');
  const base = `/${locale}/staff/cases/${view.id}`;
  return (
    <StaffLayout
      locale={locale}
      ctx={p.ctx}
      title={tr('intake.inadmissible.title')}
      path="/staff/intake"
      active="/staff/intake"
      csrf={p.csrf}
    >
      <link rel="stylesheet" href="/assets/web/casework.css" />
      <h1>{tr('intake.inadmissible.title')}</h1>
      <div class="gov-message" data-color="warning" data-type="subtle" role="status">
        <div class="gov-message__content">
          <p>{tr('intake.inadmissible.lead', { reference: view.reference })}</p>
        </div>
      </div>
      <h2>{tr('intake.inadmissible.why')}</h2>
      <ul id="missing">
        {(view.admissibility?.missing ?? []).map((m) => (
          <li data-code={m.code}>{missingText(tr, m)}</li>
        ))}
      </ul>
      <h2>{tr('intake.inadmissible.letter')}</h2>
      {letter ? (
        <p class="letter-links" id="return-letter">
          <a class="gov-link" href={`${base}/letters/${letter.id}`}>
            {tr('case.letters.open.label', { kind: letterLabel(tr, letter.kind) })}
          </a>{' '}
          ·{' '}
          <a class="gov-link" href={`${base}/letters/${letter.id}?download=1`} download>
            {tr('case.letters.download.label', { kind: letterLabel(tr, letter.kind) })}
          </a>
        </p>
      ) : (
        <p>{tr('intake.inadmissible.noletter', { why: p.noLetter ?? '' })}</p>
      )}
      <p>
        <a class="gov-link" href={base}>
          {tr('intake.inadmissible.open')}
        </a>
      </p>
      <p>
        <a class="gov-link" href={`/${locale}/staff/intake?type=${view.caseType}`}>
          {tr('intake.again')}
        </a>
      </p>
    </StaffLayout>
  );
}
