/**
 * Today, Previous, Next, the range on screen as the page's heading, "Go to date", the view
 * switch (toggle buttons: Day, Work week, Week, Month, Agenda) and "New appointment".
 */
import { useI18n } from '../../i18n/useI18n';
import { calendarViewModes, type CalendarViewMode } from '../../store/calendarSlice';

interface CalendarToolbarProps {
  title: string;
  /** The day the view is anchored on, for "Go to date". */
  anchor: string;
  onGoTo(day: string): void;
  view: CalendarViewMode;
  canCreate: boolean;
  onToday(): void;
  onStep(direction: 1 | -1): void;
  onView(view: CalendarViewMode): void;
  onNew(): void;
}

export function CalendarToolbar({ title, anchor, onGoTo, view, canCreate, onToday, onStep, onView, onNew }: CalendarToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="calendar-toolbar" role="toolbar" aria-label={t('calendar.toolbar')}>
      <button type="button" className="button" aria-keyshortcuts="T" onClick={onToday}>
        {t('calendar.today')}
      </button>
      <button type="button" className="button button--ghost" aria-label={t('calendar.previous')} aria-keyshortcuts="PageUp" onClick={() => onStep(-1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <button type="button" className="button button--ghost" aria-label={t('calendar.next')} aria-keyshortcuts="PageDown" onClick={() => onStep(1)}>
        <span aria-hidden="true">›</span>
      </button>
      <h1 className="calendar-toolbar__title" aria-live="polite">
        {title}
      </h1>
      <input
        type="date"
        className="field__input calendar-toolbar__date"
        aria-label={t('calendar.goTo')}
        value={anchor}
        onChange={(event) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) onGoTo(event.target.value);
        }}
      />
      <div className="segmented" role="group" aria-label={t('calendar.viewSwitch')}>
        {calendarViewModes.map((mode) => (
          <button
            key={mode}
            type="button"
            className={`segmented__button${mode === view ? ' is-current' : ''}`}
            aria-pressed={mode === view}
            onClick={() => onView(mode)}
          >
            {t(`calendar.view.${mode}`)}
          </button>
        ))}
      </div>
      <button type="button" className="button button--primary" disabled={!canCreate} onClick={onNew}>
        {t('calendar.new')}
      </button>
    </div>
  );
}
