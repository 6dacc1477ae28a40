/**
 * Cancelling a visa and affixing a new sticker: the pure checks, apart from SQL and HTTP.
 *
 * Grounds follow § 37 of Act 326/1999 as the facts file records it [partly verified; the version
 * date of the text read is unknown]: the holder asks; the purpose is not fulfilled; a final
 * conviction for an intentional crime; false information or forged documents; loss or invalidity of
 * the travel document; expulsion by another Schengen state; and "other_statutory" for the further
 * grounds the section refers to (e.g. § 56). Tolerance-specific grounds today are unverified, so no
 * ground here is specific to the tolerance visa. The ground is a code — never a narrative.
 */
import type { FieldError } from '../../../platform/errors.ts';

export const CANCELLATION_GROUNDS = [
  'holder_request',
  'purpose_not_fulfilled',
  'criminal_conviction',
  'false_information',
  'travel_document_invalid',
  'schengen_expulsion',
  'other_statutory',
] as const;
export type CancellationGround = (typeof CANCELLATION_GROUNDS)[number];

export interface VisaDates {
  status: string;
  validFrom: string;
  validTo: string;
  issuedOn: string;
}

/** Why `cancelledOn` cannot be the date of cancelling this visa today; [] when it can. */
export function cancellationDateErrors(v: VisaDates, cancelledOn: string, today: string): FieldError[] {
  if (cancelledOn > today)
    return [{ field: '/cancelledOn', reason: 'IN_FUTURE', message: `A cancellation cannot be dated after today (${today}).` }];
  if (cancelledOn < v.issuedOn)
    return [
      {
        field: '/cancelledOn',
        reason: 'BEFORE_ISSUE',
        message: `The visa was issued on ${v.issuedOn}; it cannot be cancelled before that.`,
      },
    ];
  return [];
}

/** Why a sticker cannot be affixed on `affixedOn`; null when it can. A sticker goes only on a visa in force that day. */
export function stickerRefusal(v: VisaDates, affixedOn: string, today: string): { field?: string; reason: string; message: string } | null {
  if (affixedOn > today)
    return { field: '/affixedOn', reason: 'IN_FUTURE', message: `A sticker cannot be recorded for a day after today (${today}).` };
  if (v.status === 'cancelled') return { reason: 'VISA_CANCELLED', message: 'The visa is cancelled; no sticker can be affixed.' };
  if (affixedOn < v.validFrom || affixedOn > v.validTo)
    return {
      reason: 'VISA_NOT_IN_FORCE',
      message: `The visa is valid ${v.validFrom} – ${v.validTo}; it was not in force on ${affixedOn}.`,
    };
  return null;
}
