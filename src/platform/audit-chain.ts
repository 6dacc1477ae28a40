/**
 * Verification of the hash chains that migration 0013 lays over append-only tables (audit_events,
 * case_actions): each row's row_hash = sha256(prev_hash || <table>_chain_bytes(row)), and each row's
 * prev_hash is the row_hash of the row before it in id order (the first row: chain_genesis(table)).
 *
 * One set-based pass finds the first row where either fails; a few look-ups then name what happened:
 *   changed   — the row's own bytes (or its row_hash) no longer give its row_hash;
 *   deleted   — the row it was chained to is gone (or was changed and re-hashed to cover it up);
 *   inserted  — a row that no chain link leads to sits between two linked rows;
 *   reordered — it is chained to a row that now stands after it.
 * An anchor (the id and row_hash of the last row, saved elsewhere) also catches a cut-off tail, which
 * the chain alone cannot: a chain with its last rows removed is still a valid chain.
 *
 * Platform code: the table names come from the callers (each table's owner), never named here.
 */
import { sql } from 'kysely';
import type { Db, Trx } from './db/db.ts';

export type ChainBreakReason = 'changed' | 'deleted' | 'inserted' | 'reordered';

export interface ChainBreak {
  table: string;
  /** The id of the first row the break shows at (for `deleted`: the row after the gap; null: the whole tail after an anchor). */
  id: string | null;
  reason: ChainBreakReason;
  detail: string;
}

export interface ChainReport {
  table: string;
  rows: number;
  ok: boolean;
  firstBreak: ChainBreak | null;
}

/** The last row of a chain: saved outside the database, it lets a later check see a cut-off tail. */
export interface ChainAnchor {
  table: string;
  id: string;
  rowHash: string;
  rows: number;
}

const CHAINED = new Set(['audit_events', 'case_actions']);

function checkTable(table: string) {
  // The names reach SQL as identifiers; only the chained tables are accepted.
  if (!CHAINED.has(table)) throw new Error(`${table} is not a hash-chained table`);
}

interface Row {
  id: string;
  prev_hash: Buffer | null;
  row_hash: Buffer | null;
  self_ok: boolean;
  link_ok: boolean;
  expected_prev: Buffer | null;
  next_prev: Buffer | null;
}

export async function verifyChain(db: Db | Trx, table: string): Promise<ChainReport> {
  checkTable(table);
  const t = sql.table(table);
  const bytes = sql.raw(`${table}_chain_bytes`);
  const count = await sql<{ n: string }>`select count(*) as n from ${t}`.execute(db);
  const rows = Number(count.rows[0]!.n);
  const r = await sql<Row>`
    with c as (
      select x.id, x.prev_hash, x.row_hash,
             coalesce(sha256(x.prev_hash || ${bytes}(x)) = x.row_hash, false) as self_ok,
             coalesce(lag(x.row_hash) over w, chain_genesis(${table})) as expected_prev,
             lead(x.prev_hash) over w as next_prev
      from ${t} x
      window w as (order by x.id)
    )
    select id::text as id, prev_hash, row_hash, self_ok, coalesce(prev_hash = expected_prev, false) as link_ok, expected_prev, next_prev
    from c where not self_ok or prev_hash is distinct from expected_prev
    order by c.id limit 1`.execute(db);
  const b = r.rows[0];
  if (!b) return { table, rows, ok: true, firstBreak: null };
  return { table, rows, ok: false, firstBreak: await classify(db, table, b) };
}

async function classify(db: Db | Trx, table: string, b: Row): Promise<ChainBreak> {
  const t = sql.table(table);
  const at = (reason: ChainBreakReason, detail: string, id: string | null = b.id): ChainBreak => ({ table, id, reason, detail });
  const nextLinksToExpected = b.next_prev !== null && b.expected_prev !== null && b.next_prev.equals(b.expected_prev);
  if (b.link_ok) {
    // Linked to the right row but its bytes do not give its hash: changed — unless the next row is
    // chained to the same predecessor, which makes this one a row put in between.
    if (nextLinksToExpected) return at('inserted', 'a row no chain link leads to: the next row is chained to the one before it');
    return at('changed', 'the row no longer matches its hash');
  }
  if (b.prev_hash !== null) {
    const later = await sql<{
      id: string;
    }>`select id::text as id from ${t} where row_hash = ${b.prev_hash} and id > ${b.id}::bigint limit 1`.execute(db);
    if (later.rows[0]) return at('reordered', `chained to row ${later.rows[0].id}, which now stands after it`);
    const earlier = await sql<{
      id: string;
    }>`select x.id::text as id from ${t} x where x.row_hash = ${b.prev_hash} and x.id < ${b.id}::bigint order by x.id desc limit 1`.execute(
      db,
    );
    if (earlier.rows[0]) {
      const ins = await sql<{ id: string }>`select min(id)::text as id from ${t} where id > ${earlier.rows[0].id}::bigint`.execute(db);
      return at('inserted', `chained to row ${earlier.rows[0].id}: the rows between were put in`, ins.rows[0]?.id ?? b.id);
    }
  }
  if (nextLinksToExpected) return at('inserted', 'a row no chain link leads to: the next row is chained to the one before it');
  return at('deleted', 'the row it was chained to is missing (deleted, or changed and re-hashed)');
}

/** The anchor of a chain: its last row (null for an empty table). */
export async function chainAnchor(db: Db | Trx, table: string): Promise<ChainAnchor | null> {
  checkTable(table);
  const t = sql.table(table);
  const r = await sql<{ id: string; row_hash: Buffer; n: string }>`
    select x.id::text as id, x.row_hash, (select count(*) from ${t}) as n from ${t} x order by x.id desc limit 1`.execute(db);
  const row = r.rows[0];
  return row ? { table, id: row.id, rowHash: row.row_hash.toString('hex'), rows: Number(row.n) } : null;
}

/** Is the anchored row still there, with its hash? Not: the tail was cut off (or the row changed). */
export async function checkAnchor(db: Db | Trx, a: ChainAnchor): Promise<ChainBreak | null> {
  checkTable(a.table);
  const t = sql.table(a.table);
  const r = await sql<{ row_hash: Buffer }>`select row_hash from ${t} where id = ${a.id}::bigint`.execute(db);
  const row = r.rows[0];
  if (!row) return { table: a.table, id: a.id, reason: 'deleted', detail: `the anchored row ${a.id} is gone: the tail was cut off` };
  if (row.row_hash.toString('hex') !== a.rowHash) {
    return { table: a.table, id: a.id, reason: 'changed', detail: `the anchored row ${a.id} has another hash than when anchored` };
  }
  return null;
}
