/**
 * The temporary-protection extension channel, as far as pobyt meets it: a tolerance-visa holder who
 * turns to it is turned away with the policy module's guidance (nothing is needed; a new sticker is
 * optional, by appointment). pobyt does not process temporary-protection extensions itself.
 */
import type { Db } from '../../../platform/db/db.ts';
import { AppError, GenericErrors } from '../../../platform/errors.ts';
import { todayInPrague } from '../../calendar/index.ts';
import { evaluate, type Lang } from '../../policy/index.ts';
import type { FindHolderVisa } from './holder-visas.ts';
import { AppointmentErrors, ChannelErrors } from '../appointments.errors.ts';

/** @throws CHANNEL.WRONG_CHANNEL (a tolerance-visa holder), NOT_FOUND, APPOINTMENT.NOT_ELIGIBLE */
export async function requestTpExtension(
  db: Db,
  findVisa: FindHolderVisa,
  now: Date,
  input: { visaNumber: string; dateOfBirth: string; lang?: Lang },
) {
  const v = await findVisa(db, { visaNumber: input.visaNumber, dateOfBirth: input.dateOfBirth });
  if (!v) throw new AppError(GenericErrors.NOT_FOUND, 'No visa matches this number and date of birth.');
  const asOf = todayInPrague(now);
  const ev = evaluate({
    facts: { held_status: 'tolerance_visa', requested_channel: 'tp_extension_system' },
    dates: { as_of: asOf },
    lang: input.lang ?? 'en',
    rules: ['channel.tp_extension_system'],
  });
  const r = ev.results[0]!;
  if (r.outcome === 'turned_away') {
    throw new AppError(ChannelErrors.WRONG_CHANNEL, r.outcomeText, {
      guidance: r.guidance,
      reasons: r.reasons,
      book: '/api/v1/appointments',
      receipt: ev.receipt,
    });
  }
  throw new AppError(AppointmentErrors.NOT_ELIGIBLE, 'Temporary-protection extensions are not handled by this system.');
}
