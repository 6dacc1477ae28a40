/**
 * Staff's use of persons: the one-box search in any script, a person's file, its duplicate
 * candidates, and the decisions between two persons (merge, unmerge, distinct) — each scoped to the
 * persons the caller may see (an unknown id and an invisible one answer the same 404), each audited.
 * Search terms are never written anywhere: the audit event holds the ids found.
 */
import type { Trx } from '../../../platform/db/db.ts';
import { AppError, fieldError, validationFailed } from '../../../platform/errors.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { sql } from 'kysely';
import { requirePermission, type StaffCtx } from '../../auth/index.ts';
import { PeopleErrors } from '../people.errors.ts';
import { foldName } from '../domain/names/fold.ts';
import { nameVariants } from '../domain/names/variants.ts';
import { reasonOf } from '../domain/person-variants.ts';
import {
  type Conn,
  findPersonRow,
  insertLink,
  listLinksOf,
  listMergedInto,
  listPassports,
  listVariants,
  lockPersons,
  personsByIds,
  reverseLink,
  searchVariantRows,
  setMergedInto,
  standingLinks,
} from '../db/people.queries.ts';
import { type Audience, visibleTo } from './visibility.ts';
import { findDuplicateCandidates } from './duplicates.ts';

/** pg_trgm similarity from which a stored variant is a hit (a surname alone against surname + given names is about 0.5). */
export const SEARCH_THRESHOLD = 0.35;
/** Variant rows ranked per query form before they are grouped by person. */
const CANDIDATE_ROWS = 200;
/** A Cyrillic query is also searched under its likeliest Latin spellings (a person recorded in Latin only). */
const QUERY_FORMS = 4;

export interface SearchHit {
  personId: string;
  surname: string;
  givenNames: string;
  nativeName: string | null;
  dateOfBirth: string;
  nationality: string;
  similarity: number;
  matched: string;
  why: string;
}

function queryForms(q: string): string[] {
  let folded: string;
  try {
    folded = foldName(q);
  } catch {
    folded = '';
  }
  if (!/\p{L}/u.test(folded)) throw validationFailed([fieldError('/q', 'NO_LETTERS', 'Type a name: letters in any script.')]);
  const forms = [folded];
  if (/\p{Script=Cyrillic}/u.test(folded))
    for (const v of nameVariants(q))
      if (v.system !== 'native' && forms.length < QUERY_FORMS && !forms.includes(v.folded)) forms.push(v.folded);
  return forms;
}

/** The search itself, for a caller already allowed to search (the route, the bench). */
export async function runSearch(
  trx: Trx,
  audience: Audience,
  q: { q: string; dateOfBirth?: string | null; limit?: number },
): Promise<SearchHit[]> {
  const limit = q.limit ?? 20;
  const best = new Map<string, Awaited<ReturnType<typeof searchVariantRows>>[number]>();
  for (const folded of queryForms(q.q)) {
    const rows = await searchVariantRows(trx, {
      folded,
      dateOfBirth: q.dateOfBirth ?? null,
      visible: visibleTo(audience),
      threshold: SEARCH_THRESHOLD,
      limit,
      candidates: CANDIDATE_ROWS,
    });
    for (const r of rows) {
      const prior = best.get(r.person_id);
      if (!prior || Number(r.sim) > Number(prior.sim)) best.set(r.person_id, r);
    }
  }
  const ranked = [...best.values()].sort((a, b) => Number(b.sim) - Number(a.sim) || a.person_id.localeCompare(b.person_id)).slice(0, limit);
  const persons = new Map(
    (
      await personsByIds(
        trx,
        ranked.map((r) => r.person_id),
      )
    ).map((p) => [p.id, p]),
  );
  return ranked.map((r) => {
    const p = persons.get(r.person_id)!;
    return {
      personId: p.id,
      surname: p.surname,
      givenNames: p.given_names,
      nativeName: p.native_name,
      dateOfBirth: p.date_of_birth,
      nationality: p.nationality,
      similarity: Math.round(Number(r.sim) * 1000) / 1000,
      matched: r.variant,
      why: reasonOf(r),
    };
  });
}

/** POST /people/search. @throws AUTH.FORBIDDEN, VALIDATION.FAILED */
export async function searchPeople(ctx: StaffCtx, q: { q: string; dateOfBirth?: string; limit?: number }) {
  requirePermission(ctx.actor, 'person.read');
  return ctx.db.transaction().execute(async (trx) => {
    const hits = await runSearch(trx, ctx.actor, q);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'person.search',
      entityType: 'person',
      entityId: 'search',
      requestId: ctx.requestId,
      // what was found, never what was typed
      after: { hits: hits.map((h) => h.personId), byBirthDate: Boolean(q.dateOfBirth) },
    });
    return { hits };
  });
}

/** The person if the caller may see it (directly or through a person merged into it); else 404. */
async function visiblePerson(db: Conn, ctx: StaffCtx, id: string) {
  const p = await findPersonRow(db, id);
  if (p) {
    const r = await sql<{ ok: boolean }>`
      select exists (select 1 from persons p where (p.id = ${id} or p.merged_into = ${id} or p.id = ${p.merged_into}) and ${visibleTo(ctx.actor)}) as ok`.execute(
      db,
    );
    if (r.rows[0]?.ok) return p;
  }
  throw new AppError(PeopleErrors.NOT_FOUND, 'No such person.');
}

/** GET /people/{id}: the person, its passports, variants (each with why) and decisions; audited. */
export async function getPerson(ctx: StaffCtx, id: string) {
  requirePermission(ctx.actor, 'person.read');
  return ctx.db.transaction().execute(async (trx) => {
    const p = await visiblePerson(trx, ctx, id);
    const from = (await listMergedInto(trx, id)).map((r) => r.id);
    const [passports, variants, links] = await Promise.all([
      listPassports(trx, [id, ...from]),
      listVariants(trx, [id]),
      listLinksOf(trx, id),
    ]);
    await writeAudit(trx, { actorId: ctx.actor.id, action: 'person.read', entityType: 'person', entityId: id, requestId: ctx.requestId });
    return {
      id: p.id,
      surname: p.surname,
      givenNames: p.given_names,
      nativeName: p.native_name,
      dateOfBirth: p.date_of_birth,
      nationality: p.nationality,
      mergedInto: p.merged_into,
      mergedFrom: from,
      passports: passports.map((x) => ({ number: x.number, nationality: x.nationality, expiresOn: x.expires_on, source: x.source })),
      variants: variants.map((v) => ({ system: v.system, text: v.variant, why: reasonOf(v) })),
      decisions: links.map((l) => ({
        id: l.id,
        kind: l.kind,
        personId: l.person_id,
        otherId: l.other_id,
        decidedBy: l.decided_by,
        decidedAt: new Date(l.decided_at).toISOString(),
        reversedAt: l.reversed_at ? new Date(l.reversed_at).toISOString() : null,
      })),
    };
  });
}

/** GET /people/{id}/duplicates: persons the caller may see who resemble this one; audited. */
export async function duplicatesOf(ctx: StaffCtx, id: string) {
  requirePermission(ctx.actor, 'person.read');
  return ctx.db.transaction().execute(async (trx) => {
    const p = await visiblePerson(trx, ctx, id);
    const ids = [id, ...(await listMergedInto(trx, id)).map((r) => r.id)];
    const [variants, passports] = await Promise.all([listVariants(trx, ids), listPassports(trx, ids)]);
    const candidates = await findDuplicateCandidates(trx, ctx.actor, {
      personIds: p.merged_into ? [...ids, p.merged_into] : ids,
      variants: variants.map((v) => ({ folded: v.folded, text: v.variant })),
      dateOfBirth: p.date_of_birth,
      passportNumbers: [...new Set(passports.map((x) => x.number))],
    });
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'person.duplicates_read',
      entityType: 'person',
      entityId: id,
      requestId: ctx.requestId,
      after: { candidates: candidates.map((c) => c.personId) },
    });
    return { candidates };
  });
}

const illegal = (message: string) => new AppError(PeopleErrors.ILLEGAL_DECISION, message);

async function decide<T>(ctx: StaffCtx, ids: string[], fn: (trx: Trx) => Promise<T>): Promise<T> {
  requirePermission(ctx.actor, 'person.decide');
  return ctx.db.transaction().execute(async (trx) => {
    for (const id of new Set(ids)) await visiblePerson(trx, ctx, id);
    await lockPersons(trx, [...new Set(ids)]);
    return fn(trx);
  });
}

/** POST /people/{id}/merge: `id` answers as `into` from now on; nothing else moves, so unmerge restores it. @throws PEOPLE.ILLEGAL_DECISION (409) */
export async function mergePerson(ctx: StaffCtx, id: string, into: string) {
  return decide(ctx, [id, into], async (trx) => {
    if (id === into) throw illegal('A person cannot be merged into itself.');
    const [a, b] = [await findPersonRow(trx, id), await findPersonRow(trx, into)];
    if (a!.merged_into) throw illegal('This person is already merged into another; unmerge it first.');
    if (b!.merged_into) throw illegal('The target is itself merged into another person; merge into that one.');
    if ((await listMergedInto(trx, id)).length)
      throw illegal('Other persons are merged into this one; unmerge them or merge the other way.');
    if ((await standingLinks(trx, id, into)).some((l) => l.kind === 'distinct'))
      throw illegal('These persons were decided to be distinct; withdraw that decision first.');
    await setMergedInto(trx, id, into);
    const link = await insertLink(trx, { kind: 'merge', personId: id, otherId: into, by: ctx.actor.id });
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'person.merged',
      entityType: 'person',
      entityId: id,
      requestId: ctx.requestId,
      before: { mergedInto: null },
      after: { mergedInto: into, linkId: link.id },
    });
    return { id: link.id, kind: 'merge', personId: id, otherId: into, reversed: false };
  });
}

/** POST /people/{id}/unmerge: reverses the standing merge (or intake link) of `id`. @throws PEOPLE.ILLEGAL_DECISION (409) */
export async function unmergePerson(ctx: StaffCtx, id: string) {
  requirePermission(ctx.actor, 'person.decide');
  const p = await visiblePerson(ctx.db, ctx, id);
  if (!p.merged_into) throw illegal('This person is not merged into another.');
  return decide(ctx, [id, p.merged_into], async (trx) => {
    const row = (await findPersonRow(trx, id))!;
    if (!row.merged_into) throw illegal('This person is not merged into another.');
    const link = (await standingLinks(trx, id, row.merged_into)).find(
      (l) => (l.kind === 'merge' || l.kind === 'link') && l.person_id === id,
    );
    if (link) await reverseLink(trx, link.id, ctx.actor.id);
    await setMergedInto(trx, id, null);
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'person.unmerged',
      entityType: 'person',
      entityId: id,
      requestId: ctx.requestId,
      before: { mergedInto: row.merged_into, linkId: link?.id ?? null },
      after: { mergedInto: null },
    });
    return { id: link?.id ?? id, kind: link?.kind ?? 'merge', personId: id, otherId: row.merged_into, reversed: true };
  });
}

/** POST /people/{id}/distinct: the two are different people; never offered as duplicates again. @throws PEOPLE.ILLEGAL_DECISION (409) */
export async function markDistinct(ctx: StaffCtx, id: string, other: string) {
  return decide(ctx, [id, other], async (trx) => {
    if (id === other) throw illegal('A person is not distinct from itself.');
    const [a, b] = [await findPersonRow(trx, id), await findPersonRow(trx, other)];
    if (a!.merged_into === other || b!.merged_into === id) throw illegal('These persons are merged; unmerge them first.');
    if ((await standingLinks(trx, id, other)).some((l) => l.kind === 'distinct'))
      throw illegal('These persons are already marked distinct.');
    const link = await insertLink(trx, { kind: 'distinct', personId: id, otherId: other, by: ctx.actor.id });
    await writeAudit(trx, {
      actorId: ctx.actor.id,
      action: 'person.distinct',
      entityType: 'person',
      entityId: id,
      requestId: ctx.requestId,
      after: { other, linkId: link.id },
    });
    return { id: link.id, kind: 'distinct', personId: id, otherId: other, reversed: false };
  });
}
