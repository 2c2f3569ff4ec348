/**
 * The calendars beside the grid (issue #5 §3): the person's own and every shared mailbox's, each
 * with its mailbox colour and a checkbox to show or hide it (a local choice, calendarPrefs). A
 * mailbox without a calendar folder offers "Create calendar"; when the person may not create one
 * the answer says who can (calendar.ensure → `calendarNotAllowed`).
 */
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { db } from '../../db/db';
import { setCalendarPrefs, type CalendarInfo } from '../../db/queries/calendar';
import { useMailboxesAndFolders } from '../../db/queries/mailboxes';
import type { MailboxRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { calendarErrorText } from './calendarErrors';

/**
 * Show/hide one calendar. The choice is written to the cache (calendarPrefs) and read back live;
 * the box follows the click at once instead of waiting for that round trip.
 */
function VisibleCheckbox({ calendar }: { calendar: CalendarInfo }) {
  const stored = calendar.prefs.visible;
  const [choice, setChoice] = useState<{ stored: boolean; visible: boolean } | null>(null);
  const checked = choice && choice.stored === stored ? choice.visible : stored;
  return (
    <input
      type="checkbox"
      checked={checked}
      style={{ accentColor: calendar.colour }}
      onChange={(event) => {
        setChoice({ stored, visible: event.target.checked });
        void setCalendarPrefs(db, calendar.key, { visible: event.target.checked });
      }}
    />
  );
}

function MissingCalendar({ mailbox }: { mailbox: MailboxRow }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function create() {
    setBusy(true);
    setProblem(null);
    const result = await api.call('calendar.ensure', { accountId: mailbox.accountId, mailboxId: mailbox.id });
    setBusy(false);
    // On success the folders batch brings the new calendar into the list by itself.
    if (!result.ok) setProblem(calendarErrorText(t, result.error, mailbox.address));
  }
  return (
    <li className="calendar-list__missing">
      <span className="calendar-list__name">{mailbox.address}</span>
      {problem ? (
        <p className="calendar-list__problem" role="alert">
          {problem}
        </p>
      ) : (
        <button
          type="button"
          className="button button--small"
          aria-label={t('calendar.createFor', { address: mailbox.address })}
          disabled={busy}
          aria-busy={busy}
          onClick={() => void create()}
        >
          {busy ? t('calendar.creating') : t('calendar.create')}
        </button>
      )}
    </li>
  );
}

export function CalendarList({ calendars }: { calendars: CalendarInfo[] }) {
  const { t } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailboxesAndFolders(accountIds);
  const without = useMemo(() => {
    if (!data) return [];
    const having = new Set(calendars.map((calendar) => calendar.mailboxId));
    return data.mailboxes.filter((mailbox) => !mailbox.hidden && !having.has(mailbox.id));
  }, [data, calendars]);
  return (
    <div className="calendar-list">
      <h2 className="calendar-list__title" id="calendar-list-title">
        {t('calendar.calendars')}
      </h2>
      {calendars.length === 0 && <p className="pane__note">{t('calendar.noCalendars')}</p>}
      <ul aria-labelledby="calendar-list-title">
        {calendars.map((calendar) => (
          <li key={calendar.key} className="calendar-list__item">
            <label className="calendar-list__label">
              <VisibleCheckbox calendar={calendar} />
              <span className="mailbox-swatch" style={{ backgroundColor: calendar.colour }} aria-hidden="true" />
              <span className="calendar-list__name">{calendar.address || calendar.name}</span>
              {calendar.name !== calendar.address && calendar.address && (
                <span className="calendar-list__detail"> {calendar.name}</span>
              )}
              {!calendar.canWrite && <span className="calendar-list__detail">{t('calendar.readOnly')}</span>}
            </label>
          </li>
        ))}
      </ul>
      {without.length > 0 && (
        <>
          <h3 className="calendar-list__subtitle">{t('calendar.withoutCalendar')}</h3>
          <ul>
            {without.map((mailbox) => (
              <MissingCalendar key={mailbox.id} mailbox={mailbox} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
