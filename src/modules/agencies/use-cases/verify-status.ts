/**
 * Verification by an authority: one visa by number, or by passport number with date of birth. The
 * answer holds only the caller's scoped fields; the rights come from the policy module on `asOf`.
 * Every lookup — found or not — is audited with the client's id.
 */
import type { Db } from '../../../platform/db/db.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { defaultBundle, valueOn } from '../../policy/index.ts';
import { findVisaForVerification, listChangeEvents, type VisaQuery } from '../../visas/index.ts';
import { pick } from '../domain/scopes.ts';
import type { AuthorityClient } from './authority-clients.ts';

function rightsOn(asOf: string) {
  const p = valueOn(defaultBundle().parameters['rights.tolerance_visa']!, asOf);
  const v = p.value as { work: string; public_health_insurance: boolean; humanitarian_benefit: boolean | string; travel_and_reentry: boolean };
  return { publicHealthInsurance: v.public_health_insurance, workPermitRequired: v.work === 'permit_required', humanitarianBenefit: v.humanitarian_benefit, travelAndReentry: v.travel_and_reentry };
}

/** @throws NOT_FOUND (no such visa), POLICY.NO_RULE_IN_FORCE */
export async function verifyStatus(db: Db, client: AuthorityClient, q: VisaQuery, asOf: string, requestId: string) {
  const v = await findVisaForVerification(db, q);
  await writeAudit(db, {
    actorId: null, action: 'authority.verify', entityType: 'visa', entityId: v?.id ?? 'not-found', requestId,
    after: { client: client.id, by: 'visaNumber' in q ? 'visa_number' : 'passport', found: Boolean(v) },
  });
  if (!v) throw new AppError('NOT_FOUND', 'No visa matches.');
  const status = v.status === 'cancelled' ? 'cancelled' : asOf < v.valid_from ? 'not_yet_valid' : asOf > v.valid_to ? 'expired' : 'valid';
  const record = {
    status, visaCode: v.visa_code, validFrom: v.valid_from, validTo: v.valid_to,
    holderName: `${v.surname} ${v.given_names}`, dateOfBirth: v.date_of_birth,
    ...rightsOn(asOf),
  };
  return { asOf, visaNumber: v.visa_number, ...pick(record, client.scopes) };
}

/** The pull feed: events after a cursor, each with its idempotency key; payloads cut to the caller's scopes. */
export async function readChangeFeed(db: Db, client: AuthorityClient, after: number, limit: number) {
  const rows = await listChangeEvents(db, after, limit);
  return {
    events: rows.map((r) => {
      const p = r.payload as Record<string, unknown>;
      return { seq: Number(r.seq), eventId: r.event_id, kind: r.kind, occurredAt: new Date(r.occurred_at).toISOString(), visaNumber: p.visaNumber, ...pick(p, client.scopes) };
    }),
    next: rows.length ? Number(rows.at(-1)!.seq) : after,
  };
}
