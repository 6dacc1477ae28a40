/**
 * Form controls and tables of the staff pages, on the design system's plain-HTML classes. The id of a
 * control is its field's dotted path (`applicant.surname`), so the error summary links to it and
 * `formBody`/`problemFields` errors land beside it.
 */
import type { ComponentChildren } from 'preact';

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <span class="gov-form-label" slot="top" data-size="m">
      <label class="gov-form-label__label" for={id}>
        {label}
        {required ? <span class="required-mark"> *</span> : null}
      </label>
    </span>
  );
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p class="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <div class="gov-form-control__bottom">
      <span class="gov-form-message" slot="bottom" data-color="error" data-size="m">
        <span class="gov-form-message__content" id={`${id}-error`}>
          {error}
        </span>
      </span>
    </div>
  );
}

export interface StaffFieldProps {
  /** The field's dotted path: the control's id and name. */
  name: string;
  label: string;
  type?: 'text' | 'date' | 'number' | 'password' | 'email' | 'url' | 'search';
  value?: string | number | null;
  hint?: string;
  error?: string;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  /** Extra attributes for the input (e.g. `{ 'data-capital-latin': '' }` for a script to read). */
  attrs?: Record<string, string>;
}

export function StaffField(p: StaffFieldProps) {
  const id = p.name;
  return (
    <div class="gov-form-control" data-size="m" data-invalid={p.error ? 'true' : undefined}>
      <div class="gov-form-control__holder">
        <Label id={id} label={p.label} required={p.required} />
        <Hint id={id} hint={p.hint} />
        <div class="gov-form-input" data-size="m" data-hydrated data-invalid={p.error ? 'true' : undefined}>
          <span class="element">
            <input
              id={id}
              name={p.name}
              type={(p.type ?? 'text') as 'text'}
              value={p.value ?? undefined}
              autocomplete={p.autocomplete ?? 'off'}
              maxLength={p.maxLength}
              required={p.required}
              spellcheck={false}
              aria-invalid={p.error ? 'true' : undefined}
              aria-describedby={describedBy(id, p.hint, p.error)}
              {...(p.attrs ?? {})}
            />
          </span>
        </div>
        <FieldError id={id} error={p.error} />
      </div>
    </div>
  );
}

export function StaffTextarea(p: {
  name: string;
  label: string;
  value?: string | null;
  hint?: string;
  error?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
}) {
  const id = p.name;
  return (
    <div class="gov-form-control" data-size="m" data-invalid={p.error ? 'true' : undefined}>
      <div class="gov-form-control__holder">
        <Label id={id} label={p.label} required={p.required} />
        <Hint id={id} hint={p.hint} />
        <div class="gov-form-input" data-size="m" data-hydrated data-invalid={p.error ? 'true' : undefined}>
          <span class="element">
            <textarea
              id={id}
              name={p.name}
              rows={p.rows ?? 4}
              maxLength={p.maxLength}
              required={p.required}
              aria-invalid={p.error ? 'true' : undefined}
              aria-describedby={describedBy(id, p.hint, p.error)}
            >
              {p.value ?? ''}
            </textarea>
          </span>
        </div>
        <FieldError id={id} error={p.error} />
      </div>
    </div>
  );
}

/** A checkbox; posted as `on` when ticked (formBody makes it `true` where the schema wants a boolean). */
export function StaffCheckbox(p: { name: string; label: string; checked?: boolean; hint?: string; error?: string; value?: string }) {
  const id = p.value ? `${p.name}-${p.value}` : p.name;
  return (
    <div class="gov-form-control staff-checkbox" data-size="m" data-invalid={p.error ? 'true' : undefined}>
      <div class="gov-form-checkbox" data-size="m">
        <input
          class="gov-form-checkbox__input"
          type="checkbox"
          id={id}
          name={p.name}
          value={p.value ?? 'on'}
          checked={p.checked}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy(id, p.hint, p.error)}
        />
        <span>
          <span class="gov-form-label" slot="label" data-size="m">
            <label class="gov-form-label__label" for={id}>
              {p.label}
            </label>
          </span>
        </span>
      </div>
      <Hint id={id} hint={p.hint} />
      <FieldError id={id} error={p.error} />
    </div>
  );
}

export function StaffSelect(p: {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  selected?: string | null;
  hint?: string;
  error?: string;
  required?: boolean;
}) {
  const id = p.name;
  return (
    <div class="gov-form-control" data-size="m" data-invalid={p.error ? 'true' : undefined}>
      <div class="gov-form-control__holder">
        <Label id={id} label={p.label} required={p.required} />
        <Hint id={id} hint={p.hint} />
        <div class="gov-form-select" data-size="m" data-hydrated>
          <span class="element">
            <select id={id} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(id, p.hint, p.error)}>
              {p.options.map((o) => (
                <option value={o.value} selected={o.value === p.selected}>
                  {o.label}
                </option>
              ))}
            </select>
          </span>
        </div>
        <FieldError id={id} error={p.error} />
      </div>
    </div>
  );
}

/** A table with a caption and column headers (`th scope="col"`); the first cell of each row may be a row header. */
export function DataTable(p: {
  caption: string;
  /** Hide the caption visually (it is still read out). */
  captionHidden?: boolean;
  head: ReadonlyArray<ComponentChildren>;
  rows: ReadonlyArray<ReadonlyArray<ComponentChildren>>;
  rowHeader?: boolean;
  empty?: string;
  /** Per-row class (e.g. 'overdue'). */
  rowClass?: (i: number) => string | undefined;
  numeric?: ReadonlyArray<number>;
}) {
  const num = new Set(p.numeric ?? []);
  return (
    <div class="table-scroll">
      <table class="staff-table">
        <caption class={p.captionHidden ? 'visually-hidden' : undefined}>{p.caption}</caption>
        <thead>
          <tr>
            {p.head.map((h, i) => (
              <th scope="col" class={num.has(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.length ? (
            p.rows.map((r, ri) => (
              <tr class={p.rowClass?.(ri)}>
                {r.map((c, i) => (i === 0 && p.rowHeader ? <th scope="row">{c}</th> : <td class={num.has(i) ? 'num' : undefined}>{c}</td>))}
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={p.head.length}>{p.empty ?? '—'}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A notice above the content (`?done=…` after a 303): success or a warning, announced politely. */
export function Notice({
  kind = 'success',
  children,
}: {
  kind?: 'success' | 'warning' | 'error' | 'primary';
  children: ComponentChildren;
}) {
  return (
    <div class="gov-message staff-notice" data-color={kind} data-type="subtle" role={kind === 'error' ? 'alert' : 'status'}>
      <div class="gov-message__content">{children}</div>
    </div>
  );
}
