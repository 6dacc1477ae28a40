/**
 * The fuzzer (issue 10): hostile requests for every route, built with fast-check from the route's own
 * request schemas (read from Fastify's route options) and from the matrix's valid request for it.
 * A request is sent as a principal the matrix allows on the route, so it reaches the route's rules
 * and not only the sign-in check.
 *
 * What it checks on every answer: no 5xx; every error of the API is problem+json; and no partial write
 * — after a refused request (4xx) no row of any table was inserted, updated or deleted (installWriteLog),
 * but in the tables that record a refusal on purpose (ALLOWED_ON_REFUSAL).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/db.ts';
import { type RouteEntry, routeTable } from '../../src/app.ts';
import { type Call, declarationOf, PRINCIPALS, type Principal } from './access-matrix.ts';
import type { Arena } from './arena.ts';

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Tables a refused request may write to on purpose, and why. */
export const ALLOWED_ON_REFUSAL: Record<string, string> = {
  audit_events: 'refused reads of personal data and failed holder lookups are audited',
};

const ISO = (d: Date) => d.toISOString().slice(0, 10);

/** Values a schema accepts (roughly: formats and patterns honoured, lengths kept short). */
export function validValue(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((x) => validValue(x, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) rec[k] = validValue(v, depth + 1);
      const record = fc.record(rec, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      const pp = s.patternProperties && Object.entries(s.patternProperties)[0];
      if (!pp) return record;
      return fc
        .tuple(record, fc.dictionary(fc.stringMatching(new RegExp(pp[0])), validValue(pp[1], depth + 1), { maxKeys: 3 }))
        .map(([a, b]) => ({ ...b, ...(a as object) }));
    }
    case 'array':
      return fc.array(validValue(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'string': {
      if (s.format === 'date') return fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map(ISO);
      if (s.format === 'date-time')
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'email') return fc.emailAddress();
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 1e9));
      const min = s.minLength ?? 0;
      return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 24, 24)) });
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.constant(null);
  }
}

/** An object with a prototype key as its own property (as JSON.parse makes it). */
const protoObject = (key: string, inner: unknown) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(inner)}}`) as unknown;

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Values no route should choke on. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 53,
    Number('9007199254740993'),
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\udfff',
    '\ud800x',
    'x\ud83d',
    '\u202e\u200b',
    '\u0007\u001b[31m',
    '\r\nSet-Cookie: a=b',
    '0000-00-00',
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '9999-12-31',
    '1969-12-31',
    '1899-12-31',
    '+275760-09-13',
    '-000001-01-01',
    '2024-03-31T25:61:00Z',
    '00000000-0000-0000-0000-000000000000',
    '__proto__',
    'constructor',
    'toString',
    '../../etc/passwd',
    '%00',
    '%ff%fe',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    ['$', '{7*7}'].join(''),
    [],
    {},
    [[[[[]]]]],
    [null],
  ),
  fc.constantFrom(...PROTO_KEYS).map((k) => protoObject(k, { admin: true, role: 'admin', polluted: 1 })),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001f', '\u007f', '\u0085', '\u2028', '\ufeff', '\udc00', 'a'), maxLength: 12 }),
  fc.integer({ min: 1, max: 6 }).map((k) => 'x'.repeat(10 ** k)),
  fc.double(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => Number(b)),
  fc.anything({ maxDepth: 2 }),
);

/** What to do to the valid request. */
export type Mutation =
  | { kind: 'schema-body'; body: unknown }
  | { kind: 'at'; path: number[]; op: 'replace' | 'delete' | 'add'; value: unknown; key: string }
  | { kind: 'whole'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'param'; index: number; value: string }
  | { kind: 'query'; key: string; value: string; schemaKey: number }
  | { kind: 'header'; value: string };

const RAW = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '"x"',
    '1e999999',
    '{"a":1,"a":2}',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '\ufeff{}',
    '{"a":"\\udfff"}',
    '{"a":"\\u0000"}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`,
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

export function mutationArb(route: RouteEntry): fc.Arbitrary<Mutation> {
  const schema = (route.schema ?? {}) as Record<string, Schema | undefined>;
  const str = fc.oneof(
    hostile.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  const queryKeys = Object.keys(schema.querystring?.properties ?? {});
  const arbs: fc.Arbitrary<Mutation>[] = [
    fc.record({
      kind: fc.constant('at' as const),
      path: fc.array(fc.nat(20), { minLength: 0, maxLength: 4 }),
      op: fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
      value: hostile,
      key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })),
    }),
    fc.record({ kind: fc.constant('whole' as const), value: hostile }),
    fc.record({
      kind: fc.constant('raw' as const),
      text: RAW,
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
      ),
    }),
    fc.record({ kind: fc.constant('param' as const), index: fc.nat(5), value: str }),
    fc.record({
      kind: fc.constant('query' as const),
      key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })),
      value: str,
      schemaKey: fc.nat(10),
    }),
    fc.record({ kind: fc.constant('header' as const), value: fc.string({ unit: 'grapheme-ascii', maxLength: 200 }) }),
  ];
  if (schema.body) arbs.push(fc.record({ kind: fc.constant('schema-body' as const), body: validValue(schema.body) }));
  if (queryKeys.length)
    arbs.push(
      fc.record({
        kind: fc.constant('query' as const),
        key: fc.constantFrom(...queryKeys),
        value: fc.oneof(str, validValue(schema.querystring!.properties![queryKeys[0]!]).map(String)),
        schemaKey: fc.nat(queryKeys.length - 1),
      }),
    );
  return fc.oneof(...arbs);
}

/** One input: a route, the principal sending it and what is done to the matrix's valid request. */
export interface FuzzInput {
  route: RouteEntry;
  principal: Principal;
  mutation: Mutation;
}

/** The routes fuzzed: every route but the HEAD twins of GET routes (the same handler). */
export function fuzzedRoutes(arena: Arena): RouteEntry[] {
  return routeTable(arena.t.app).filter((r) => r.method !== 'HEAD');
}

export function inputArb(routes: RouteEntry[]): fc.Arbitrary<FuzzInput> {
  return fc.constantFrom(...routes).chain((route) => {
    const d = declarationOf(route.method, route.url)!;
    const allowed = PRINCIPALS.filter((p) => d.expect[p] === 'ok');
    const principals = allowed.length ? allowed : PRINCIPALS.slice();
    return fc.record({ route: fc.constant(route), principal: fc.constantFrom(...principals), mutation: mutationArb(route) });
  });
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function mutateAt(body: unknown, m: Extract<Mutation, { kind: 'at' }>): unknown {
  const root = clone(body) ?? {};
  if (typeof root !== 'object' || root === null) return m.value;
  let node = root as Record<string, unknown>;
  for (const step of m.path.slice(0, -1)) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const next = node[keys[step % keys.length]!];
    if (!next || typeof next !== 'object') break;
    node = next as Record<string, unknown>;
  }
  const keys = Object.keys(node);
  const last = m.path.at(-1) ?? 0;
  const key = m.op === 'add' || !keys.length ? m.key : keys[last % keys.length]!;
  if (m.op === 'delete') delete node[key];
  else Object.defineProperty(node, key, { value: m.value, enumerable: true, writable: true, configurable: true });
  return root;
}

/** The request the input describes, from the matrix's valid request `c`. */
export function applyMutation(route: RouteEntry, c: Call, m: Mutation): { call: Call; raw?: { text: string; contentType: string } } {
  const [path, query = ''] = c.url.split('?') as [string, string?];
  const params = new URLSearchParams(query);
  const base = { ...c, url: c.url };
  const payload = c.form ?? c.body;
  const set = (v: unknown): Call => (c.form ? { ...base, form: formOf(v) } : { ...base, body: v });
  switch (m.kind) {
    case 'schema-body':
      return { call: set(m.body) };
    case 'at':
      return { call: set(mutateAt(payload, m)) };
    case 'whole':
      return { call: set(m.value) };
    case 'raw':
      return { call: base, raw: { text: m.text, contentType: m.contentType } };
    case 'header':
      return { call: { ...base, headers: { ...(c.headers ?? {}), 'idempotency-key': m.value } } };
    case 'param': {
      const segs = path.split('/');
      const pattern = route.url.split('/');
      const slots = pattern.flatMap((p, i) => (p.startsWith(':') || p === '*' ? [i] : []));
      if (!slots.length) return { call: { ...base, url: `${path}/${segment(m.value)}${query ? `?${query}` : ''}` } };
      segs[slots[m.index % slots.length]!] = segment(m.value);
      return { call: { ...base, url: `${segs.join('/')}${query ? `?${query}` : ''}` } };
    }
    case 'query': {
      params.set(m.key, m.value);
      return { call: { ...base, url: `${path}?${params.toString()}` } };
    }
  }
}

/** A path segment: percent-encoded as UTF-8 (a lone surrogate as U+FFFD); a value that starts with % is sent as it is. */
function segment(v: string): string {
  if (v.startsWith('%')) return v.replace(/[^%0-9A-Za-z]/g, '');
  return [...Buffer.from(v, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`))
    .join('');
}

function formOf(v: unknown): Record<string, string> {
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : (JSON.stringify(x) ?? '')]));
  return { value: typeof v === 'string' ? v : (JSON.stringify(v) ?? '') };
}

/**
 * A log of every row written, for the no-partial-write check: a test-only table and an AFTER trigger
 * on every table of the schema that notes the table of each row inserted, updated or deleted. The
 * note is part of the writing transaction, so a rolled-back write leaves none: after a refused
 * request, no note means no row changed — counts and contents alike.
 */
export async function installWriteLog(db: Db): Promise<{ mark(): Promise<number>; since(mark: number): Promise<Map<string, number>> }> {
  const tables = (
    await sql<{ t: string }>`select table_name as t from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db)
  ).rows.map((r) => r.t);
  await sql`create table fuzz_writes (id bigserial primary key, tbl text not null)`.execute(db);
  await sql`create function fuzz_note_write() returns trigger language plpgsql as $$
    begin insert into fuzz_writes (tbl) values (TG_TABLE_NAME); return null; end $$`.execute(db);
  for (const t of tables)
    await sql
      .raw(`create trigger zz_fuzz_write after insert or update or delete on "${t}" for each row execute function fuzz_note_write()`)
      .execute(db);
  return {
    mark: async () => Number((await sql<{ m: string }>`select coalesce(max(id), 0) as m from fuzz_writes`.execute(db)).rows[0]!.m),
    since: async (mark) =>
      new Map(
        (
          await sql<{ tbl: string; n: string }>`select tbl, count(*) as n from fuzz_writes where id > ${mark} group by tbl`.execute(db)
        ).rows.map((r) => [r.tbl, Number(r.n)]),
      ),
  };
}

export interface FuzzFigures {
  inputs: number;
  byStatus: Record<string, number>;
  failures: string[];
  routes: number;
  ms: number;
}

/** Sends `n` inputs (seeded) and checks each answer; `onInput` is told after each. */
export async function runFuzz(arena: Arena, o: { n: number; seed: number; onInput?: (done: number) => void; maxFailures?: number }) {
  const routes = fuzzedRoutes(arena);
  const log = await installWriteLog(arena.t.handle.db);
  const figures: FuzzFigures = { inputs: 0, byStatus: {}, failures: [], routes: routes.length, ms: 0 };
  const t0 = performance.now();
  const arb = inputArb(routes);
  const batch = 500;
  for (let done = 0; done < o.n; done += batch) {
    const inputs = fc.sample(arb, { numRuns: Math.min(batch, o.n - done), seed: o.seed + done });
    for (const input of inputs) {
      const d = declarationOf(input.route.method, input.route.url)!;
      const valid = await d.call(arena.w, input.principal);
      const { call, raw } = applyMutation(input.route, valid, input.mutation);
      let mark = 0;
      const res = await arena.send(input.route.method, input.principal, call, {
        ...(raw ? { rawBody: raw.text, contentType: raw.contentType } : {}),
        beforeInject: async () => {
          mark = await log.mark();
        },
      });
      figures.inputs++;
      const cls = `${Math.floor(res.status / 100)}xx`;
      figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
      const what = () =>
        `${input.route.method} ${call.url.slice(0, 200)} as ${input.principal} (${input.mutation.kind}${raw ? `: ${JSON.stringify(raw.text.slice(0, 80))}` : `: ${(JSON.stringify(call.body ?? call.form) ?? '').slice(0, 200)}`})`;
      if (cls === '5xx') figures.failures.push(`${res.status} for ${what()}: ${res.body.slice(0, 200)}`);
      const ct = String(res.headers['content-type'] ?? '');
      if (res.status >= 400 && call.url.startsWith('/api/') && !ct.startsWith('application/problem+json'))
        figures.failures.push(`${res.status} not problem+json (${ct}) for ${what()}`);
      if (res.status >= 200 && res.status < 300) await arena.settle();
      else if (res.status >= 400) {
        for (const [t, n] of await log.since(mark))
          if (!(t in ALLOWED_ON_REFUSAL)) figures.failures.push(`${res.status} but ${n} row(s) of ${t} written for ${what()}`);
      }
      o.onInput?.(figures.inputs);
      if (figures.failures.length >= (o.maxFailures ?? 50)) {
        figures.ms = performance.now() - t0;
        return figures;
      }
    }
  }
  figures.ms = performance.now() - t0;
  return figures;
}
