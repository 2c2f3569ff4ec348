/**
 * Settings → Calendars (issue #5 §6, §7): every calendar, own and shared, with the person's
 * reminder choice and .ics import/export; and every mailbox without a calendar yet, with
 * "Create calendar" (calendar.ensure) — or, where the person may not create it, who can.
 */
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useCalendars } from '../../db/queries/calendar';
import { useMailboxesAndFolders } from '../../db/queries/mailboxes';
import type { MailboxRow } from '../../db/rows';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { colourOf, mailboxColours } from '../mail/mailboxInfo';
import { CalendarItem } from './CalendarItem';

function NoCalendarItem({ mailbox, colour }: { mailbox: MailboxRow; colour: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.call('calendar.ensure', { accountId: mailbox.accountId, mailboxId: mailbox.id });
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      useStore.getState().pushToast('info', t('settings.calendars.created', { address: mailbox.address }));
    } catch (error) {
      const apiError = toApiError(error);
      // The server decides who may create folders in a shared mailbox (RFC 4314 `k` right).
      setProblem(
        apiError.code === 'calendarNotAllowed'
          ? t('settings.calendars.notAllowed', { address: mailbox.address })
          : t('settings.calendars.createFailed', { address: mailbox.address, error: describeError(t, apiError) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="mailbox-list__item" aria-label={mailbox.address}>
      <div className="mailbox-list__who">
        <span className="mailbox-swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
        <span className="mailbox-list__address">{mailbox.address}</span>
        <span className="badge">{t('settings.calendars.none')}</span>
      </div>
      <div className="mailbox-list__actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={t('settings.calendars.createIn', { address: mailbox.address })}
          onClick={() => void create()}
        >
          {t('settings.calendars.create')}
        </button>
      </div>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

export function CalendarSettings() {
  const { t } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailboxesAndFolders(accountIds);
  const calendars = useCalendars();
  const withoutCalendar = useMemo(() => {
    if (!data || !calendars) return [];
    const having = new Set(calendars.map((calendar) => calendar.mailboxId));
    return data.mailboxes.filter((mailbox) => !mailbox.hidden && !having.has(mailbox.id)).sort((a, b) => a.address.localeCompare(b.address));
  }, [data, calendars]);
  const colours = useMemo(() => mailboxColours(data?.mailboxes ?? []), [data]);

  return (
    <section className="settings__section" aria-labelledby="settings-calendars">
      <h2 id="settings-calendars" className="settings__subtitle">
        {t('settings.calendars')}
      </h2>
      {calendars && calendars.length === 0 && withoutCalendar.length === 0 && <p className="pane__note">{t('settings.calendars.empty')}</p>}
      <ul className="mailbox-list" aria-label={t('settings.calendars')}>
        {(calendars ?? []).map((calendar) => (
          <CalendarItem key={calendar.key} calendar={calendar} />
        ))}
        {withoutCalendar.map((mailbox) => (
          <NoCalendarItem key={mailbox.id} mailbox={mailbox} colour={colourOf(colours, mailbox.id)} />
        ))}
      </ul>
    </section>
  );
}
