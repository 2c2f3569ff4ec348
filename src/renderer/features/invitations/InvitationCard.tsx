/**
 * An invitation in the reader (issue #5 §8): the event of a text/calendar part (iTIP, RFC 5546
 * §3.2: REQUEST, PUBLISH, ADD, CANCEL) as a card above the body — what, when (in the person's
 * language and zone), where, who organises it and how it repeats — with "Add to calendar" into
 * the person's own or a shared calendar. The invitation's UID is kept, so adding it again
 * updates the copy instead of making a second one; a cancellation offers to remove it.
 */
import { useState } from 'react';
import type { CalendarEvent, CalendarInvitation, CalendarWriteResult } from '../../../shared/model/calendar';
import { api } from '../../api';
import { Spinner } from '../../components/Spinner';
import { useCalendars, type CalendarInfo } from '../../db/queries/calendar';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { eventWhen, viewZone } from './eventWhen';
import { recurrenceWords } from './recurrenceWords';
import { useInvitationPresence } from './useInvitationPresence';
import './invitations.css';

/** Methods whose event a person may put in a calendar (RFC 5546 §1.4). */
const addable = new Set(['REQUEST', 'PUBLISH', 'ADD']);

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

function stamped(event: CalendarEvent, author: string | null, now: number): CalendarEvent {
  return { ...event, createdBy: event.createdBy ?? author, lastModifiedBy: author, lastModified: now };
}

function InvitationCard({ method, organizer, event }: { method: string; organizer: string | null; event: CalendarEvent }) {
  const i18n = useI18n();
  const { t } = i18n;
  const accounts = useStore((state) => state.accounts);
  const calendars = useCalendars();
  const presence = useInvitationPresence(event.uid, calendars);
  const writable = (calendars ?? []).filter((calendar) => calendar.canWrite);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const target = writable.find((calendar) => calendar.key === chosen) ?? writable[0];
  const cancelled = method === 'CANCEL';
  const title = event.summary.trim() || t('reminders.untitled');
  const existing = target && presence ? presence[target.key] : undefined;
  const holders = (calendars ?? []).filter((calendar) => calendar.canWrite && presence?.[calendar.key]);

  async function run(work: () => Promise<CalendarWriteResult>, done: string) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await work();
      setOutcome(result.status === 'saved' ? { tone: 'ok', text: done } : { tone: 'error', text: t('invitation.conflict') });
    } catch (error) {
      setOutcome({ tone: 'error', text: t('invitation.failed', { error: describeError(t, toApiError(error)) }) });
    } finally {
      setBusy(false);
    }
  }

  function add(calendar: CalendarInfo) {
    const author = accounts?.find((account) => account.id === calendar.accountId)?.email ?? null;
    const current = presence?.[calendar.key];
    const base = current ? { imapUid: current.imapUid, modseq: current.modseq } : null;
    void run(
      async () =>
        unwrap(
          await api.call('calendar.save', { accountId: calendar.accountId, folderPath: calendar.folderPath, event: stamped(event, author, Date.now()), base }),
        ),
      t(current ? 'invitation.updated' : 'invitation.added', { calendar: calendar.name }),
    );
  }

  function remove(calendar: CalendarInfo) {
    const current = presence?.[calendar.key];
    if (!current) return;
    void run(
      async () =>
        unwrap(
          await api.call('calendar.delete', {
            accountId: calendar.accountId,
            folderPath: calendar.folderPath,
            base: { imapUid: current.imapUid, modseq: current.modseq },
          }),
        ),
      t('invitation.removed', { calendar: calendar.name }),
    );
  }

  const newer = existing?.event ? event.sequence > existing.event.sequence : false;
  const rows: [string, string][] = [
    [t('invitation.when'), eventWhen(event, i18n, viewZone())],
    [t('invitation.where'), event.location.trim()],
    [t('invitation.organizer'), organizer ?? ''],
    [t('invitation.repeats'), event.recurrence ? recurrenceWords(event.recurrence, i18n) : ''],
  ];
  return (
    <section className={`invitation${cancelled ? ' invitation--cancelled' : ''}`} aria-label={t('invitation.label', { title })}>
      <p className="invitation__kind">{cancelled ? t('invitation.cancelledKind') : t('invitation.kind')}</p>
      <h3 className="invitation__title">{title}</h3>
      <dl className="invitation__facts">
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div key={label} className="invitation__fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {cancelled ? (
        <div className="invitation__actions">
          <p>{t('invitation.cancelled')}</p>
          {holders.map((calendar) => (
            <button key={calendar.key} type="button" className="button button--small" disabled={busy} onClick={() => remove(calendar)}>
              {t('invitation.remove', { calendar: calendar.name })}
            </button>
          ))}
        </div>
      ) : addable.has(method) && writable.length > 0 && target ? (
        <div className="invitation__actions">
          <label className="invitation__picker">
            {t('invitation.calendar')}
            <select value={target.key} disabled={busy} onChange={(e) => setChosen(e.target.value)}>
              {writable.map((calendar) => (
                <option key={calendar.key} value={calendar.key}>
                  {calendar.kind === 'own' ? t('invitation.ownCalendar', { name: calendar.name }) : calendar.name}
                </option>
              ))}
            </select>
          </label>
          {existing && !newer ? (
            <p className="invitation__present">{t('invitation.present', { calendar: target.name })}</p>
          ) : (
            <button type="button" className="button button--primary button--small" disabled={busy || !presence} onClick={() => add(target)}>
              {busy && <Spinner />}
              {existing ? t('invitation.update') : t('invitation.add')}
            </button>
          )}
        </div>
      ) : addable.has(method) && calendars ? (
        <p className="pane__note">{t('invitation.noCalendar')}</p>
      ) : null}
      <p className={`invitation__outcome invitation__outcome--${outcome?.tone ?? 'none'}`} role="status">
        {outcome?.text}
      </p>
    </section>
  );
}

/** Every event of every invitation in the message (usually one). */
export function InvitationCards({ invitations }: { invitations: readonly CalendarInvitation[] | undefined }) {
  if (!invitations || invitations.length === 0) return null;
  return (
    <>
      {invitations.flatMap((invitation, index) =>
        invitation.events.map((event) => (
          <InvitationCard key={`${index}:${event.uid}`} method={invitation.method.toUpperCase()} organizer={invitation.organizer} event={event} />
        )),
      )}
    </>
  );
}
