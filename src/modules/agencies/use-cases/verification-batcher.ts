/**
 * Verification requests that arrive together are answered by one SQL statement: it checks every
 * request's API key (hash, not revoked), finds each one's visa and writes each authenticated
 * request's audit event — one round trip and one commit for the lot instead of three per request.
 * The audit rows commit in the same statement that reads the visas, so no answer leaves without its
 * audit event, and a revocation is seen by the next statement, as before.
 *
 * Batching is group commit: while fewer than `maxInFlight` statements are running, whatever is queued
 * goes out at once (after the current turn of the event loop, so requests parsed in the same turn go
 * together); otherwise requests wait for a running statement to finish. An unloaded server therefore
 * sends batches of one with no added wait. If a batch fails, its requests are retried one by one, so
 * one request's error cannot fail its neighbours'.
 */
import { sql } from 'kysely';
import type pg from 'pg';
import { queryPrepared, type Db } from '../../../platform/db/db.ts';
import type { ReplicaRouter } from '../../../platform/db/replica.ts';
import { writeAuditFrom } from '../../../platform/audit.ts';
import { visaForRequestRow, type VerificationVisaRow, type VisaQuery } from '../../visas/index.ts';
import type { AuthorityKind } from '../domain/scopes.ts';
import type { AuthorityClient } from './authority-clients.ts';

export interface VerificationRequest {
  keyPrefix: string;
  secretHash: string;
  query: VisaQuery;
  requestId: string;
}
/** client null: unknown or revoked key (nothing audited). visa null: authenticated, no visa matches. */
export interface VerificationOutcome {
  client: AuthorityClient | null;
  visa: VerificationVisaRow | null;
}

interface Pending {
  req: VerificationRequest;
  resolve: (o: VerificationOutcome) => void;
  reject: (e: unknown) => void;
}

type Row = VerificationVisaRow & {
  i: number;
  client_id: string;
  client_name: string;
  client_kind: AuthorityKind;
  client_scopes: string[];
  found: boolean;
};

export class VerificationBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** Statements sent and requests they carried (a failed batch counts again for each retry alone). */
  readonly stats = { statements: 0, requests: 0 };
  static readonly defaults = { maxInFlight: 4, maxBatch: 256 };

  /**
   * With `pool`, the statement runs prepared (planned once per connection); without, through Kysely.
   * With `replica`, keys and visas are read from the replica when it is fresh enough (see
   * platform/db/replica.ts) and only the audit rows are written on the primary, in one statement per
   * batch, before any answer leaves; otherwise the one statement runs on the primary as before.
   */
  constructor(
    private readonly db: Db,
    private readonly pool?: pg.Pool,
    private readonly opts: { maxInFlight: number; maxBatch: number } = VerificationBatcher.defaults,
    private readonly replica?: ReplicaRouter,
  ) {}

  verify(req: VerificationRequest): Promise<VerificationOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.opts.maxInFlight && this.queue.length > 0) {
        const batch = this.queue.splice(0, this.opts.maxBatch);
        this.inFlight++;
        void this.run(batch).finally(() => {
          this.inFlight--;
          this.schedule();
        });
      }
    });
  }

  private async run(batch: Pending[]): Promise<void> {
    let rows: Row[];
    try {
      rows = await this.statement(batch.map((p) => p.req));
    } catch (e) {
      if (batch.length === 1) {
        batch[0]!.reject(e);
        return;
      }
      for (const p of batch) await this.run([p]);
      return;
    }
    const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
    batch.forEach((p, k) => {
      const r = byIndex.get(k + 1);
      if (!r) {
        p.resolve({ client: null, visa: null });
        return;
      }
      const client: AuthorityClient = { id: r.client_id, name: r.client_name, kind: r.client_kind, scopes: r.client_scopes };
      p.resolve({
        client,
        visa: r.found
          ? {
              id: r.id,
              visa_number: r.visa_number,
              visa_code: r.visa_code,
              status: r.status,
              valid_from: r.valid_from,
              valid_to: r.valid_to,
              cancelled_on: r.cancelled_on,
              surname: r.surname,
              given_names: r.given_names,
              date_of_birth: r.date_of_birth,
            }
          : null,
      });
    });
  }

  private async statement(reqs: VerificationRequest[]): Promise<Row[]> {
    this.stats.statements++;
    this.stats.requests += reqs.length;
    if (this.replica) {
      const rows = await this.replica.read((db, pool) => queryPrepared(pool, 'authority_verify_lookup', lookupStatement(reqs).compile(db)));
      if (rows) {
        const audit = auditStatement(reqs, rows);
        if (audit) {
          if (this.pool) await queryPrepared(this.pool, 'authority_verify_audit', audit.compile(this.db));
          else await audit.execute(this.db);
        }
        return rows;
      }
    }
    const q = verificationStatement(reqs);
    return this.pool ? queryPrepared(this.pool, 'authority_verify_batch', q.compile(this.db)) : (await q.execute(this.db)).rows;
  }
}

const requestRows = (reqs: VerificationRequest[]) => {
  const col = <T>(f: (q: VerificationRequest) => T) => reqs.map(f);
  return sql`req as (
      -- Dates travel as text and are cast here, at execution: a bad one fails the statement, not the
      -- parameter binding (which the PGlite wire adapter does not survive).
      select t.key_prefix, t.key_hash, t.visa_number, t.passport_number, t.date_of_birth::date as date_of_birth, t.request_id, t.i
      from unnest(
        ${col((q) => q.keyPrefix)}::text[], ${col((q) => q.secretHash)}::text[],
        ${col((q) => ('visaNumber' in q.query ? q.query.visaNumber : null))}::text[],
        ${col((q) => ('passportNumber' in q.query ? q.query.passportNumber : null))}::text[],
        ${col((q) => ('dateOfBirth' in q.query ? q.query.dateOfBirth : null))}::text[],
        ${col((q) => q.requestId)}::text[]
      ) with ordinality as t(key_prefix, key_hash, visa_number, passport_number, date_of_birth, request_id, i)
    ), authed as (
      select req.*, c.id as client_id, c.name as client_name, c.kind as client_kind, c.scopes as client_scopes
      from req join authority_clients c on c.key_prefix = req.key_prefix and c.key_hash = req.key_hash and c.revoked_at is null
    ), found as (
      select r.i, f.* from authed r cross join ${visaForRequestRow()} f
    )`;
};

const answerColumns = sql`a.i, a.client_id, a.client_name, a.client_kind, a.client_scopes, f.id is not null as found,
           f.id, f.visa_number, f.visa_code, f.status, f.valid_from, f.valid_to, f.cancelled_on, f.surname, f.given_names, f.date_of_birth`;

/** The one statement for a batch on the primary: keys, visas and audit rows (exported so it can be inspected, e.g. with EXPLAIN). */
export function verificationStatement(reqs: VerificationRequest[]) {
  return sql<Row>`
    with ${requestRows(reqs)}, audited as (
      ${writeAuditFrom({
        actorId: null,
        action: 'authority.verify',
        entityType: 'visa',
        entityId: sql`coalesce(f.id::text, 'not-found')`,
        after: sql`jsonb_build_object('client', a.client_id, 'by', case when a.visa_number is null then 'passport' else 'visa_number' end, 'found', f.id is not null)`,
        requestId: sql`a.request_id`,
        from: sql`authed a left join found f on f.i = a.i`,
      })}
    )
    select ${answerColumns}
    from authed a left join found f on f.i = a.i`;
}

/** The read half, for a replica (read-only): keys and visas, no audit row. */
export function lookupStatement(reqs: VerificationRequest[]) {
  return sql<Row>`with ${requestRows(reqs)} select ${answerColumns} from authed a left join found f on f.i = a.i`;
}

/** The audit rows of what a replica answered (the same rows the one statement writes), for the primary; null when no key was valid. */
export function auditStatement(reqs: VerificationRequest[], rows: Row[]) {
  if (rows.length === 0) return null;
  const reqOf = (r: Row) => reqs[Number(r.i) - 1]!;
  return writeAuditFrom({
    actorId: null,
    action: 'authority.verify',
    entityType: 'visa',
    entityId: sql`coalesce(a.visa_id, 'not-found')`,
    after: sql`jsonb_build_object('client', a.client_id, 'by', a.by, 'found', a.visa_id is not null)`,
    requestId: sql`a.request_id`,
    from: sql`unnest(
      ${rows.map((r) => String(r.client_id))}::text[], ${rows.map((r) => (r.found ? String(r.id) : null))}::text[],
      ${rows.map((r) => ('visaNumber' in reqOf(r).query ? 'visa_number' : 'passport'))}::text[],
      ${rows.map((r) => reqOf(r).requestId)}::text[]
    ) as a(client_id, visa_id, by, request_id)`,
  });
}
