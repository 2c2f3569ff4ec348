/**
 * Someone saved the same event first (issue #5 §5): for each field both people changed, their
 * version and the person's own side by side, one radio group per field ("Yours" / "Theirs
 * (changed by bob@example.test at 10:32)"); everything else was merged already. Also the question
 * for an event deleted while it was being edited: save it as new, or let it go.
 */
import { useState } from 'react';
import type { EventField, FieldSide } from '../../../shared/calendar/merge';
import type { CalendarEvent } from '../../../shared/model/calendar';
import { useI18n } from '../../i18n/useI18n';
import { useCalendarLocale } from './useCalendarLocale';
import { fieldText, personText } from './eventWords';
import { ModalDialog } from '../../components/ModalDialog';

interface ConflictDialogProps {
  mine: CalendarEvent;
  theirs: CalendarEvent;
  conflicts: EventField[];
  onDone(choices: Map<EventField, FieldSide> | null): void;
}

export function ConflictDialog({ mine, theirs, conflicts, onDone }: ConflictDialogProps) {
  const { t, localeTag } = useI18n();
  const { hour12 } = useCalendarLocale();
  const [choices, setChoices] = useState(() => new Map<EventField, FieldSide>(conflicts.map((field) => [field, 'mine'])));
  const when = new Intl.DateTimeFormat(localeTag, { dateStyle: 'medium', timeStyle: 'short', ...(hour12 ? { hour12: true } : { hourCycle: 'h23' as const }) }).format(
    new Date(theirs.lastModified),
  );
  const who = personText(theirs.lastModifiedBy, t);
  const theirsLabel = t('calendar.conflict.theirs', { who, time: when });
  return (
    <ModalDialog title={t('calendar.conflict.title')} className="dialog--wide" onCancel={() => onDone(null)}>
      <p className="dialog__body">{t('calendar.conflict.intro', { who })}</p>
      {conflicts.map((field) => (
        <fieldset key={field} className="conflict-field">
          <legend className="conflict-field__name">{t(`calendar.field.${field}` as 'calendar.field.summary')}</legend>
          {(['mine', 'theirs'] as const).map((side) => (
            <label key={side} className="conflict-field__option">
              <input
                type="radio"
                name={`conflict-${field}`}
                checked={choices.get(field) === side}
                onChange={() => setChoices((previous) => new Map(previous).set(field, side))}
              />
              <span>
                <span className="conflict-field__side">{side === 'mine' ? t('calendar.conflict.yours') : theirsLabel}: </span>
                <span className="conflict-field__value">{fieldText(side === 'mine' ? mine : theirs, field, localeTag, hour12, t)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={() => onDone(null)}>
          {t('calendar.conflict.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => onDone(choices)}>
          {t('calendar.conflict.save')}
        </button>
      </div>
    </ModalDialog>
  );
}

export function DeletedDialog({ onChoose }: { onChoose(saveAsNew: boolean): void }) {
  const { t } = useI18n();
  return (
    <ModalDialog title={t('calendar.deleted.title')} role="alertdialog" onCancel={() => onChoose(false)}>
      <p className="dialog__body">{t('calendar.deleted.text')}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={() => onChoose(false)}>
          {t('calendar.deleted.discard')}
        </button>
        <button type="button" className="button button--primary" onClick={() => onChoose(true)}>
          {t('calendar.deleted.saveAsNew')}
        </button>
      </div>
    </ModalDialog>
  );
}
