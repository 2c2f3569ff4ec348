/** Repetition (RFC 5545 RRULE): how often, every N, the weekdays of a weekly series, and when it ends. */
import type { Weekday } from '../../../shared/model/calendar';
import { weekdays } from '../../../shared/model/calendar';
import { SelectField, TextField } from '../../components/Field';
import { useI18n } from '../../i18n/useI18n';
import type { EventDraft, RepeatChoice, RepeatEnd } from './eventDraft';

interface RepeatFieldsProps {
  draft: EventDraft;
  weekStart: number;
  onChange(change: Partial<EventDraft>): void;
}

const repeatChoices: RepeatChoice[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];
const endChoices: RepeatEnd[] = ['never', 'count', 'until'];

export function RepeatFields({ draft, weekStart, onChange }: RepeatFieldsProps) {
  const { t } = useI18n();
  // Weekdays in the locale's order: Monday first in Dutch, Sunday first in the US.
  const ordered: Weekday[] = [...weekdays.slice((weekStart + 6) % 7), ...weekdays.slice(0, (weekStart + 6) % 7)];
  return (
    <fieldset className="event-form__group">
      <legend className="visually-hidden">{t('calendar.form.repeat')}</legend>
      <SelectField
        label={t('calendar.form.repeat')}
        value={draft.repeat}
        options={repeatChoices.map((choice) => ({ value: choice, label: t(`calendar.repeat.${choice}`) }))}
        onChange={(event) => onChange({ repeat: event.target.value as RepeatChoice })}
      />
      {draft.repeat !== 'none' && (
        <>
          <TextField
            label={t(`calendar.form.interval.${draft.repeat}`)}
            type="number"
            min={1}
            max={1000}
            value={String(draft.interval)}
            onChange={(event) => onChange({ interval: Math.trunc(Number(event.target.value)) })}
          />
          {draft.repeat === 'weekly' && (
            <fieldset className="event-form__weekdays">
              <legend className="field__label">{t('calendar.form.onDays')}</legend>
              {ordered.map((day) => (
                <label key={day} className="event-form__weekday">
                  <input
                    type="checkbox"
                    checked={draft.byDay.includes(day)}
                    onChange={(event) =>
                      onChange({ byDay: event.target.checked ? [...draft.byDay, day] : draft.byDay.filter((d) => d !== day) })
                    }
                  />
                  {t(`calendar.weekday.${day}`)}
                </label>
              ))}
            </fieldset>
          )}
          <SelectField
            label={t('calendar.form.ends')}
            value={draft.ends}
            options={endChoices.map((choice) => ({ value: choice, label: t(`calendar.form.ends.${choice}`) }))}
            onChange={(event) => onChange({ ends: event.target.value as RepeatEnd })}
          />
          {draft.ends === 'count' && (
            <TextField
              label={t('calendar.form.count')}
              type="number"
              min={1}
              max={10000}
              value={String(draft.count)}
              onChange={(event) => onChange({ count: Math.trunc(Number(event.target.value)) })}
            />
          )}
          {draft.ends === 'until' && (
            <TextField
              label={t('calendar.form.until')}
              type="date"
              value={draft.untilDate}
              onChange={(event) => onChange({ untilDate: event.target.value })}
            />
          )}
        </>
      )}
    </fieldset>
  );
}
