/** The result of an .ics import in words (issue #5 §7). */
import type { IcsImportResult } from '../../../shared/model/calendar';
import type { I18n } from '../../i18n/i18n';

/** Failures listed by name; the rest are counted. */
const listedFailures = 5;

/** "500 events imported, 2 could not be read: Lunch (no DTSTART); …". */
export function importSummary(result: IcsImportResult, t: I18n['t']): string {
  const imported = t('ics.imported', { count: result.imported });
  if (result.failed.length === 0) return `${imported}.`;
  const named = result.failed
    .slice(0, listedFailures)
    .map((failure) => t('ics.failure', { summary: failure.summary.trim() || t('reminders.untitled'), reason: failure.reason }));
  const more = result.failed.length - named.length;
  const list = named.join('; ') + (more > 0 ? `; ${t('ics.more', { count: more })}` : '');
  return `${imported}, ${t('ics.failed', { count: result.failed.length, list })}`;
}

