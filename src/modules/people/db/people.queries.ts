/** All SQL of the people module: persons, passports, name variants (trigram-indexed) and decisions. */
import { type RawBuilder, sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/db.ts';
import type { NameVariant } from '../domain/names/variants.ts';

export type Conn = Db | Trx;

export interface NewPerson {
  surname: string;
  givenNames: string;
  nativeName?: string | null;
  dateOfBirth: string;
  nationality: string;
  sex?: 'M' | 'F' | 'X' | null;
}

export interface NewPassport {
  number: string;
  nationality: string;
  expiresOn?: string | null;
  source: string;
}

/** The generation of nameVariants that wrote a person's variants; bump it when the names code changes. */
export const VARIANTS_VERSION = 1;

export async function insertPerson(trx: Conn, p: NewPerson): Promise<string> {
  const r = await trx
    .insertInto('persons')
    .values({
      surname: p.surname,
      given_names: p.givenNames,
      native_name: p.nativeName ?? null,
      date_of_birth: p.dateOfBirth,
      nationality: p.nationality,
      sex: p.sex ?? null,
      variants_version: VARIANTS_VERSION,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Adds a passport number to a person (kept once per number; a later sighting updates the expiry). */
export async function upsertPassport(trx: Conn, personId: string, p: NewPassport): Promise<void> {
  await trx
    .insertInto('person_passports')
    .values({ person_id: personId, number: p.number, nationality: p.nationality, expires_on: p.expiresOn ?? null, source: p.source })
    .onConflict((oc) =>
      oc.columns(['person_id', 'number']).doUpdateSet({ expires_on: sql`coalesce(excluded.expires_on, person_passports.expires_on)` }),
    )
    .execute();
}

/** Adds variants (one row per folded text; an existing one stays). */
export async function addVariants(trx: Conn, personId: string, variants: readonly NameVariant[]): Promise<void> {
  if (!variants.length) return;
  await trx
    .insertInto('person_name_variants')
    .values(
      variants.map((v) => ({
        person_id: personId,
        system: v.system,
        variant: v.text,
        folded: v.folded,
        made_from: v.from,
        language: v.language ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['person_id', 'folded']).doNothing())
    .execute();
}

export function findPersonRow(db: Conn, id: string) {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockPersons(trx: Trx, ids: string[]) {
  return trx.selectFrom('persons').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

export function listPassports(db: Conn, personIds: string[]) {
  return db.selectFrom('person_passports').selectAll().where('person_id', 'in', personIds).orderBy('recorded_at').execute();
}

export function listVariants(db: Conn, personIds: string[]) {
  return db
    .selectFrom('person_name_variants')
    .select(['person_id', 'system', 'variant', 'folded', 'made_from', 'language'])
    .where('person_id', 'in', personIds)
    .execute();
}

/** Persons merged into this one. */
export function listMergedInto(db: Conn, id: string) {
  return db.selectFrom('persons').select('id').where('merged_into', '=', id).execute();
}

/**
 * Persons born on the day whose variants resemble the given folded texts (best pair per person), and
 * persons holding one of the passport numbers — outside `exclude`, not merged away, inside `visible`.
 */
export async function duplicateCandidateRows(
  db: Conn,
  q: {
    folded: string[];
    dateOfBirth: string;
    passportNumbers: string[];
    exclude: string[];
    visible: RawBuilder<boolean>;
    minSimilarity: number;
  },
) {
  const excl = q.exclude.length ? q.exclude : ['00000000-0000-0000-0000-000000000000'];
  const names = q.folded.length
    ? await sql<{
        person_id: string;
        sim: number;
        system: string;
        variant: string;
        folded: string;
        made_from: string;
        language: string | null;
        mine: string;
      }>`
      select distinct on (coalesce(p.merged_into, p.id)) coalesce(p.merged_into, p.id) as person_id, similarity(v.folded, m.f) as sim, v.system, v.variant, v.folded, v.made_from, v.language, m.f as mine
      from persons p
      join person_name_variants v on v.person_id = p.id
      cross join unnest(${q.folded}::text[]) as m(f)
      where p.date_of_birth = ${q.dateOfBirth} and p.id <> all(${excl}::uuid[]) and ${q.visible}
        and similarity(v.folded, m.f) >= ${q.minSimilarity}
      order by coalesce(p.merged_into, p.id), similarity(v.folded, m.f) desc, v.folded`.execute(db)
    : { rows: [] };
  const passports = q.passportNumbers.length
    ? await sql<{ person_id: string; number: string; date_of_birth: string }>`
      select coalesce(p.merged_into, p.id) as person_id, pp.number, p.date_of_birth
      from person_passports pp join persons p on p.id = pp.person_id
      where pp.number = any(${q.passportNumbers}::text[]) and p.id <> all(${excl}::uuid[]) and ${q.visible}`.execute(db)
    : { rows: [] };
  return {
    names: names.rows.filter((r) => !q.exclude.includes(r.person_id)),
    passports: passports.rows.filter((r) => !q.exclude.includes(r.person_id)),
  };
}

/** Pairs with a standing `distinct` decision: never offered again as duplicates. */
export async function distinctFrom(db: Conn, personId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('person_links')
    .select(['person_id', 'other_id'])
    .where('kind', '=', 'distinct')
    .where('reversed_at', 'is', null)
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('other_id', '=', personId)]))
    .execute();
  return new Set(rows.map((r) => (r.person_id === personId ? r.other_id : r.person_id)));
}

/**
 * The search: variants whose folded text is similar to the query's (`%`, the GIN trigram index, the
 * threshold set for this transaction), optionally born on a day, inside `visible`; the best variant
 * per surviving person (a merged person answers as the one it was merged into), most similar first.
 */
export async function searchVariantRows(
  trx: Trx,
  q: { folded: string; dateOfBirth: string | null; visible: RawBuilder<boolean>; threshold: number; limit: number; candidates: number },
) {
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(q.threshold)}, true)`.execute(trx);
  const dob = q.dateOfBirth ? sql`and p.date_of_birth = ${q.dateOfBirth}` : sql``;
  const r = await sql<{
    person_id: string;
    sim: number;
    system: string;
    variant: string;
    folded: string;
    made_from: string;
    language: string | null;
  }>`
    select * from (
      select distinct on (h.person_id) h.* from (
        select coalesce(p.merged_into, p.id) as person_id, similarity(v.folded, ${q.folded}) as sim, v.system, v.variant, v.folded, v.made_from, v.language
        from person_name_variants v join persons p on p.id = v.person_id
        where v.folded % ${q.folded} and ${q.visible} ${dob}
        order by similarity(v.folded, ${q.folded}) desc
        limit ${q.candidates}
      ) h
      order by h.person_id, h.sim desc
    ) best order by sim desc, person_id limit ${q.limit}`.execute(trx);
  return r.rows;
}

/** The persons' display fields. */
export function personsByIds(db: Conn, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('persons')
    .select(['id', 'surname', 'given_names', 'native_name', 'date_of_birth', 'nationality', 'merged_into'])
    .where('id', 'in', ids)
    .execute();
}

export function standingLinks(db: Conn, a: string, b: string) {
  return db
    .selectFrom('person_links')
    .selectAll()
    .where('reversed_at', 'is', null)
    .where((eb) =>
      eb.or([eb.and([eb('person_id', '=', a), eb('other_id', '=', b)]), eb.and([eb('person_id', '=', b), eb('other_id', '=', a)])]),
    )
    .execute();
}

export async function insertLink(
  trx: Trx,
  l: { kind: 'link' | 'merge' | 'distinct'; personId: string; otherId: string; by: string | null },
) {
  const r = await trx
    .insertInto('person_links')
    .values({ kind: l.kind, person_id: l.personId, other_id: l.otherId, decided_by: l.by })
    .returning(['id', 'decided_at'])
    .executeTakeFirstOrThrow();
  return r;
}

export async function reverseLink(trx: Trx, id: string, by: string) {
  await trx.updateTable('person_links').set({ reversed_by: by, reversed_at: sql`now()` }).where('id', '=', id).execute();
}

export async function setMergedInto(trx: Trx, id: string, into: string | null) {
  await trx.updateTable('persons').set({ merged_into: into, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export function listLinksOf(db: Conn, id: string) {
  return db
    .selectFrom('person_links')
    .select(['id', 'kind', 'person_id', 'other_id', 'decided_by', 'decided_at', 'reversed_at'])
    .where((eb) => eb.or([eb('person_id', '=', id), eb('other_id', '=', id)]))
    .orderBy('decided_at')
    .execute();
}

/** Set-based insert of variant rows (one statement per batch: arrays unnested on the server). */
export async function insertVariantRows(
  db: Conn,
  rows: { personId: string; system: string; text: string; folded: string; from: string; language: string | null }[],
): Promise<void> {
  if (!rows.length) return;
  await sql`insert into person_name_variants (person_id, system, variant, folded, made_from, language)
    select * from unnest(${rows.map((r) => r.personId)}::uuid[], ${rows.map((r) => r.system)}::text[], ${rows.map((r) => r.text)}::text[],
      ${rows.map((r) => r.folded)}::text[], ${rows.map((r) => r.from)}::text[], ${rows.map((r) => r.language)}::text[])
    on conflict (person_id, folded) do nothing`.execute(db);
}

/** A batch of persons after `afterId` (keyset), optionally only those whose variants are stale. */
export function personBatch(db: Conn, afterId: string | null, size: number, onlyStale: boolean) {
  let q = db.selectFrom('persons').select(['id', 'surname', 'given_names', 'native_name', 'nationality']).orderBy('id').limit(size);
  if (afterId) q = q.where('id', '>', afterId);
  if (onlyStale) q = q.where('variants_version', '<', VARIANTS_VERSION);
  return q.execute();
}

export function countPersons(db: Conn, onlyStale: boolean) {
  let q = db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n'));
  if (onlyStale) q = q.where('variants_version', '<', VARIANTS_VERSION);
  return q.executeTakeFirstOrThrow().then((r) => Number(r.n));
}

export async function replaceVariantsOf(trx: Trx, ids: string[]) {
  await trx.deleteFrom('person_name_variants').where('person_id', 'in', ids).execute();
}

export async function markVariantsCurrent(trx: Trx, ids: string[]) {
  await trx.updateTable('persons').set({ variants_version: VARIANTS_VERSION }).where('id', 'in', ids).execute();
}

/**
 * Set-based insert of persons and their passports (the generator): ids are the caller's, so the
 * variants can follow in the same batch.
 */
export async function insertPersonRows(
  db: Conn,
  rows: {
    id: string;
    surname: string;
    givenNames: string;
    nativeName: string | null;
    dateOfBirth: string;
    nationality: string;
    sex: 'M' | 'F';
    passport: string;
    passportExpires: string;
  }[],
): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await sql`insert into persons (id, surname, given_names, native_name, date_of_birth, nationality, sex, variants_version)
    select id, s, g, n, d, c, x, ${VARIANTS_VERSION} from unnest(${col('id')}::uuid[], ${col('surname')}::text[], ${col('givenNames')}::text[], ${col('nativeName')}::text[],
      ${col('dateOfBirth')}::date[], ${col('nationality')}::text[], ${col('sex')}::text[]) as t(id, s, g, n, d, c, x)`.execute(db);
  await sql`insert into person_passports (person_id, number, nationality, expires_on, source)
    select id, p, c, e, 'demo' from unnest(${col('id')}::uuid[], ${col('passport')}::text[], ${col('nationality')}::text[], ${col('passportExpires')}::date[]) as t(id, p, c, e)
    on conflict do nothing`.execute(db);
}
