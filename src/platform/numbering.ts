/**
 * Readable numbers from per-scope sequences (e.g. per office and year), allocated inside the
 * command's transaction: the row lock makes concurrent allocations wait, and a rolled-back
 * command gives its number back. No random numbers, so no duplicates.
 */
import { sql } from 'kysely';
import type { Trx } from './db/db.ts';

export async function nextNumber(trx: Trx, scope: string): Promise<number> {
  const r = await sql<{ value: string }>`
    insert into number_sequences (scope, next_value) values (${scope}, 2)
    on conflict (scope) do update set next_value = number_sequences.next_value + 1
    returning next_value - 1 as value`.execute(trx);
  return Number(r.rows[0]!.value);
}

export function pad(n: number, width = 6): string {
  return String(n).padStart(width, '0');
}
