/**
 * The forms of the case page: one for every action the case type allows in the case's status (one per
 * letter for posting and delivery), each built from the action's API body schema (`http.body`): a date
 * for a date, a text area for reasons, a choice for an optional yes/no. Every form posts to
 * `/{locale}/staff/cases/:id/actions/:action` with the case version it was rendered at; its fields are
 * named `<form key>.<field path>` so that two forms on one page never share an id (the route strips
 * the key before `formBody`). When another officer holds the case, each form asks for the
 * acknowledgement checkbox.
 */
import { randomUUID } from 'node:crypto';
import {
  CsrfField,
  type PageFieldError,
  type PageStaffCtx,
  RadioGroup,
  StaffCheckbox,
  StaffField,
  StaffSelect,
  StaffTextarea,
  type StaffLocale,
  formatDate,
} from '../../web/index.ts';
import { caseTypeOf } from '../engine/registry.ts';
import type { CaseView } from '../use-cases/case-view.ts';
import { humanitarianPointsToWeigh } from '../types/humanitarian-exception.ts';
import { type CaseworkText, has } from './casework.texts.ts';
import type { Assignee } from './case-page.tsx';

type Schema = {
  type?: string;
  format?: string;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  items?: Schema;
};

/** A form that came back (422, 409): its key, what was typed (key stripped) and its errors (ids with the key). */
export interface FormState {
  formKey: string;
  action: string;
  values: Record<string, unknown>;
  errors: PageFieldError[];
}

export interface FormTarget {
  formKey: string;
  action: string;
  letter: CaseView['letters'][number] | null;
}

/** The forms the case page offers: the allowed actions with a route, the letter steps once per letter they apply to. */
export function formTargets(view: CaseView): FormTarget[] {
  const type = caseTypeOf(view.caseType);
  const out: FormTarget[] = [];
  for (const action of view.allowedActions) {
    if (!type.actions[action]?.http) continue;
    if (action === 'letter_posted') {
      for (const l of view.letters.filter((x) => !x.postedOn)) out.push({ formKey: `${action}-${l.id}`, action, letter: l });
    } else if (action === 'letter_delivery') {
      for (const l of view.letters.filter((x) => x.postedOn && !x.deliveredOn))
        out.push({ formKey: `${action}-${l.id}`, action, letter: l });
    } else out.push({ formKey: action, action, letter: null });
  }
  return out;
}

const str = (v: unknown) => (Array.isArray(v) ? String(v[v.length - 1] ?? '') : v === undefined || v === null ? '' : String(v));

const TEXTAREAS = new Set(['requested', 'reasons', 'note']);

interface FormProps {
  tr: CaseworkText;
  locale: StaffLocale;
  ctx: PageStaffCtx;
  csrf: string;
  view: CaseView;
  assignee: Assignee | null;
  target: FormTarget;
  state: FormState | null;
  /** A version to carry instead of the view's (never: the view is the case now). */
  intro?: string;
}

function label(tr: CaseworkText, name: string, action: string) {
  if (name === 'legalGround' && action === 'interrupt') return tr('input.legalGround.interrupt');
  return has(`input.${name}`) ? tr(`input.${name}` as 'input.on') : name;
}

/** The controls of one action's body schema (version aside), named under the form key. */
function Fields({ tr, locale, view, target, state }: FormProps) {
  const type = caseTypeOf(view.caseType);
  const schema = type.actions[target.action]!.http!.body as unknown as Schema;
  const k = target.formKey;
  const v = (path: string) => str(state?.values[path]);
  const err = (path: string) => state?.errors.find((e) => e.id === `${k}.${path}`)?.message;
  const required = new Set(schema.required ?? []);
  const out = [];
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    if (name === 'version') continue;
    const n = `${k}.${name}`;
    if (name === 'delivery') {
      out.push(
        <>
          <RadioGroup
            name={`${n}.kind`}
            legend={tr('input.delivery.kind')}
            choices={[
              { value: 'delivered', label: tr('input.delivery.delivered') },
              { value: 'stored', label: tr('input.delivery.stored') },
            ]}
            checked={v('delivery.kind') || 'delivered'}
            error={err('delivery.kind')}
          />
          <StaffField
            name={`${n}.deliveredOn`}
            type="date"
            label={tr('input.deliveredOn')}
            value={v('delivery.deliveredOn')}
            error={err('delivery.deliveredOn')}
          />
          <StaffField
            name={`${n}.readyForCollectionOn`}
            type="date"
            label={tr('input.readyForCollectionOn')}
            value={v('delivery.readyForCollectionOn')}
            error={err('delivery.readyForCollectionOn')}
          />
          <StaffField
            name={`${n}.collectedOn`}
            type="date"
            label={tr('input.collectedOn')}
            value={v('delivery.collectedOn')}
            error={err('delivery.collectedOn')}
          />
        </>,
      );
      continue;
    }
    if (name === 'findings') {
      const points = humanitarianPointsToWeigh();
      out.push(
        <div id={n} tabIndex={-1}>
          {err('findings') ? (
            <p class="gov-form-message" data-color="error">
              {err('findings')}
            </p>
          ) : null}
          {points.map((p, i) => (
            <>
              <input type="hidden" name={`${n}.${i}.point`} value={p} />
              <StaffTextarea
                name={`${n}.${i}.finding`}
                label={tr('input.finding', { point: p })}
                value={v(`findings.${i}.finding`)}
                error={err(`findings.${i}.finding`)}
                rows={3}
                maxLength={5000}
              />
            </>
          ))}
        </div>,
      );
      continue;
    }
    if (s.type === 'boolean') {
      out.push(
        <StaffSelect
          name={n}
          label={label(tr, name, target.action)}
          options={[
            { value: '', label: tr('input.warRelated.default') },
            { value: 'true', label: tr('input.yes') },
            { value: 'false', label: tr('input.no') },
          ]}
          selected={v(name)}
          error={err(name)}
        />,
      );
      continue;
    }
    if (TEXTAREAS.has(name)) {
      out.push(
        <StaffTextarea
          name={n}
          label={label(tr, name, target.action)}
          value={v(name)}
          error={err(name)}
          required={required.has(name)}
          maxLength={s.maxLength}
          rows={name === 'reasons' ? 6 : 3}
        />,
      );
      continue;
    }
    const isDate = s.format === 'date';
    let hint: string | undefined;
    if (name === 'on') hint = tr('input.on.hint');
    if (name === 'validTo' && view.visaMaxValidTo) hint = tr('input.validTo.hint', { date: formatDate(locale, view.visaMaxValidTo) });
    out.push(
      <StaffField
        name={n}
        type={isDate ? 'date' : s.type === 'integer' ? 'number' : 'text'}
        label={label(tr, name, target.action)}
        value={v(name) || (name === 'validFrom' && !state ? view.today : '')}
        hint={hint}
        error={err(name)}
        required={required.has(name)}
        maxLength={s.maxLength}
      />,
    );
  }
  return <>{out}</>;
}

export function ActionForm(p: FormProps) {
  const { tr, locale, view, target, assignee, ctx } = p;
  const k = target.formKey;
  const title = target.letter
    ? tr('case.actions.for_letter', {
        action: has(`action.${target.action}`) ? tr(`action.${target.action}` as 'action.grant') : target.action,
        kind: has(`letter.${target.letter.kind}`) ? tr(`letter.${target.letter.kind}` as 'letter.grant') : target.letter.kind,
        date: formatDate(locale, target.letter.issuedOn),
      })
    : has(`action.${target.action}`)
      ? tr(`action.${target.action}` as 'action.grant')
      : target.action;
  const other = assignee && assignee.id !== ctx.actor.id ? assignee : null;
  const ackErr = p.state?.errors.find((e) => e.id === `${k}.ack`)?.message;
  return (
    <details class="case-action" id={`form-${k}`} open={p.state ? true : undefined} data-action={target.action}>
      <summary>
        <span class="case-action__title">{title}</span>
      </summary>
      <form method="post" action={`/${locale}/staff/cases/${view.id}/actions/${target.action}`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="_form" value={k} />
        <input type="hidden" name="_idem" value={randomUUID()} />
        <input type="hidden" name={`${k}.version`} value={String(view.version)} />
        {target.letter ? <input type="hidden" name="_letterId" value={target.letter.id} /> : null}
        {p.intro ? <p>{p.intro}</p> : null}
        {other ? (
          <p class="gov-message" data-color="warning" data-type="subtle">
            <span class="gov-message__content">{tr('case.ack.warning', { name: other.name })}</span>
          </p>
        ) : null}
        <Fields {...p} />
        {other ? (
          <StaffCheckbox
            name={`${k}.ack`}
            label={tr('case.ack', { name: other.name })}
            checked={str(p.state?.values.ack) === 'on'}
            error={ackErr}
          />
        ) : null}
        <span class="gov-button" data-type="solid" data-color="primary" data-size="m">
          <button class="element" type="submit">
            {title}
          </button>
        </span>
      </form>
    </details>
  );
}

export function ActionForms(p: {
  tr: CaseworkText;
  locale: StaffLocale;
  ctx: PageStaffCtx;
  csrf: string;
  view: CaseView;
  assignee: Assignee | null;
  form?: FormState | null;
}) {
  const targets = formTargets(p.view);
  return (
    <section aria-labelledby="actions-h" id="actions">
      <h2 id="actions-h">{p.tr('case.actions')}</h2>
      {targets.length ? (
        targets.map((t) => <ActionForm {...p} target={t} state={p.form?.formKey === t.formKey ? p.form : null} />)
      ) : (
        <p>{p.tr('case.actions.none')}</p>
      )}
    </section>
  );
}
