/**
 * What the 409 pages of the case add: for a stale version, the change that came first (the timeline
 * entries after the version the form was rendered at: who, what, when) and the form as it was typed —
 * again, at the current version, if the action is still allowed, else its values listed so nothing is
 * lost; for an illegal action, the status and what is allowed now. Both link back to the case.
 */
import type { PageStaffCtx, StaffLocale } from '../../web/index.ts';
import type { CaseView } from '../use-cases/case-view.ts';
import { actionLabel, assigneeOf, statusLabel, TimelineTable } from './case-page.tsx';
import { ActionForm, type FormState, formTargets } from './case-page-forms.tsx';
import { type CaseworkText, has } from './casework.texts.ts';

/** The label of a typed field (`delivery.deliveredOn` → its input's label), or its name. */
function fieldLabel(tr: CaseworkText, k: string) {
  const last = k.split('.').pop() ?? k;
  return has(`input.${last}`) ? tr(`input.${last}` as 'input.on') : k;
}

export function ConflictPage(p: {
  tr: CaseworkText;
  locale: StaffLocale;
  ctx: PageStaffCtx;
  csrf: string;
  view: CaseView;
  yours: number;
  form: FormState;
}) {
  const { tr, locale, view } = p;
  const newer = view.history.filter((h) => h.seq > p.yours);
  const changes = newer.length ? newer : view.history.slice(-1);
  const target = formTargets(view).find((t) => t.formKey === p.form.formKey);
  const typed = Object.entries(p.form.values).filter(([k, v]) => k !== 'version' && k !== 'ack' && String(v ?? '').trim() !== '');
  return (
    <div id="conflict">
      <link rel="stylesheet" href="/assets/web/casework.css" />
      <h2>{tr('case.conflict.title')}</h2>
      <p>{tr('case.conflict.lead', { yours: p.yours, now: view.version })}</p>
      <TimelineTable tr={tr} locale={locale} view={view} entries={changes} caption={tr('case.conflict.changes')} />
      <p>
        <a class="gov-link" href={`/${locale}/staff/cases/${view.id}`} id="conflict-reload">
          {tr('case.conflict.reload')}
        </a>
      </p>
      <h2>{tr('case.conflict.kept')}</h2>
      {!target && typed.length ? (
        <dl class="case-facts" id="conflict-typed">
          {typed.map(([k, v]) => (
            <>
              <dt>{fieldLabel(tr, k)}</dt>
              <dd>{String(v)}</dd>
            </>
          ))}
        </dl>
      ) : null}
      {target ? (
        <>
          <p>{tr('case.conflict.resubmit')}</p>
          <ActionForm
            tr={tr}
            locale={locale}
            ctx={p.ctx}
            csrf={p.csrf}
            view={view}
            assignee={assigneeOf(view)}
            target={target}
            state={p.form}
          />
        </>
      ) : (
        <p>{tr('case.conflict.notallowed', { status: statusLabel(tr, view.status) })}</p>
      )}
    </div>
  );
}

export function IllegalActionPage(p: { tr: CaseworkText; locale: StaffLocale; view: CaseView; action: string }) {
  const { tr, view } = p;
  return (
    <div id="illegal">
      <p>
        {tr('case.illegal.lead', {
          action: actionLabel(tr, p.action),
          status: statusLabel(tr, view.status),
          allowed: view.allowedActions.map((a) => actionLabel(tr, a)).join(', ') || '—',
        })}
      </p>
      <p>
        <a class="gov-link" href={`/${p.locale}/staff/cases/${view.id}`}>
          {tr('case.back')}
        </a>
      </p>
    </div>
  );
}
