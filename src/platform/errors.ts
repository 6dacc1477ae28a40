/**
 * One error type for the whole application, and a registry of its codes. Each module declares the codes
 * it raises (`<module>.errors.ts`, with `defineErrors`), each with its HTTP status and a readable title;
 * the HTTP edge (http/problem.ts) looks codes up here. Domain code raises codes, never statuses.
 */
export interface FieldError {
  /** JSON pointer into the request body, e.g. "/applicant/surname". */
  field: string;
  /** Stable reason code, e.g. "NOT_CAPITAL_LATIN". */
  reason: string;
  message: string;
}

export interface ErrorSpec {
  status: number;
  title: string;
}

const registry = new Map<string, ErrorSpec>();

type Codes<P extends string, D> = { readonly [K in keyof D & string]: P extends '' ? K : `${P}.${K}` };

/**
 * Declares a module's error codes: `defineErrors('CASE', { NOT_FOUND: { status: 404, title } })` registers
 * `CASE.NOT_FOUND` and returns `{ NOT_FOUND: 'CASE.NOT_FOUND' }`. An empty prefix declares bare codes.
 * Declaring a code twice with another status or title is a programming error.
 */
export function defineErrors<const P extends string, const D extends Record<string, ErrorSpec>>(prefix: P, defs: D): Codes<P, D> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(defs)) {
    const code = prefix ? `${prefix}.${name}` : name;
    const prior = registry.get(code);
    if (prior && (prior.status !== spec.status || prior.title !== spec.title)) throw new Error(`error code ${code} declared twice`);
    registry.set(code, { status: spec.status, title: spec.title });
    out[name] = code;
  }
  return Object.freeze(out) as Codes<P, D>;
}

/** The status and title of a declared code; undefined for a code no module declared. */
export function lookupError(code: string): ErrorSpec | undefined {
  return registry.get(code);
}

/** Every declared code (for tests and docs). */
export function declaredErrors(): ReadonlyMap<string, ErrorSpec> {
  return registry;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { fields?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The generic codes of the platform; everything else is declared by the module that raises it. */
export const RequestErrors = defineErrors('REQUEST', {
  INVALID: { status: 400, title: 'The request is malformed' },
  BAD_URL: { status: 400, title: 'The URL is not valid' },
  BAD_JSON: { status: 400, title: 'The body is not valid JSON' },
  URI_TOO_LONG: { status: 414, title: 'A part of the URL is too long' },
  TOO_LARGE: { status: 413, title: 'The body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The body must be application/json' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request headers are too large' },
  TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  CROSS_SITE: { status: 403, title: 'A cross-site request with the session cookie' },
});
export const ValidationErrors = defineErrors('VALIDATION', { FAILED: { status: 422, title: 'Some fields are invalid' } });
export const GenericErrors = defineErrors('', {
  NOT_FOUND: { status: 404, title: 'Not found' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
});
/** Raised by mapPgError for database constraint and concurrency failures no module mapped itself. */
export const DbErrors = defineErrors('DB', {
  UNIQUE_VIOLATION: { status: 409, title: 'The change conflicts with an existing record' },
  CONCURRENT_CHANGE: { status: 409, title: 'A concurrent change won' },
});

export function fieldError(field: string, reason: string, message: string): FieldError {
  return { field, reason, message };
}

export function validationFailed(fields: FieldError[], message = 'The request has invalid fields.'): AppError {
  return new AppError(ValidationErrors.FAILED, message, { fields });
}
