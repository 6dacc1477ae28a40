/**
 * The Foreign Ministry officers' nomination pages: the list (a supervisor's all, an officer's
 * assigned), and one nomination — its metadata, the assignment form (supervisor), and for an
 * assigned officer the decrypted person, story and evidence with the forms of the next steps.
 */
import type { ComponentChildren } from 'preact';
import {
  Button,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  formatDate,
  Notice,
  type PageFieldError,
  type PageStaffCtx,
  StaffField,
  StaffLayout,
  StaffSelect,
  StaffTextarea,
  type StaffLocale,
  t,
} from '../../web/index.ts';
import type { getNomination } from '../use-cases/nominations.ts';
import type { listNominationsWithOfficers } from '../use-cases/admin.ts';
import { staffTexts, type StaffKey } from './staff.texts.ts';

/** What getNomination gives an officer or a supervisor (not the caseworker's coarse view). */
export type NominationView = Extract<Awaited<ReturnType<typeof getNomination>>, { version: number }>;
export type ListRow = Awaited<ReturnType<typeof listNominationsWithOfficers>>[number];
type Tr = ReturnType<typeof staffTexts>;

interface Frame {
  locale: StaffLocale;
  ctx: PageStaffCtx;
  csrf: string;
}

const k = (prefix: string, v: string | null | undefined) => `${prefix}.${v ?? ''}` as StaffKey;
const namesOf = (ids: readonly string[], names: ReadonlyMap<string, string>, tr: Tr) =>
  ids.length ? ids.map((i) => names.get(i) ?? '—').join(', ') : tr('none');

export function StaffListPage(p: Frame & { rows: ListRow[]; names: ReadonlyMap<string, string> }) {
  const tr = staffTexts(p.locale);
  const base = `/${p.locale}/staff/nominations`;
  const supervisor = p.ctx.actor.role === 'supervisor';
  return (
    <StaffLayout locale={p.locale} ctx={p.ctx} title={tr('list.title')} path="/staff/nominations" active="/staff/nominations" csrf={p.csrf}>
      <h1>{tr('list.title')}</h1>
      <p class="lead">{tr(supervisor ? 'list.intro.supervisor' : 'list.intro.officer')}</p>
      <DataTable
        caption={tr('list.caption')}
        rowHeader
        empty={tr('list.empty')}
        head={[
          tr('col.reference'),
          tr('col.nominatedOn'),
          tr('col.nationality'),
          tr('col.category'),
          tr('col.visaType'),
          tr('col.status'),
          tr('col.officers'),
        ]}
        rows={p.rows.map((r) => [
          <a class="gov-link" href={`${base}/${r.id}`}>
            {r.reference}
          </a>,
          formatDate(p.locale, r.nominatedOn),
          tr(k('nat', r.nationality)),
          tr(k('cat', r.category)),
          tr(k('visa', r.visaType)),
          tr(k('status', r.status)),
          namesOf(r.officers, p.names, tr),
        ])}
      />
    </StaffLayout>
  );
}

function Facts({ rows }: { rows: ReadonlyArray<readonly [string, ComponentChildren]> }) {
  return (
    <dl class="facts">
      {rows.map(([dt, dd]) => (
        <>
          <dt>{dt}</dt>
          <dd>{dd}</dd>
        </>
      ))}
    </dl>
  );
}

/** A link the NGO gave: a link only when it is http(s); anything else is shown as text. */
function RecordLink({ href }: { href: string }) {
  return /^https?:\/\//i.test(href) ? (
    <a class="gov-link" href={href} rel="noopener noreferrer nofollow">
      {href}
    </a>
  ) : (
    <span>{href}</span>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <div class="prose">
      {text.split(/\n{2,}/).map((para) => (
        <p class="pre-line">{para}</p>
      ))}
    </div>
  );
}

export interface NominationPageProps extends Frame {
  n: NominationView;
  names: ReadonlyMap<string, string>;
  /** Officers the supervisor may still assign. */
  assignable: ReadonlyArray<{ id: string; label: string }>;
  done?: string | undefined;
  errors?: PageFieldError[];
  /** A refusal of the use case shown at the top (409): four eyes, not exempt, not allowed now. */
  refusal?: string | undefined;
  form?: Record<string, string | undefined>;
}

export function StaffNominationPage(p: NominationPageProps) {
  const tr = staffTexts(p.locale);
  const { n } = p;
  const me = p.ctx.actor.id;
  const path = `/staff/nominations/${n.id}`;
  const action = `/${p.locale}${path}`;
  const s = n.sensitive ?? null;
  const assigned = (n.assignedOfficers ?? []).includes(me);
  const open = ['nominated', 'screening', 'assessment'].includes(n.status);
  const errors = p.errors ?? [];
  const e = (id: string) => errorFor(errors, id);
  const hidden = (
    <>
      <CsrfField token={p.csrf} />
      <input type="hidden" name="version" value={String(n.version ?? 0)} />
      <input type="hidden" name="seen" value={n.status} />
    </>
  );
  const name = (id: string | null | undefined) => (id ? (p.names.get(id) ?? '—') : '—');
  return (
    <StaffLayout
      locale={p.locale}
      ctx={p.ctx}
      title={tr('view.title', { reference: n.reference })}
      path={path}
      active="/staff/nominations"
      csrf={p.csrf}
    >
      <h1>{tr('view.title', { reference: n.reference })}</h1>
      {p.done === 'assigned' ? <Notice>{tr('done.assigned')}</Notice> : null}
      {p.done === 'start_screening' || p.done === 'start_assessment' || p.done === 'decline' ? (
        <Notice>{tr(k('done', p.done))}</Notice>
      ) : null}
      {p.done === 'approve' ? <Notice>{n.status === 'approved' ? tr('done.approve.second') : tr('done.approve.first')}</Notice> : null}
      {p.refusal ? <Notice kind="error">{p.refusal}</Notice> : null}
      <ErrorSummary t={t(p.locale)} errors={errors} />

      <h2>{tr('view.case')}</h2>
      <Facts
        rows={[
          [tr('f.status'), tr(k('status', n.status))],
          [tr('f.nationality'), tr(k('nat', n.nationality))],
          [tr('f.category'), tr(k('cat', n.category))],
          [tr('f.visaType'), tr(k('visa', n.visaType))],
          [tr('f.lodgingPost'), n.lodgingPost ?? '—'],
          [tr('f.nominatedOn'), formatDate(p.locale, n.nominatedOn)],
          ...(n.decidedOn ? [[tr('f.decidedOn'), formatDate(p.locale, n.decidedOn)] as const] : []),
          [tr('f.officers'), namesOf(n.assignedOfficers ?? [], p.names, tr)],
          [tr('f.firstApprover'), name(n.firstApprover)],
          ...(n.secondApprover ? [[tr('f.secondApprover'), name(n.secondApprover)] as const] : []),
        ]}
      />

      {s ? (
        <>
          <p class="muted">{tr('view.audited')}</p>
          <h2>{tr('view.person')}</h2>
          <Facts
            rows={[
              [tr('f.surname'), s.surname],
              [tr('f.givenNames'), s.givenNames],
              [tr('f.nativeName'), s.nativeName ?? '—'],
              [tr('f.dateOfBirth'), formatDate(p.locale, s.dateOfBirth)],
              [tr('f.passportNumber'), s.passportNumber],
            ]}
          />
          <h3>{tr('f.publicRecord')}</h3>
          <ul>
            {(Array.isArray(s.publicRecord) ? (s.publicRecord as unknown[]) : []).map((l) => (
              <li>
                <RecordLink href={String(l)} />
              </li>
            ))}
          </ul>
          <h2>{tr('view.story')}</h2>
          <h3>{tr('f.narrative')}</h3>
          <Paragraphs text={s.narrative} />
          {s.contacts ? (
            <>
              <h3>{tr('f.contacts')}</h3>
              <Paragraphs text={s.contacts} />
            </>
          ) : null}
          {s.declineReasons ? (
            <>
              <h3>{tr('f.declineReasons')}</h3>
              <Paragraphs text={s.declineReasons} />
            </>
          ) : null}
          <h2>{tr('ev.title')}</h2>
          <DataTable
            caption={tr('ev.caption')}
            captionHidden
            empty={tr('ev.none')}
            head={[tr('ev.name'), tr('ev.type'), tr('ev.size')]}
            numeric={[2]}
            rows={s.evidence.map((ev) => [
              <a class="gov-link" href={`${action}/evidence/${ev.id}`} download>
                <span class="visually-hidden">{tr('ev.download', { name: '' })}</span>
                {ev.name}
              </a>,
              ev.mime,
              tr('size.kb', { n: Math.max(1, Math.round(ev.sizeBytes / 1024)) }),
            ])}
          />
          {s.evidence.length ? <p class="muted">{tr('download.audited')}</p> : null}
        </>
      ) : (
        <p>{tr('view.sealed')}</p>
      )}

      {p.ctx.actor.role === 'supervisor' && open ? (
        <section aria-labelledby="assign-h">
          <h2 id="assign-h">{tr('assign.title')}</h2>
          <p>{tr('assign.intro')}</p>
          {p.assignable.length ? (
            <form method="post" action={`${action}/assign`}>
              <CsrfField token={p.csrf} />
              <StaffSelect
                name="officerId"
                label={tr('assign.officer')}
                options={p.assignable.map((o) => ({ value: o.id, label: o.label }))}
                selected={p.form?.officerId}
                error={e('officerId')}
              />
              <Button>{tr('assign.submit')}</Button>
            </form>
          ) : (
            <p>{tr('assign.none')}</p>
          )}
        </section>
      ) : null}

      {!open ? <p>{tr('decided')}</p> : null}
      {open && assigned ? (
        <>
          {n.status !== 'assessment' ? (
            <section aria-labelledby="next-h">
              <h2 id="next-h">{tr('act.title')}</h2>
              <form method="post" action={`${action}/actions`}>
                {hidden}
                <Button name="action" value={n.status === 'nominated' ? 'start_screening' : 'start_assessment'}>
                  {tr(n.status === 'nominated' ? 'act.start_screening' : 'act.start_assessment')}
                </Button>
              </form>
            </section>
          ) : (
            <section aria-labelledby="approve-h">
              <h2 id="approve-h">{tr('approve.title')}</h2>
              {n.firstApprover === me ? <Notice kind="warning">{tr('approve.self')}</Notice> : null}
              <p>{n.firstApprover ? tr('approve.second', { name: name(n.firstApprover) }) : tr('approve.first')}</p>
              <form method="post" action={`${action}/actions`}>
                {hidden}
                {n.firstApprover ? (
                  <>
                    <StaffField
                      name="validFrom"
                      type="date"
                      label={tr('f.validFrom')}
                      required
                      value={p.form?.validFrom}
                      error={e('validFrom')}
                    />
                    <StaffField
                      name="validTo"
                      type="date"
                      label={tr('f.validTo')}
                      required
                      hint={n.visaType === 'D' ? tr('h.validTo') : undefined}
                      value={p.form?.validTo}
                      error={e('validTo')}
                    />
                  </>
                ) : null}
                <Button name="action" value="approve">
                  {tr('approve.submit')}
                </Button>
              </form>
            </section>
          )}
          <section aria-labelledby="decline-h">
            <h2 id="decline-h">{tr('decline.title')}</h2>
            <form method="post" action={`${action}/actions`}>
              {hidden}
              <StaffTextarea
                name="reasons"
                label={tr('f.reasons')}
                hint={tr('h.reasons')}
                required
                rows={5}
                maxLength={10000}
                value={p.form?.reasons}
                error={e('reasons')}
              />
              <Button name="action" value="decline" kind="outlined">
                {tr('decline.submit')}
              </Button>
            </form>
          </section>
        </>
      ) : open && p.ctx.actor.role !== 'supervisor' ? (
        <p>{tr('notAssigned.act')}</p>
      ) : null}
      <p>
        <a class="gov-link" href={`/${p.locale}/staff/nominations`}>
          {tr('back')}
        </a>
      </p>
    </StaffLayout>
  );
}

/** What changed while the officer had the page open (the 409 page's body). */
export function ConflictDetails(p: {
  locale: StaffLocale;
  seen: { status: string; version: string };
  now: NominationView;
  approver: string | null;
}) {
  const tr = staffTexts(p.locale);
  return (
    <div class="conflict">
      <p>{tr('conflict.text')}</p>
      <ul>
        <li>{tr('conflict.was', { status: tr(k('status', p.seen.status)), version: p.seen.version })}</li>
        <li>{tr('conflict.now', { status: tr(k('status', p.now.status)), version: String(p.now.version ?? '') })}</li>
        {p.approver ? <li>{tr('conflict.approver', { name: p.approver })}</li> : null}
      </ul>
    </div>
  );
}
