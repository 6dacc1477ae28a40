/** RFC 9457 problem+json: the one table that maps error codes to HTTP statuses. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldError } from '../errors.ts';
import { NoRuleInForceError } from '../../modules/policy/index.ts';

const STATUS: Record<ErrorCode, number> = {
  'REQUEST.INVALID': 400,
  'VALIDATION.FAILED': 422,
  'AUTH.REQUIRED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.FORBIDDEN': 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  'CASE.NOT_FOUND': 404,
  'LETTER.NOT_FOUND': 404,
  'CASE.ILLEGAL_TRANSITION': 409,
  'CASE.VERSION_CONFLICT': 409,
  'CASE.DUPLICATE_ACTION': 409,
  'CASE.POLICY_REFUSES': 409,
  'LETTER.ILLEGAL_TRANSITION': 409,
  CONFLICT: 409,
  'POLICY.NO_RULE_IN_FORCE': 422,
  'APPOINTMENT.SLOT_FULL': 409,
  'APPOINTMENT.ALREADY_BOOKED': 409,
  'APPOINTMENT.NOT_ELIGIBLE': 422,
  'CHANNEL.WRONG_CHANNEL': 409,
  'VISA.ALREADY_CANCELLED': 409,
  'VISA.NOT_IN_FORCE': 409,
  INTERNAL: 500,
};

const TITLES: Record<ErrorCode, string> = {
  'REQUEST.INVALID': 'The request is malformed',
  'VALIDATION.FAILED': 'Some fields are invalid',
  'AUTH.REQUIRED': 'Sign-in required',
  'AUTH.INVALID_CREDENTIALS': 'Sign-in failed',
  'AUTH.FORBIDDEN': 'Not allowed',
  RATE_LIMITED: 'Too many requests',
  NOT_FOUND: 'Not found',
  'CASE.NOT_FOUND': 'Case not found',
  'LETTER.NOT_FOUND': 'Letter not found',
  'CASE.ILLEGAL_TRANSITION': 'This action is not allowed in the case’s current state',
  'CASE.VERSION_CONFLICT': 'The case was changed by someone else',
  'CASE.DUPLICATE_ACTION': 'This action was already recorded',
  'CASE.POLICY_REFUSES': 'The policy in force on the date it reads does not allow this',
  'LETTER.ILLEGAL_TRANSITION': 'This letter step is not allowed now',
  CONFLICT: 'Conflict',
  'POLICY.NO_RULE_IN_FORCE': 'No rule in force on that date',
  'APPOINTMENT.SLOT_FULL': 'That slot is full',
  'APPOINTMENT.ALREADY_BOOKED': 'You already have an appointment',
  'APPOINTMENT.NOT_ELIGIBLE': 'No appointment can be booked for this visa',
  'CHANNEL.WRONG_CHANNEL': 'This is the wrong channel for you',
  'VISA.ALREADY_CANCELLED': 'The visa is already cancelled',
  'VISA.NOT_IN_FORCE': 'The visa is not in force',
  INTERNAL: 'Internal error',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

function problem(code: ErrorCode, detail: string, req: FastifyRequest, extra: Record<string, unknown> = {}): Problem {
  return {
    // Extras first: a detail may never overwrite the standard members.
    ...extra,
    type: `urn:pobyt:problem:${code.toLowerCase()}`,
    title: TITLES[code],
    status: STATUS[code],
    detail,
    code,
    instance: req.url.split('?')[0] ?? req.url,
    requestId: String(req.id),
  };
}

function ajvFields(err: FastifyError): FieldError[] {
  const errs = err.validation ?? [];
  // A choice among fixed values (a union of literals) fails once per value plus once for the union:
  // reported as one error naming the allowed values.
  const choices = new Map<string, unknown[]>();
  for (const v of errs) {
    if (v.keyword !== 'anyOf') continue;
    const atPath = errs.filter((e) => e.instancePath === v.instancePath && e !== v);
    if (atPath.length && atPath.every((e) => e.keyword === 'const')) {
      choices.set(
        v.instancePath,
        atPath.map((e) => (e.params as { allowedValue: unknown }).allowedValue),
      );
    }
  }
  const out: FieldError[] = [];
  for (const v of errs) {
    const allowed = choices.get(v.instancePath);
    if (allowed) {
      if (v.keyword === 'anyOf')
        out.push({ field: v.instancePath || '/', reason: 'NOT_ALLOWED', message: `must be one of: ${allowed.join(', ')}` });
      continue;
    }
    const params = v.params as Record<string, unknown>;
    const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
    const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
    out.push({
      field: `${v.instancePath}${missing || extra}` || '/',
      reason: String(v.keyword).toUpperCase(),
      message: v.message ?? 'invalid',
    });
  }
  return out;
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type('application/problem+json').send(p);
}

export function toProblem(err: unknown, req: FastifyRequest): Problem {
  if (err instanceof AppError) {
    const { fields, ...rest } = err.details;
    return problem(err.code, err.message, req, { ...(fields ? { errors: fields } : {}), ...rest });
  }
  const carried = (err as { problem?: Problem }).problem;
  if (carried) return carried;
  if (err instanceof NoRuleInForceError) {
    return problem('POLICY.NO_RULE_IN_FORCE', err.message, req, { parameter: err.parameterId, date: err.date });
  }
  const fe = err as FastifyError;
  if (fe?.validation) {
    return problem('REQUEST.INVALID', 'The request does not match the schema.', req, { errors: ajvFields(fe) });
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const p = problem('REQUEST.INVALID', fe.message, req);
    p.status = fe.statusCode;
    return p;
  }
  return problem('INTERNAL', 'Something went wrong on our side; the request id identifies it in our logs.', req);
}
