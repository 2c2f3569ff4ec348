/**
 * The time zone of an appointment: a text box with the IANA zones the runtime knows as
 * suggestions (Intl.supportedValuesOf), so typing "Amst" finds Europe/Amsterdam; a name that is
 * not a zone is refused by the form.
 */
import { useId, useMemo } from 'react';
import { isKnownTimeZone } from '../../../shared/calendar/zoneTime';
import { useI18n } from '../../i18n/useI18n';

function allZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

export function isValidZone(zone: string): boolean {
  return zone !== '' && isKnownTimeZone(zone);
}

export function TimeZoneField({ value, onChange }: { value: string; onChange(zone: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const zones = useMemo(() => allZones(), []);
  const invalid = !isValidZone(value);
  return (
    <div className={`field${invalid ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t('calendar.form.timeZone')}
      </label>
      <input
        id={id}
        className="field__input"
        list={`${id}-zones`}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value.trim())}
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {invalid && (
        <p id={`${id}-error`} className="field__error">
          {t('calendar.form.timeZoneInvalid')}
        </p>
      )}
    </div>
  );
}
