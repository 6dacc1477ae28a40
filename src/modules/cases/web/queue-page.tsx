/**
 * The work queue page: the office's open cases by days left (overdue flagged in words and by the row's
 * mark, not by colour alone), who is working on each ("me", a colleague, nobody), the status filters
 * (a GET form: status names only in the URL), the search form (a POST: the terms never reach a URL),
 * and a claim / release button per row. A function of the queue view the use case returns.
 */
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  formatDate,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  StaffCheckbox,
  StaffField,
  StaffLayout,
  type StaffLocale,
  t as webTexts,
} from '../../web/index.ts';
import type { QueueItem, QueueView } from '../use-cases/work-queue.ts';
import { AssignmentButton } from './assignment.tsx';
import { codeLabel, type QueueText } from './queue.texts.ts';

type Row = QueueItem & { matchedBy?: readonly string[] };

export interface QueuePageProps {
  locale: StaffLocale;
  ctx: PageStaffCtx;
  tr: QueueText;
  csrf: string;
  view: Omit<QueueView, 'items'> & { items: readonly Row[] };
  /** Every open status (the filter's choices) and the ones chosen. */
  openStatuses: readonly string[];
  statuses: readonly string[];
  mine: boolean;
  /** The search as typed (kept in the form) and its error; null: the whole queue. */
  search: { q: string; errors: PageFieldError[] } | null;
  done: { op: string; reference: string | null } | null;
}

function DaysLeft({ tr, item }: { tr: QueueText; item: Row }) {
  if (!item.clockRunning || item.daysLeft === null) return <span class="muted">{tr('queue.clock_stopped')}</span>;
  if (item.overdue)
    return (
      <strong class="overdue-flag">
        <span aria-hidden="true">⚠ </span>
        {tr('queue.overdue', { days: -item.daysLeft })}
      </strong>
    );
  return <>{tr('queue.days', { days: item.daysLeft })}</>;
}

function Holder({ tr, ctx, item }: { tr: QueueText; ctx: PageStaffCtx; item: Row }) {
  if (!item.assignee) return <span class="muted">{tr('queue.holder.nobody')}</span>;
  if (item.assignee.id === ctx.actor.id) return <strong>{tr('queue.holder.me')}</strong>;
  return <span data-holder="other">{tr('queue.held_by', { name: item.assignee.displayName })}</span>;
}

function RowAction({ p, item }: { p: QueuePageProps; item: Row }) {
  const { tr, ctx } = p;
  const common = {
    locale: p.locale,
    caseId: item.id,
    version: item.version,
    csrf: p.csrf,
    back: 'queue' as const,
    hiddenLabel: item.reference,
  };
  if (!item.assignee) return <AssignmentButton {...common} op="claim" label={tr('assign.claim')} kind="solid" />;
  if (item.assignee.id === ctx.actor.id) return <AssignmentButton {...common} op="release" label={tr('assign.release')} />;
  // A colleague's case: the claim answers with the warning page, which offers the take-over.
  return <AssignmentButton {...common} op="claim" label={tr('assign.claim_from')} />;
}

function Filters(p: QueuePageProps) {
  const { tr, locale } = p;
  return (
    <form method="get" action={`/${locale}/staff/queue`} class="queue-filters" aria-label={tr('queue.filters')}>
      <fieldset class="queue-statuses">
        <legend>{tr('queue.filter.status')}</legend>
        {p.openStatuses.map((s) => (
          <StaffCheckbox name="status" value={s} label={codeLabel(tr, 'status', s)} checked={p.statuses.includes(s)} />
        ))}
      </fieldset>
      <StaffCheckbox name="mine" value="1" label={tr('queue.filter.mine')} checked={p.mine} />
      <div class="actions-row">
        <span class="gov-button" data-type="outlined" data-color="primary" data-size="m">
          <button class="element" type="submit">
            {tr('queue.filter.apply')}
          </button>
        </span>
        {p.statuses.length || p.mine || p.search ? (
          <a class="gov-link" href={`/${locale}/staff/queue`}>
            {tr('queue.filter.reset')}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function Search(p: QueuePageProps) {
  const { tr, locale } = p;
  const error = p.search?.errors.find((e) => e.id === 'q')?.message;
  return (
    <form method="post" action={`/${locale}/staff/queue/search`} class="queue-search" aria-label={tr('queue.search')}>
      <CsrfField token={p.csrf} />
      <StaffField
        name="q"
        type="search"
        label={tr('queue.search.q')}
        hint={tr('queue.search.hint')}
        value={p.search?.q ?? ''}
        error={error}
        maxLength={200}
      />
      {p.mine ? <input type="hidden" name="mine" value="on" /> : null}
      <span class="gov-button" data-type="solid" data-color="primary" data-size="m">
        <button class="element" type="submit">
          {tr('queue.search.button')}
        </button>
      </span>
    </form>
  );
}

export function QueuePage(p: QueuePageProps) {
  const { tr, locale, view, ctx } = p;
  const searching = p.search !== null;
  const errors = p.search?.errors ?? [];
  const doneKey = p.done ? (`queue.done.${p.done.op}` as 'queue.done.claim') : null;
  return (
    <StaffLayout locale={locale} ctx={ctx} title={tr('queue.title')} path="/staff/queue" active="/staff/queue" csrf={p.csrf}>
      <ErrorSummary t={webTexts(locale)} errors={errors.map((e) => ({ id: e.id, message: e.message }))} />
      {p.done && doneKey ? (
        <Notice>{p.done.reference ? tr(doneKey, { reference: p.done.reference }) : tr('queue.done.plain')}</Notice>
      ) : null}
      <h1>{searching ? tr('queue.search.results') : tr('queue.title')}</h1>
      <p class="lead">{tr('queue.lead', { office: view.officeId, date: formatDate(locale, view.asOf) })}</p>
      <div class="queue-tools">
        <Search {...p} />
        <Filters {...p} />
      </div>
      <DataTable
        caption={tr(searching ? 'queue.caption.search' : 'queue.caption', { count: view.items.length })}
        head={[
          tr('queue.col.reference'),
          tr('queue.col.applicant'),
          tr('queue.col.type'),
          tr('queue.col.status'),
          tr('queue.col.days'),
          tr('queue.col.due'),
          tr('queue.col.holder'),
          tr('queue.col.action'),
        ]}
        rowHeader
        empty={tr('queue.empty')}
        rowClass={(i) => (view.items[i]?.overdue ? 'overdue' : undefined)}
        rows={view.items.map((item) => [
          <>
            <a class="gov-link" href={`/${locale}/staff/cases/${item.id}`}>
              {item.reference}
            </a>
            {item.matchedBy?.length ? (
              <span class="muted queue-matched">
                {' '}
                (
                {tr('queue.search.matched', {
                  what: item.matchedBy.map((m) => tr(`queue.search.by.${m}` as 'queue.search.by.name')).join(', '),
                })}
                )
              </span>
            ) : null}
          </>,
          item.applicant ? `${item.applicant.surname} ${item.applicant.givenNames}` : '—',
          codeLabel(tr, 'type', item.caseType),
          codeLabel(tr, 'status', item.status),
          <DaysLeft tr={tr} item={item} />,
          item.dueOn ? formatDate(locale, item.dueOn) : tr('queue.no_due'),
          <Holder tr={tr} ctx={ctx} item={item} />,
          <RowAction p={p} item={item} />,
        ])}
      />
    </StaffLayout>
  );
}
