/** RFC 9457 problem+json: error codes become statuses and titles through the registry in ../errors.ts. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError, GenericErrors, lookupError, RequestErrors } from '../errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

function problem(code: string, detail: string, req: FastifyRequest, extra: Record<string, unknown> = {}): Problem {
  const spec = lookupError(code);
  if (!spec) {
    // A code no module declared is a bug: answer 500 and name the code in the log, never its message.
    req.log.error({ errCode: code }, 'unregistered error code');
    return internal(req);
  }
  return {
    // Extras first: a detail may never overwrite the standard members.
    ...extra,
    type: `urn:pobyt:problem:${code.toLowerCase()}`,
    title: spec.title,
    status: spec.status,
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

/** An error that carries a stable code: an AppError, or a module's own error class with `code` and `details`. */
interface CodedError {
  code: string;
  message: string;
  details?: { fields?: FieldError[]; [k: string]: unknown };
}

function isCoded(err: unknown): err is CodedError {
  if (err instanceof AppError) return true;
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: unknown; details?: unknown };
  // A driver error has a code too (pg: '23505'): a module's error class also carries its details.
  return typeof e.code === 'string' && typeof e.details === 'object' && e.details !== null;
}

function internal(req: FastifyRequest): Problem {
  const code = GenericErrors.INTERNAL;
  return {
    type: `urn:pobyt:problem:${code.toLowerCase()}`,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side; the request id identifies it in our logs.',
    code,
    instance: req.url.split('?')[0] ?? req.url,
    requestId: String(req.id),
  };
}

export function toProblem(err: unknown, req: FastifyRequest): Problem {
  if (isCoded(err)) {
    const { fields, ...rest } = err.details ?? {};
    return problem(err.code, err.message, req, { ...(fields ? { errors: fields } : {}), ...rest });
  }
  const carried = (err as { problem?: Problem }).problem;
  if (carried) return carried;
  const fe = err as FastifyError;
  if (fe?.validation) {
    return problem(RequestErrors.INVALID, 'The request does not match the schema.', req, { errors: ajvFields(fe) });
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const p = problem(RequestErrors.INVALID, fe.message, req);
    p.status = fe.statusCode;
    return p;
  }
  return internal(req);
}
