/**
 * The calendar screen (issue #5 §3–5): the top bar, the calendars to show, and the toolbar over
 * the chosen view — time grid (day, work week, week), month or agenda — with the appointment
 * dialog and the conflict choice on top. Keys: PageUp/PageDown a period, `t` today; the views
 * handle the arrow keys and Enter themselves.
 */
import { useEffect, useMemo, useState } from 'react';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import type { CalendarViewMode } from '../../store/calendarSlice';
import { TopBar } from '../shell/TopBar';
import { AgendaList } from './AgendaList';
import { stepAnchor, todayIn, viewRange, type Day } from './calendarDates';
import { calendarFormat } from './calendarFormat';
import { CalendarList } from './CalendarList';
import { CalendarToolbar } from './CalendarToolbar';
import { EventEditor } from './EventEditor';
import { MonthGrid } from './MonthGrid';
import { TimeGrid } from './TimeGrid';
import { useCalendarActions } from './useCalendarActions';
import { useCalendarData } from './useCalendarData';
import { useCalendarLocale } from './useCalendarLocale';
import { useRequestedOccurrence } from './useRequestedOccurrence';

/** The current time, refreshed every minute (the today line, and "today" after midnight). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function usePeriodKeys(step: (direction: 1 | -1) => void, today: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const actions: Record<string, () => void> = { PageUp: () => step(-1), PageDown: () => step(1), t: today };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [step, today]);
}

export function CalendarView() {
  const { t, localeTag } = useI18n();
  const locale = useCalendarLocale();
  const view = useStore((state) => state.calendarView);
  const anchorChoice = useStore((state) => state.calendarAnchor);
  const setView = useStore((state) => state.setCalendarView);
  const setAnchor = useStore((state) => state.setCalendarAnchor);
  const now = useNow();
  const today = todayIn(locale.timeZone, now);
  const anchor = anchorChoice ?? today;
  const range = useMemo(
    () => viewRange(view, anchor, locale.weekStart, locale.timeZone, locale.workDays),
    [view, anchor, locale.weekStart, locale.timeZone, locale.workDays],
  );
  const { calendars, byKey, occurrences, loaded } = useCalendarData(range, locale.timeZone);
  const format = calendarFormat(localeTag, locale.hour12, locale.timeZone);
  const actions = useCalendarActions(calendars, locale);
  useRequestedOccurrence(occurrences, calendars, loaded, actions.open);

  const step = useMemo(() => (direction: 1 | -1) => setAnchor(stepAnchor(view, anchor, direction)), [setAnchor, view, anchor]);
  const goToday = useMemo(() => () => setAnchor(null), [setAnchor]);
  usePeriodKeys(step, goToday);

  const showView = (mode: CalendarViewMode, day?: Day) => {
    if (day) setAnchor(day);
    setView(mode);
  };
  const newAppointment = () => {
    const day = range.days.includes(today) ? today : (range.days[0] ?? today);
    const hour = day === today ? Math.min(23, new Date(now).getHours() + 1) : 9;
    actions.create(day, hour * 60, hour * 60 + 60, false);
  };

  const { withMoves } = actions;
  const shown = useMemo(() => withMoves(occurrences), [withMoves, occurrences]);
  const viewProps = { occurrences: shown.occurrences, calendars: byKey, timeZone: locale.timeZone, format, today, onOpen: actions.open };
  let content;
  if (!loaded) content = <p className="pane__note">{t('calendar.loading')}</p>;
  else if (view === 'month')
    content = (
      <MonthGrid
        {...viewProps}
        days={range.days}
        anchor={anchor}
        onCreateOn={(day) => actions.create(day, 9 * 60, 10 * 60, false)}
        onShowDay={(day) => showView('day', day)}
        onAnchor={setAnchor}
      />
    );
  else if (view === 'agenda') content = <AgendaList {...viewProps} days={range.days} />;
  else
    content = (
      <TimeGrid
        key={`${view}-${range.days[0]}`}
        {...viewProps}
        days={range.days}
        now={now}
        pending={shown.pending}
        onCreate={actions.create}
        onChange={actions.change}
        onStep={step}
      />
    );

  return (
    <div className="calendar-view">
      <TopBar compose={false} />
      <div className="calendar-view__panes">
        <nav className="pane pane--folders calendar-view__side" aria-label={t('calendar.calendars')}>
          <CalendarList calendars={calendars ?? []} />
        </nav>
        <main className="calendar-view__main" aria-label={t('calendar.title')}>
          <CalendarToolbar
            title={format.rangeTitle(view, range.days)}
            anchor={anchor}
            onGoTo={setAnchor}
            view={view}
            canCreate={actions.canCreate}
            onToday={goToday}
            onStep={step}
            onView={(mode) => showView(mode)}
            onNew={newAppointment}
          />
          <p className="calendar-view__status" role="status">
            {actions.writer.busy && (
              <>
                <Spinner /> {t('calendar.saving')}
              </>
            )}
          </p>
          <div className="calendar-view__content">{content}</div>
        </main>
      </div>
      {actions.editor && (
        <EventEditor
          key={actions.editor.id}
          target={actions.editor.target}
          calendars={calendars ?? []}
          writer={actions.writer}
          onClose={() => actions.setEditor(null)}
        />
      )}
      {actions.dialog}
    </div>
  );
}

