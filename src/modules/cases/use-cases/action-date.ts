import { isValidIsoDate, todayInPrague } from '../../calendar/index.ts';
import { fieldError, validationFailed } from '../../../platform/errors.ts';

/**
 * The date an action takes effect: given explicitly, or today in Prague. It may not lie in the
 * future nor before the case's last recorded step (the log stays in date order).
 */
export function actionDate(given: string | undefined, now: Date, notBefore: string, field = '/on'): string {
  const today = todayInPrague(now);
  const on = given ?? today;
  if (!isValidIsoDate(on)) throw validationFailed([fieldError(field, 'INVALID_DATE', `${on} is not a calendar date (YYYY-MM-DD).`)]);
  if (on > today) throw validationFailed([fieldError(field, 'IN_FUTURE', `${on} is after today (${today}).`)]);
  if (on < notBefore)
    throw validationFailed([fieldError(field, 'BEFORE_LAST_STEP', `${on} is before the case's last recorded step (${notBefore}).`)]);
  return on;
}
