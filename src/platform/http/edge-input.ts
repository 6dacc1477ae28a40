/**
 * Checks every request's strings and numbers at the edge, before its schema, on every route: the
 * body (at any depth, keys included), the query string and the path parameters.
 * - A control character (C0 other than tab, line feed and carriage return; DEL) is refused with 400:
 *   PostgreSQL refuses NUL in text, and none of them belongs in a name, a number or a narrative.
 * - A lone UTF-16 surrogate (JSON's "\udfff" without its pair) is refused with 400 too: it is no
 *   character, UTF-8 cannot carry it, and PostgreSQL refuses it in jsonb.
 * - A number beyond a 32-bit integer (the database's `integer`) is refused with 422.
 * - A civil date (YYYY-MM-DD) outside 1900–2100 is refused with 422: no birth, filing or decision of
 *   this system falls outside it, and the Czech calendar is defined for 2000–2100 only.
 * Each refusal names the field (a JSON pointer into the body; `/name` for a parameter).
 */
import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError, RequestErrors, ValidationErrors } from '../errors.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check for them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CIVIL_DATE = /^(\d{4})-\d{2}-\d{2}$/;
export const INT32_MAX = 2 ** 31 - 1;
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

const pointer = (path: string, key: string) => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function walk(v: unknown, path: string, control: FieldError[], range: FieldError[], depth = 0): void {
  if (depth > 64) return;
  if (typeof v === 'string') {
    if (CONTROL.test(v)) control.push({ field: path || '/', reason: 'CONTROL_CHARACTER', message: 'contains a control character' });
    if (LONE_SURROGATE.test(v)) control.push({ field: path || '/', reason: 'LONE_SURROGATE', message: 'contains half of a UTF-16 pair' });
    const d = CIVIL_DATE.exec(v);
    if (d && (Number(d[1]) < DATE_YEARS.min || Number(d[1]) > DATE_YEARS.max))
      range.push({ field: path || '/', reason: 'OUT_OF_RANGE', message: `a date must lie in ${DATE_YEARS.min}–${DATE_YEARS.max}` });
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v) || Math.abs(v) > INT32_MAX)
      range.push({ field: path || '/', reason: 'OUT_OF_RANGE', message: `must lie within ±${INT32_MAX}` });
  } else if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) walk(x, `${path}/${i}`, control, range, depth + 1);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (CONTROL.test(k))
        control.push({
          field: pointer(path, k.replace(CONTROL, '?')),
          reason: 'CONTROL_CHARACTER',
          message: 'a key contains a control character',
        });
      if (LONE_SURROGATE.test(k))
        control.push({
          field: pointer(path, k.replace(new RegExp(LONE_SURROGATE, 'g'), '?')),
          reason: 'LONE_SURROGATE',
          message: 'a key contains half of a UTF-16 pair',
        });
      walk(x, pointer(path, k), control, range, depth + 1);
    }
  }
}

/** @throws REQUEST.INVALID (control characters, lone surrogates), VALIDATION.FAILED (numbers and dates out of range) */
export function checkEdgeInput(req: FastifyRequest): void {
  const control: FieldError[] = [];
  const range: FieldError[] = [];
  walk(req.params, '', control, range);
  walk(req.query, '', control, range);
  walk(req.body, '', control, range);
  if (control.length)
    throw new AppError(RequestErrors.INVALID, 'The request contains control characters or broken UTF-16.', { fields: control });
  if (range.length) throw new AppError(ValidationErrors.FAILED, 'Some values are out of range.', { fields: range });
}
