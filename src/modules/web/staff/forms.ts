/**
 * Forms of the staff pages ⇄ the API's request schemas. A form names its fields by their dotted path
 * in the API body (`applicant.surname`, `checklist.fee.amountCzk`), so that one schema validates both
 * edges: `formBody` turns the posted strings into the body the schema describes (checkboxes,
 * numbers, lists) and checks it against that schema; `problemFields` places a use case's field errors
 * (JSON pointers) beside the same controls. Messages are worded for the page's language.
 */
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { formatMessage } from '../../../platform/i18n.ts';

export interface PageFieldError {
  /** The control's id: the field's dotted path (`applicant.surname`). */
  id: string;
  message: string;
  /** The stable reason (a JSON-schema keyword or the use case's reason code). */
  reason: string;
}

type Json = Record<string, unknown>;
type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; [k: string]: unknown };

const MESSAGES: Record<'cs' | 'en', Record<string, string>> = {
  en: {
    required: 'Fill this in.',
    maxLength: 'At most {n} characters.',
    minLength: 'At least {n} characters.',
    pattern: 'This is not in the expected form.',
    date: 'A date, as YYYY-MM-DD.',
    format: 'This is not in the expected form.',
    number: 'A whole number.',
    choose: 'Choose one of the options.',
    minimum: 'At least {n}.',
    maximum: 'At most {n}.',
    items: 'Check the entries of this list.',
    unknown: 'Remove this field.',
    invalid: 'Check this field.',
  },
  cs: {
    required: 'Vyplňte toto pole.',
    maxLength: 'Nejvýše {n} znaků.',
    minLength: 'Alespoň {n} znaků.',
    pattern: 'Údaj nemá očekávaný tvar.',
    date: 'Datum ve tvaru RRRR-MM-DD.',
    format: 'Údaj nemá očekávaný tvar.',
    number: 'Celé číslo.',
    choose: 'Vyberte jednu z možností.',
    minimum: 'Nejméně {n}.',
    maximum: 'Nejvýše {n}.',
    items: 'Zkontrolujte položky seznamu.',
    unknown: 'Toto pole sem nepatří.',
    invalid: 'Zkontrolujte toto pole.',
  },
};

function say(locale: Locale, key: string, n?: unknown): string {
  const m = (locale === 'cs' ? MESSAGES.cs : MESSAGES.en)[key] ?? MESSAGES.en.invalid!;
  return formatMessage(locale, m, n === undefined ? {} : { n: Number(n) });
}

/** The schema one level down (through unions: the first branch that is not null). */
function child(s: Schema | undefined, key: string): Schema | undefined {
  if (!s) return undefined;
  if (s.properties?.[key]) return s.properties[key];
  if (s.anyOf)
    for (const b of s.anyOf)
      if (b.type !== 'null') {
        const c = child(b, key);
        if (c) return c;
      }
  if (s.items) return s.items;
  return undefined;
}

function typeOf(s: Schema | undefined): string | undefined {
  if (!s) return undefined;
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if ('const' in s) return typeof s.const;
  if (s.anyOf) for (const b of s.anyOf) if (b.type !== 'null') return typeOf(b);
  return undefined;
}

function coerce(s: Schema | undefined, raw: unknown): unknown {
  const t = typeOf(s);
  if (t === 'array') {
    const list = Array.isArray(raw) ? raw : String(raw).split(/\r?\n/);
    return list
      .map((x) => String(x).trim())
      .filter(Boolean)
      .map((x) => coerce(s?.items ?? child(s, '0'), x));
  }
  const v = Array.isArray(raw) ? String(raw[raw.length - 1] ?? '') : String(raw ?? '');
  const x = v.trim();
  if (t === 'boolean') return x === 'on' || x === 'true' || x === '1' ? true : x === 'false' || x === '0' ? false : x;
  if (t === 'integer' || t === 'number') return /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : x;
  return x;
}

/** Sets `body.a.b.c = value`, making the objects on the way. */
function put(body: Json, path: string[], value: unknown) {
  let o = body;
  for (const k of path.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Json;
  }
  o[path[path.length - 1]!] = value;
}

const pointerToId = (p: string) =>
  p
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

/**
 * The API body a posted form describes, and what is wrong with it against `schema`.
 * - Only fields whose name is a path the schema knows are taken (`_csrf` and page-only fields are not).
 * - An empty value is left out (an optional field stays absent; a required one is "fill this in").
 * - `extra` is merged first (e.g. the version from a hidden field, a value the page computed).
 */
export function formBody<T = Json>(
  schema: TSchema,
  form: Record<string, unknown> | null | undefined,
  locale: Locale,
  extra: Json = {},
): { body: T; errors: PageFieldError[] } {
  const root = schema as unknown as Schema;
  const body: Json = structuredClone(extra);
  for (const [name, raw] of Object.entries(form ?? {})) {
    if (name.startsWith('_')) continue;
    const path = name.split('.');
    let s: Schema | undefined = root;
    for (const k of path) s = child(s, k);
    if (!s) continue;
    const v = coerce(s, raw);
    if (v === '' || (Array.isArray(v) && v.length === 0 && !Array.isArray(raw))) continue;
    put(body, path, v);
  }
  return { body: body as T, errors: schemaErrors(schema, body, locale) };
}

/** The schema's complaints about `value`, one per field, worded for the page. */
export function schemaErrors(schema: TSchema, value: unknown, locale: Locale): PageFieldError[] {
  const out = new Map<string, PageFieldError>();
  const add = (id: string, reason: string, message: string) => {
    if (!out.has(id)) out.set(id, { id: id || 'form', reason, message });
  };
  for (const e of Value.Errors(schema, value) as Array<{ keyword: string; instancePath: string; params: Record<string, unknown> }>) {
    const id = pointerToId(e.instancePath);
    const p = e.params;
    switch (e.keyword) {
      case 'required':
        for (const k of (p.requiredProperties as string[]) ?? []) add(id ? `${id}.${k}` : k, 'required', say(locale, 'required'));
        break;
      case 'minLength':
        add(
          id,
          'minLength',
          Number(p.limit ?? p.minLength ?? 1) <= 1 ? say(locale, 'required') : say(locale, 'minLength', p.limit ?? p.minLength),
        );
        break;
      case 'maxLength':
        add(id, 'maxLength', say(locale, 'maxLength', p.limit ?? p.maxLength));
        break;
      case 'format':
        add(id, 'format', say(locale, p.format === 'date' ? 'date' : 'format'));
        break;
      case 'pattern':
        add(id, 'pattern', say(locale, 'pattern'));
        break;
      case 'type':
        if (p.type === 'null') break;
        add(id, 'type', say(locale, p.type === 'integer' || p.type === 'number' ? 'number' : 'invalid'));
        break;
      case 'const':
      case 'enum':
        add(id, e.keyword, say(locale, 'choose'));
        break;
      case 'minimum':
      case 'exclusiveMinimum':
        add(id, 'minimum', say(locale, 'minimum', p.limit ?? p.minimum));
        break;
      case 'maximum':
      case 'exclusiveMaximum':
        add(id, 'maximum', say(locale, 'maximum', p.limit ?? p.maximum));
        break;
      case 'additionalProperties':
        for (const k of (p.additionalProperties as string[]) ?? []) add(id ? `${id}.${k}` : k, 'unknown', say(locale, 'unknown'));
        break;
      case 'boolean':
      case 'anyOf':
      case 'oneOf':
        break;
      default:
        add(id, e.keyword, say(locale, 'invalid'));
    }
  }
  // A union whose every branch failed only as "must match anyOf" still gets one message.
  if (!out.size && !Value.Check(schema, value)) add('form', 'invalid', say(locale, 'invalid'));
  return [...out.values()];
}

/**
 * The field errors a use case raised (an AppError whose details carry `fields`, JSON pointers into the
 * API body), as errors beside the page's controls; null when the error is not about fields.
 * `reasons` words known reason codes for the page; otherwise the use case's own message is shown.
 */
export function problemFields(err: unknown, locale: Locale, reasons: Record<string, string> = {}): PageFieldError[] | null {
  if (!(err instanceof AppError) || !err.details.fields?.length) return null;
  return err.details.fields.map((f) => ({
    id: pointerToId(f.field) || 'form',
    reason: f.reason,
    message: reasons[f.reason] ?? (locale === 'cs' && f.reason === 'REQUIRED' ? say('cs', 'required') : f.message),
  }));
}

/** The error for a control id, for the `error=` prop. */
export const errorFor = (errors: readonly PageFieldError[], id: string) => errors.find((e) => e.id === id)?.message;
