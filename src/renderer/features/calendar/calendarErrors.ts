/**
 * Calendar failures in words. `calendarNotAllowed` (calendar.ensure) names the mailbox whose
 * owner can create the calendar; other codes are worded as everywhere else (i18n/errors).
 */
import type { ApiError } from '../../../shared/api';
import { describeError } from '../../i18n/errors';
import type { Translate } from '../../i18n/types';

export function calendarErrorText(t: Translate, error: Pick<ApiError, 'code'> & { details?: unknown }, address: string): string {
  if (error.code === 'calendarNotAllowed') {
    const named = typeof error.details === 'string' && error.details ? error.details : address;
    return t('calendar.notAllowed', { address: named });
  }
  if (error.code === 'notPermitted') return t('calendar.writeRefused', { address });
  return describeError(t, error);
}
