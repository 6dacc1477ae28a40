/**
 * Verification by an authority: one visa by number, or by passport number with date of birth. The
 * answer holds only the caller's scoped fields; the rights come from the policy module on `asOf`.
 * Every authenticated lookup — found or not — is audited with the client's id, in the same statement
 * that reads the visa (see verification-batcher.ts).
 */
import type { Db } from '../../../platform/db/db.ts';
import type { ReplicaRouter } from '../../../platform/db/replica.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { defaultBundle, valueOn } from '../../policy/index.ts';
import { readChangeEvents } from '../../../platform/outbox.ts';
import type { VisaQuery } from '../../visas/index.ts';
import { pick } from '../domain/scopes.ts';
import { parseApiKey, type AuthorityClient } from './authority-clients.ts';
import type { VerificationBatcher } from './verification-batcher.ts';
import { AuthErrors } from '../../auth/index.ts';

function rightsOn(asOf: string) {
  const p = valueOn(defaultBundle().parameters['rights.tolerance_visa']!, asOf);
  const v = p.value as {
    work: string;
    public_health_insurance: boolean;
    humanitarian_benefit: boolean | string;
    travel_and_reentry: boolean;
  };
  return {
    publicHealthInsurance: v.public_health_insurance,
    workPermitRequired: v.work === 'permit_required',
    humanitarianBenefit: v.humanitarian_benefit,
    travelAndReentry: v.travel_and_reentry,
  };
}

/** @throws AUTH.REQUIRED (malformed, unknown or revoked key), NOT_FOUND (no such visa), POLICY.NO_RULE_IN_FORCE */
export async function verifyStatus(batcher: VerificationBatcher, apiKey: string | null, q: VisaQuery, asOf: string, requestId: string) {
  const key = apiKey ? parseApiKey(apiKey) : null;
  const { client, visa: v } = key ? await batcher.verify({ ...key, query: q, requestId }) : { client: null, visa: null };
  if (!client) throw new AppError(AuthErrors.REQUIRED, 'A valid, unrevoked authority API key is required in the x-api-key header.');
  if (!v) throw new AppError(GenericErrors.NOT_FOUND, 'No visa matches.');
  // Judged on asOf: a visa cancelled later was still in force on an earlier day.
  const cancelled = v.status === 'cancelled' && (v.cancelled_on === null || asOf >= v.cancelled_on);
  const status = cancelled ? 'cancelled' : asOf < v.valid_from ? 'not_yet_valid' : asOf > v.valid_to ? 'expired' : 'valid';
  const record = {
    status,
    visaCode: v.visa_code,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    cancelledOn: v.cancelled_on,
    holderName: `${v.surname} ${v.given_names}`,
    dateOfBirth: v.date_of_birth,
    ...rightsOn(asOf),
  };
  return { asOf, visaNumber: v.visa_number, ...pick(record, client.scopes) };
}

/**
 * The pull feed: events after a cursor, each with its idempotency key; payloads cut to the caller's
 * scopes. Read from the replica when one is configured and fresh enough, otherwise from `db`.
 */
export async function readChangeFeed(db: Db, client: AuthorityClient, after: number, limit: number, replica?: ReplicaRouter) {
  const rows = (await replica?.read((r) => readChangeEvents(r, after, limit))) ?? (await readChangeEvents(db, after, limit));
  return {
    events: rows.map((r) => {
      const p = r.payload as Record<string, unknown>;
      return {
        seq: Number(r.seq),
        eventId: r.event_id,
        kind: r.kind,
        occurredAt: new Date(r.occurred_at).toISOString(),
        visaNumber: p.visaNumber,
        ...pick(p, client.scopes),
      };
    }),
    next: rows.length ? Number(rows.at(-1)!.seq) : after,
  };
}
