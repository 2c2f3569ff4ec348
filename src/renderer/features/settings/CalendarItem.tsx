/**
 * One calendar in Settings → Calendars (issue #5 §6, §7): its colour and mailbox, the person's
 * own "Reminders" switch (local, default on), "Import .ics…" into it and "Export .ics" of it.
 * A read-only calendar (no insert/delete rights, RFC 4314) offers export only and says why.
 */
import { useRef, useState } from 'react';
import { api, platform } from '../../api';
import { Spinner } from '../../components/Spinner';
import { db } from '../../db/db';
import { setCalendarPrefs, type CalendarInfo } from '../../db/queries/calendar';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { importSummary } from './icsSummary';

/** calendar.import's own limit (src/shared/api.ts). */
const maxIcsBytes = 20 * 1024 * 1024;

type Status = { kind: 'busy'; text: string } | { kind: 'done' | 'error'; text: string } | null;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

export function CalendarItem({ calendar }: { calendar: CalendarInfo }) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const busy = status?.kind === 'busy';
  const kind = calendar.kind === 'own' ? t('settings.calendars.own') : t('settings.calendars.shared');

  async function importFile(file: File) {
    if (file.size > maxIcsBytes) {
      setStatus({ kind: 'error', text: t('ics.tooLarge', { filename: file.name }) });
      return;
    }
    setStatus({ kind: 'busy', text: t('ics.importing', { filename: file.name }) });
    try {
      const ics = await file.text();
      const result = unwrap(await api.call('calendar.import', { accountId: calendar.accountId, folderPath: calendar.folderPath, ics }));
      setStatus({ kind: result.imported === 0 && result.failed.length > 0 ? 'error' : 'done', text: importSummary(result, t) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('ics.importFailed', { error: describeError(t, toApiError(error)) }) });
    }
  }

  async function exportFile() {
    setStatus({ kind: 'busy', text: t('ics.exporting') });
    try {
      const result = unwrap(await api.call('calendar.export', { accountId: calendar.accountId, folderPath: calendar.folderPath }));
      await platform.saveFile(result.filename, new TextEncoder().encode(result.ics), 'text/calendar');
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'error', text: t('ics.exportFailed', { error: describeError(t, toApiError(error)) }) });
    }
  }

  return (
    <li className="mailbox-list__item" aria-label={calendar.name}>
      <div className="mailbox-list__who">
        <span className="mailbox-swatch" style={{ backgroundColor: calendar.colour }} aria-hidden="true" />
        <span className="mailbox-list__address">{calendar.name}</span>
        {calendar.address && calendar.address !== calendar.name && <span className="mailbox-list__name">{calendar.address}</span>}
        <span className="badge">{kind}</span>
        {!calendar.canWrite && <span className="badge badge--warning">{t('settings.calendars.readOnlyBadge')}</span>}
      </div>
      <div className="mailbox-list__actions">
        <label className="mailbox-list__notify">
          <input
            type="checkbox"
            role="switch"
            checked={calendar.prefs.reminders}
            aria-label={t('settings.calendars.remindersFor', { name: calendar.name })}
            onChange={(event) =>
              void setCalendarPrefs(db, calendar.key, { reminders: event.target.checked }).catch((error: unknown) =>
                useStore.getState().pushToast('error', describeError(t, toApiError(error))),
              )
            }
          />
          {t('settings.calendars.reminders')}
        </label>
        {calendar.canWrite && (
          <>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={t('ics.importInto', { name: calendar.name })}
              onClick={() => fileInput.current?.click()}
            >
              {t('ics.import')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".ics,text/calendar"
              hidden
              tabIndex={-1}
              aria-hidden="true"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </>
        )}
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={t('ics.exportOf', { name: calendar.name })}
          onClick={() => void exportFile()}
        >
          {t('ics.export')}
        </button>
      </div>
      {!calendar.canWrite && <p className="pane__note">{t('settings.calendars.readOnly', { name: calendar.name })}</p>}
      <p className={status === null ? 'visually-hidden' : status.kind === 'error' ? 'field__error' : 'pane__note'} role="status" aria-live="polite">
        {status?.kind === 'busy' && <Spinner />} {status?.text}
      </p>
    </li>
  );
}
