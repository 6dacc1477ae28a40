/**
 * Who is working on a case, at the top of the case page: the holder ("you", a colleague, nobody), the
 * claim / release / assign forms the case allows, and — when a colleague holds it — the warning "X is
 * working on this case" before anyone acts on it. The forms post to `/{locale}/staff/cases/:id/assignment`
 * (queue.routes.tsx), which runs the same claim / release / assign actions as the API.
 *
 * Usage on the case page: `top={await assignmentNotice(ctx, view, locale, reply.generateCsrf())}`.
 */
import { can } from '../../auth/index.ts';
import { CsrfField, type PageStaffCtx, StaffSelect, type StaffLocale } from '../../web/index.ts';
import type { CaseView } from '../use-cases/case-view.ts';
import { assignableOfficers } from '../use-cases/work-queue.ts';
import { type QueueText, queueTexts } from './queue.texts.ts';

/** Where the assignment form sends the officer back: the queue or the case page. */
export type AssignmentBack = 'queue' | 'case';

export type AssignmentOp = 'claim' | 'take_over' | 'release' | 'assign';

export const assignmentPath = (locale: StaffLocale, caseId: string) => `/${locale}/staff/cases/${caseId}/assignment`;

/** One button of the assignment form (a form per button: each posts its own operation and the version seen). */
export function AssignmentButton(p: {
  locale: StaffLocale;
  caseId: string;
  version: number;
  op: AssignmentOp;
  csrf: string;
  back: AssignmentBack;
  label: string;
  /** Read after the label by a screen reader (which case the button is for, in a table of many). */
  hiddenLabel?: string;
  kind?: 'solid' | 'outlined';
}) {
  return (
    <form method="post" action={assignmentPath(p.locale, p.caseId)} class="inline-form assignment-form">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="version" value={String(p.version)} />
      <input type="hidden" name="back" value={p.back} />
      <span class="gov-button" data-type={p.kind ?? 'outlined'} data-color="primary" data-size="s">
        <button class="element" type="submit" name="op" value={p.op}>
          {p.label}
          {p.hiddenLabel ? <span class="visually-hidden"> {p.hiddenLabel}</span> : null}
        </button>
      </span>
    </form>
  );
}

export interface AssignmentNoticeProps {
  locale: StaffLocale;
  ctx: PageStaffCtx;
  view: Pick<CaseView, 'id' | 'reference' | 'version' | 'assignee' | 'assignmentActions'>;
  csrf: string;
  /** The office's officers (for a supervisor's "assign"); without it no assign form is shown. */
  officers?: readonly { id: string; displayName: string }[];
  back?: AssignmentBack;
}

export function AssignmentNotice(p: AssignmentNoticeProps) {
  const tr: QueueText = queueTexts(p.locale);
  const { view, ctx } = p;
  const holder = view.assignee;
  const mine = holder?.id === ctx.actor.id;
  const open = view.assignmentActions.length > 0;
  const back = p.back ?? 'case';
  const btn = { locale: p.locale, caseId: view.id, version: view.version, csrf: p.csrf, back };
  const text = !holder ? tr('assign.nobody') : mine ? tr('assign.me') : tr('assign.other', { name: holder.displayName });
  const isSupervisor = can(ctx.actor, 'case.assign');
  const body = (
    <>
      <p class="assignment-holder" data-holder={holder ? (mine ? 'me' : 'other') : 'nobody'}>
        <strong>{text}</strong>
        {holder && !mine && open ? <> {tr('assign.other_hint')}</> : null}
      </p>
      {!open ? (
        holder ? null : (
          <p class="muted">{tr('assign.closed')}</p>
        )
      ) : (
        <div class="actions-row assignment-actions">
          {!holder ? <AssignmentButton {...btn} op="claim" label={tr('assign.claim')} kind="solid" /> : null}
          {holder && !mine ? (
            <AssignmentButton {...btn} op="take_over" label={tr('assign.take_over', { name: holder.displayName })} />
          ) : null}
          {holder && (mine || isSupervisor) ? <AssignmentButton {...btn} op="release" label={tr('assign.release')} /> : null}
          {isSupervisor && p.officers?.length ? (
            <form method="post" action={assignmentPath(p.locale, view.id)} class="assignment-assign">
              <CsrfField token={p.csrf} />
              <input type="hidden" name="version" value={String(view.version)} />
              <input type="hidden" name="back" value={back} />
              <StaffSelect
                name="officerId"
                label={tr('assign.officer')}
                options={p.officers.map((o) => ({ value: o.id, label: o.displayName }))}
                selected={holder?.id ?? null}
              />
              <span class="gov-button" data-type="outlined" data-color="primary" data-size="s">
                <button class="element" type="submit" name="op" value="assign">
                  {tr('assign.assign')}
                </button>
              </span>
            </form>
          ) : null}
        </div>
      )}
    </>
  );
  // Someone else holds it: a warning box at the top, before any action on the page (the casework page
  // also asks for an acknowledgement in each action form).
  const warn = Boolean(holder && !mine && open);
  return (
    <section class="assignment-notice" aria-label={tr('assign.heading')}>
      <div class="gov-message" data-color={warn ? 'warning' : 'primary'} data-type="subtle">
        <div class="gov-message__content">{body}</div>
      </div>
    </section>
  );
}

/** The notice for a case view, with the office's officers when the signed-in person may assign. */
export async function assignmentNotice(ctx: PageStaffCtx, view: AssignmentNoticeProps['view'], locale: StaffLocale, csrf: string) {
  const officers = can(ctx.actor, 'case.assign') && view.assignmentActions.includes('assign') ? await assignableOfficers(ctx) : undefined;
  return <AssignmentNotice locale={locale} ctx={ctx} view={view} csrf={csrf} officers={officers} />;
}
