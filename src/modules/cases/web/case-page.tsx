/**
 * The case page: who applied, which documents came, the statutory clock and how its due date was
 * computed, the letters (view inline or download), the timeline of actions, and a form for every
 * action the case type allows in the case's status (case-page-forms.tsx). A function of the case
 * view that `getCase` returns (the read is audited there).
 */
import type { ComponentChildren } from 'preact';
import {
  DataTable,
  ErrorSummary,
  formatDate,
  formatDateTime,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  StaffLayout,
  type StaffLocale,
  t as webTexts,
} from '../../web/index.ts';
import type { CaseView } from '../use-cases/case-view.ts';
import type { ClockExplanation } from '../domain/clock-explanation.ts';
import { type CaseworkText, has } from './casework.texts.ts';
import { ActionForms, type FormState } from './case-page-forms.tsx';

export interface Assignee {
  id: string;
  name: string;
}

/** Who holds the case, from the view (the assignment's `assignee`, once the case has one). */
export function assigneeOf(view: CaseView): Assignee | null {
  const a = (view as { assignee?: { id: string; displayName?: string; name?: string } | null }).assignee;
  return a ? { id: a.id, name: a.displayName ?? a.name ?? '' } : null;
}

export interface CasePageProps {
  locale: StaffLocale;
  ctx: PageStaffCtx;
  tr: CaseworkText;
  csrf: string;
  view: CaseView;
  /** The officer holding the case (assignment), if any. */
  assignee: Assignee | null;
  /** Shown above the page (the assignment notice). */
  top?: ComponentChildren;
  /** `?done=<action>` after a 303. */
  done?: string | null;
  /** The form that came back with errors (422), with what was typed. */
  form?: FormState | null;
  status?: number;
}

export const actionLabel = (tr: CaseworkText, a: string) => (has(`action.${a}`) ? tr(`action.${a}` as 'action.grant') : a);
export const logLabel = (tr: CaseworkText, a: string) => (has(`log.${a}`) ? tr(`log.${a}` as 'log.grant') : actionLabel(tr, a));
export const statusLabel = (tr: CaseworkText, s: string) => (has(`status.${s}`) ? tr(`status.${s}` as 'status.granted') : s);
export const letterLabel = (tr: CaseworkText, k: string) => (has(`letter.${k}`) ? tr(`letter.${k}` as 'letter.grant') : k);

export function missingText(tr: CaseworkText, m: { code: string; field?: string; expected?: number; paid?: number }) {
  const key = `missing.${m.code}`;
  if (!has(key)) return tr('missing.other', { code: m.code });
  return tr(key as 'missing.FEE_SHORT', { field: m.field ?? '', expected: m.expected ?? 0, paid: m.paid ?? 0 });
}

export function CasePage(p: CasePageProps) {
  const { tr, locale, view } = p;
  const errors = p.form?.errors ?? [];
  return (
    <StaffLayout
      locale={locale}
      ctx={p.ctx}
      title={tr('case.title', { reference: view.reference })}
      path={`/staff/cases/${view.id}`}
      active="/staff/queue"
      csrf={p.csrf}
    >
      <link rel="stylesheet" href="/assets/web/casework.css" />
      {p.top}
      {p.done ? <Notice>{tr('case.done', { action: logLabel(tr, p.done) })}</Notice> : null}
      <ErrorSummary t={webTexts(locale)} errors={errors.map((e: PageFieldError) => ({ id: e.id, message: e.message }))} />
      <h1>{tr('case.title', { reference: view.reference })}</h1>
      <CaseSummary {...p} />
      <Clock tr={tr} locale={locale} view={view} />
      <ActionForms {...p} />
      <Letters tr={tr} locale={locale} view={view} />
      <Timeline tr={tr} locale={locale} view={view} />
    </StaffLayout>
  );
}

function CaseSummary({ tr, locale, view }: CasePageProps) {
  const a = view.applicant;
  const d = (iso: string) => formatDate(locale, iso);
  return (
    <>
      <dl class="case-facts">
        <dt>{tr('case.status')}</dt>
        <dd>
          <span class="gov-tag" data-color="primary" data-type="subtle" data-size="m" id="case-status" data-status={view.status}>
            {statusLabel(tr, view.status)}
          </span>{' '}
          <span class="muted">{tr('case.version', { version: view.version })}</span>
        </dd>
        <dt>{tr('case.type')}</dt>
        <dd>{has(`intake.type.${view.caseType}`) ? tr(`intake.type.${view.caseType}` as 'intake.type.tolerance_visa') : view.caseType}</dd>
        {view.decidedOn ? (
          <>
            <dt>{tr('case.decidedOn')}</dt>
            <dd>{d(view.decidedOn)}</dd>
          </>
        ) : null}
        {view.visa ? (
          <>
            <dt>{tr('log.grant')}</dt>
            <dd>
              {tr('case.visa', {
                number: view.visa.visaNumber,
                code: view.visa.visaCode,
                from: d(view.visa.validFrom),
                to: d(view.visa.validTo),
              })}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="applicant-h">
        <h2 id="applicant-h">{tr('case.applicant')}</h2>
        <dl class="case-facts">
          <dt>{tr('field.surname')}</dt>
          <dd>{a.surname}</dd>
          <dt>{tr('field.givenNames')}</dt>
          <dd>{a.givenNames}</dd>
          {a.nativeName ? (
            <>
              <dt>{tr('field.nativeName')}</dt>
              <dd>{a.nativeName}</dd>
            </>
          ) : null}
          <dt>{tr('field.dateOfBirth')}</dt>
          <dd>{d(a.dateOfBirth)}</dd>
          <dt>{tr('field.nationality')}</dt>
          <dd>{a.nationality}</dd>
          <dt>{tr('field.passportNumber')}</dt>
          <dd>
            {a.passportNumber} ({tr('field.passportExpiresOn')} {d(a.passportExpiresOn)})
          </dd>
          <dt>{tr('field.address')}</dt>
          <dd>
            {a.address} ({a.regionCode})
          </dd>
        </dl>
      </section>
      <section aria-labelledby="documents-h">
        <h2 id="documents-h">{tr('case.checklist')}</h2>
        {view.admissibility?.admissible ? (
          <p>{tr('case.checklist.ok')}</p>
        ) : view.admissibility ? (
          <>
            <p>{tr('case.checklist.missing')}</p>
            <ul id="missing">
              {view.admissibility.missing.map((m) => (
                <li>{missingText(tr, m)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

function restText(tr: CaseworkText, locale: StaffLocale, r: ClockExplanation['movedOver'][number]) {
  const why =
    r.why === 'holiday'
      ? tr('case.clock.holiday', { name: r.holiday ?? '' })
      : tr(r.why === 'saturday' ? 'case.clock.saturday' : 'case.clock.sunday');
  return tr('case.clock.moved', { date: formatDate(locale, r.date), why });
}

function Clock({ tr, locale, view }: { tr: CaseworkText; locale: StaffLocale; view: CaseView }) {
  const c = view.clock;
  const d = (iso: string) => formatDate(locale, iso);
  return (
    <section aria-labelledby="clock-h" id="clock">
      <h2 id="clock-h">{tr('case.clock')}</h2>
      {!c ? (
        <p>
          {tr('case.clock.none', {
            why: tr(view.decidedOn || view.status === 'inadmissible' ? 'case.clock.none.closed' : 'case.clock.none.type'),
          })}
        </p>
      ) : (
        <>
          <p class={`clock-due${view.overdue ? ' overdue' : ''}`} id="clock-due">
            {c.dueOn ? (
              <>
                <strong>{tr('case.clock.due', { date: d(c.dueOn) })}</strong> —{' '}
                {view.daysLeft === null
                  ? null
                  : view.daysLeft > 0
                    ? tr('case.clock.left', { n: view.daysLeft })
                    : view.daysLeft === 0
                      ? tr('case.clock.today')
                      : tr('case.clock.overdue', { n: -view.daysLeft })}
              </>
            ) : (
              <strong>{tr('case.clock.stopped', { counted: c.daysCounted, days: c.periodDays })}</strong>
            )}
          </p>
          <ol class="clock-steps">
            <li>{tr('case.clock.received', { date: d(c.receivedOn) })}</li>
            <li>{tr('case.clock.period', { days: c.periodDays })}</li>
            {c.interruptions.map((i) =>
              i.ignored ? (
                <li>{tr('case.clock.interruption.ignored', { from: d(i.from) })}</li>
              ) : i.to === null ? (
                <li>{tr('case.clock.interruption.open', { from: d(i.from), counted: i.daysCountedBefore })}</li>
              ) : (
                <li>
                  {tr('case.clock.interruption', { from: d(i.from), to: d(i.to), counted: i.daysCountedBefore, paused: i.pausedDays ?? 0 })}
                </li>
              ),
            )}
            {c.periodEndsOn ? <li>{tr('case.clock.end', { date: d(c.periodEndsOn), days: c.periodDays, paused: c.pausedDays })}</li> : null}
            {c.floorOn ? (
              <li>
                {c.floorApplies
                  ? tr('case.clock.floor.applies', { days: c.minDaysAfterResume, date: d(c.floorOn) })
                  : tr('case.clock.floor', { days: c.minDaysAfterResume, date: d(c.floorOn) })}
              </li>
            ) : null}
            {c.movedOver.map((r) => (
              <li>{restText(tr, locale, r)}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Letters({ tr, locale, view }: { tr: CaseworkText; locale: StaffLocale; view: CaseView }) {
  const d = (iso: string | null) => (iso ? formatDate(locale, iso) : '—');
  const base = `/${locale}/staff/cases/${view.id}/letters`;
  return (
    <section aria-labelledby="letters-h" id="letters">
      <h2 id="letters-h">{tr('case.letters')}</h2>
      {view.letters.length ? (
        <DataTable
          caption={tr('case.letters.caption')}
          head={[tr('case.letters.kind'), tr('case.letters.issued'), tr('case.letters.posted'), tr('case.letters.delivered'), 'PDF']}
          rowHeader
          rows={view.letters.map((l) => [
            letterLabel(tr, l.kind),
            d(l.issuedOn),
            d(l.postedOn),
            l.deliveredOn
              ? `${d(l.deliveredOn)}${l.deliveryHow ? ` (${has(`detail.how.${l.deliveryHow}`) ? tr(`detail.how.${l.deliveryHow}` as 'detail.how.deemed') : l.deliveryHow})` : ''}`
              : '—',
            <span class="letter-links">
              <a class="gov-link" href={`${base}/${l.id}`} aria-label={`${tr('case.letters.open')} (${letterLabel(tr, l.kind)})`}>
                {tr('case.letters.open')}
              </a>{' '}
              <a
                class="gov-link"
                href={`${base}/${l.id}?download=1`}
                download
                aria-label={`${tr('case.letters.download')} (${letterLabel(tr, l.kind)})`}
              >
                {tr('case.letters.download')}
              </a>
            </span>,
          ])}
        />
      ) : (
        <p>{tr('case.letters.none')}</p>
      )}
    </section>
  );
}

/** What an action recorded, in words (the payload's known fields; the rest is not shown). */
export function detailText(
  tr: CaseworkText,
  locale: StaffLocale,
  view: Pick<CaseView, 'letters'>,
  type: string,
  x: Record<string, unknown>,
): string[] {
  const d = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(locale, v) : String(v));
  const out: string[] = [];
  if (type === 'intake') {
    out.push(x.admissible === false ? tr('detail.inadmissible') : tr('detail.admissible'));
    for (const m of (x.missing as { code: string }[] | undefined) ?? []) out.push(missingText(tr, m));
    if (Array.isArray(x.grounds)) out.push(`${tr('detail.grounds')}: ${x.grounds.join(', ')}`);
    return out;
  }
  if (typeof x.requested === 'string') out.push(`${tr('detail.requested')}: ${x.requested}`);
  if (typeof x.respondBy === 'string') out.push(`${tr('detail.respondBy')}: ${d(x.respondBy)}`);
  if (typeof x.visaNumber === 'string') out.push(tr('detail.visa', { number: x.visaNumber }));
  if (typeof x.validFrom === 'string' && typeof x.validTo === 'string')
    out.push(tr('detail.validity', { from: d(x.validFrom), to: d(x.validTo) }));
  if (typeof x.reasons === 'string') out.push(`${tr('detail.reasons')}: ${x.reasons}`);
  if (typeof x.legalGround === 'string') out.push(`${tr('detail.legalGround')}: ${x.legalGround}`);
  if (typeof x.note === 'string') out.push(`${tr('detail.note')}: ${x.note}`);
  if (typeof x.letterId === 'string') {
    const l = view.letters.find((y) => y.id === x.letterId);
    if (l) out.push(tr('detail.letter', { kind: letterLabel(tr, l.kind) }));
  }
  if (typeof x.postedOn === 'string') out.push(tr('detail.postedOn', { date: d(x.postedOn) }));
  if (typeof x.deliveredOn === 'string') {
    const how =
      typeof x.how === 'string' && has(`detail.how.${x.how}`) ? tr(`detail.how.${x.how}` as 'detail.how.deemed') : String(x.how ?? '');
    out.push(tr('detail.deliveredOn', { date: d(x.deliveredOn), how }));
  }
  if (typeof x.assigneeName === 'string') out.push(tr('detail.assignee', { name: x.assigneeName }));
  else if ('assigneeId' in x && x.assigneeId === null) out.push(tr('detail.unassigned'));
  if (Array.isArray(x.findings)) for (const f of x.findings as { point: string; finding: string }[]) out.push(`${f.point}: ${f.finding}`);
  return out;
}

export type HistoryEntry = CaseView['history'][number];

export function TimelineTable({
  tr,
  locale,
  view,
  entries,
  caption,
}: {
  tr: CaseworkText;
  locale: StaffLocale;
  view: CaseView;
  entries: readonly HistoryEntry[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      head={[
        tr('case.timeline.when'),
        tr('case.timeline.what'),
        tr('case.timeline.who'),
        tr('case.timeline.recorded'),
        tr('case.timeline.details'),
      ]}
      rows={entries.map((h) => [
        formatDate(locale, h.effectiveOn),
        <span data-action={h.type}>{logLabel(tr, h.type)}</span>,
        h.actorName ?? '—',
        formatDateTime(locale, h.at),
        <ul class="gov-list--plain timeline-details">
          {detailText(tr, locale, view, h.type, h.details).map((s) => (
            <li>{s}</li>
          ))}
        </ul>,
      ])}
    />
  );
}

function Timeline({ tr, locale, view }: { tr: CaseworkText; locale: StaffLocale; view: CaseView }) {
  return (
    <section aria-labelledby="timeline-h" id="timeline">
      <h2 id="timeline-h">{tr('case.timeline')}</h2>
      <TimelineTable tr={tr} locale={locale} view={view} entries={view.history} caption={tr('case.timeline.caption')} />
    </section>
  );
}
