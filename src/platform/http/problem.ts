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
  // A refusal that names its wait (a lockout, a failure limit) says it in the header too.
  if (typeof p.retryAfterSeconds === 'number') reply.header('retry-after', String(p.retryAfterSeconds));
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

const FRAMEWORK: Record<string, [string, string]> = {
  FST_ERR_BAD_URL: [RequestErrors.BAD_URL, 'The URL is not valid percent-encoded UTF-8.'],
  FST_ERR_MAX_PARAM_LENGTH: [RequestErrors.URI_TOO_LONG, 'A path parameter is longer than any this API takes.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [RequestErrors.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [RequestErrors.TOO_LARGE, 'The body is larger than this route accepts.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [RequestErrors.INVALID, 'The Content-Length does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [RequestErrors.BAD_JSON, 'The body is empty but the content type says JSON.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [RequestErrors.BAD_JSON, 'The body is not valid JSON.'],
  FST_ERR_CTP_INVALID_CONTENT_TYPE: [RequestErrors.UNSUPPORTED_MEDIA_TYPE, 'The Content-Type header is not valid.'],
  FST_ERR_ASYNC_CONSTRAINT: [RequestErrors.INVALID, 'The request matches no route constraint.'],
};

/**
 * The answer to a client error Node's HTTP parser meets before Fastify sees a request (headers too
 * large, a malformed request line, a timeout): raw bytes on the socket, as problem+json.
 */
export function clientErrorResponse(err: { code?: string }): string {
  const [code, status, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [RequestErrors.HEADERS_TOO_LARGE, 431, 'The request headers exceed the server’s limit.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [RequestErrors.TIMEOUT, 408, 'The request did not arrive in time.']
        : [RequestErrors.INVALID, 400, 'The request is not valid HTTP.'];
  const spec = lookupError(code)!;
  const body = JSON.stringify({ type: `urn:pobyt:problem:${code.toLowerCase()}`, title: spec.title, status, detail, code, instance: '' });
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
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
  // Fastify's own errors before a handler runs: a code of ours and a detail that never echoes the input.
  const framework = fe?.code ? FRAMEWORK[fe.code] : undefined;
  if (framework) return problem(framework[0], framework[1], req);
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const p = problem(RequestErrors.INVALID, fe.message, req);
    p.status = fe.statusCode;
    return p;
  }
  return internal(req);
}
