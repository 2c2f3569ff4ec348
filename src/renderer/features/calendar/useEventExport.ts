/** "Export .ics" for one event (issue #5 §7): calendar.export with its UID, saved like an attachment. */
import { useCallback } from 'react';
import type { CalendarEvent } from '../../../shared/model/calendar';
import { api, platform } from '../../api';
import type { CalendarInfo } from '../../db/queries/calendar';
import { toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { calendarErrorText } from './calendarErrors';

export function useEventExport() {
  const { t } = useI18n();
  return useCallback(
    async (calendar: CalendarInfo, event: CalendarEvent) => {
      try {
        const result = await api.call('calendar.export', { accountId: calendar.accountId, folderPath: calendar.folderPath, eventUid: event.uid });
        if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
        await platform.saveFile(result.value.filename, new TextEncoder().encode(result.value.ics), 'text/calendar');
      } catch (error) {
        useStore.getState().pushToast('error', t('calendar.exportFailed', { error: calendarErrorText(t, toApiError(error), calendar.address) }));
      }
    },
    [t],
  );
}
