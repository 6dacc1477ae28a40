/**
 * Duplicate candidates: persons who resemble a given one — a name variant close to one of its own
 * (trigram similarity) with the same date of birth, or a passport number past or present in common.
 * Each comes with its reasons; nothing is ever merged here (staff decide: merge, distinct).
 */
import type { NameVariant } from '../domain/names/variants.ts';
import { reasonOf } from '../domain/person-variants.ts';
import { type Conn, distinctFrom, duplicateCandidateRows } from '../db/people.queries.ts';
import { type Audience, visibleTo } from './visibility.ts';

export type DuplicateReason =
  | { code: 'NAME'; similarity: number; matched: string; why: string; resembles: string }
  | { code: 'BIRTH_DATE'; dateOfBirth: string }
  | { code: 'PASSPORT_NUMBER'; number: string };

export interface DuplicateCandidate {
  personId: string;
  /** Name similarity (0–1), plus 1 for a passport number in common. */
  score: number;
  reasons: DuplicateReason[];
}

/** The similarity of two folded names from which a person born on the same day is a candidate. */
export const DUPLICATE_NAME_SIMILARITY = 0.5;
const MAX_CANDIDATES = 10;

export async function findDuplicateCandidates(
  db: Conn,
  audience: Audience,
  p: { personIds: string[]; variants: readonly Pick<NameVariant, 'folded' | 'text'>[]; dateOfBirth: string; passportNumbers: string[] },
): Promise<DuplicateCandidate[]> {
  const { names, passports } = await duplicateCandidateRows(db, {
    folded: [...new Set(p.variants.map((v) => v.folded))],
    dateOfBirth: p.dateOfBirth,
    passportNumbers: p.passportNumbers,
    exclude: p.personIds,
    visible: visibleTo(audience),
    minSimilarity: DUPLICATE_NAME_SIMILARITY,
  });
  const distinct = new Set<string>();
  for (const id of p.personIds) for (const d of await distinctFrom(db, id)) distinct.add(d);
  const byId = new Map<string, DuplicateCandidate>();
  const textOf = new Map(p.variants.map((v) => [v.folded, v.text]));
  for (const n of names) {
    if (distinct.has(n.person_id)) continue;
    const sim = Math.round(Number(n.sim) * 1000) / 1000;
    byId.set(n.person_id, {
      personId: n.person_id,
      score: sim,
      reasons: [
        { code: 'NAME', similarity: sim, matched: n.variant, why: reasonOf(n), resembles: textOf.get(n.mine) ?? n.mine },
        { code: 'BIRTH_DATE', dateOfBirth: p.dateOfBirth },
      ],
    });
  }
  for (const pp of passports) {
    if (distinct.has(pp.person_id)) continue;
    const c = byId.get(pp.person_id) ?? { personId: pp.person_id, score: 0, reasons: [] };
    if (c.reasons.some((r) => r.code === 'PASSPORT_NUMBER' && r.number === pp.number)) continue;
    c.reasons.push({ code: 'PASSPORT_NUMBER', number: pp.number });
    c.score += 1;
    byId.set(pp.person_id, c);
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId)).slice(0, MAX_CANDIDATES);
}
