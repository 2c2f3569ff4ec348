/**
 * A To / Cc / Bcc field: free text (paste a whole list), completed from addresses seen in the
 * cache. The suggestions are a listbox the field drives with aria-activedescendant (WAI-ARIA
 * APG "combobox with listbox popup", list autocomplete): Down/Up move, Enter or Tab takes the
 * highlighted one, Escape closes. Addresses that are not addresses are marked before sending.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { formatAddress, parseAddressField } from '../../../shared/compose';
import { Isolated } from '../../components/Isolated';
import { db } from '../../db/db';
import { addressBook, suggestAddresses, type KnownAddress } from '../../db/queries/addressBook';
import { useI18n } from '../../i18n/useI18n';

interface AddressInputProps {
  label: string;
  value: string;
  /** Words for the invalid pieces, shown under the field; null when it is fine (or not checked yet). */
  error: string | null;
  onChange(value: string): void;
  onBlur(): void;
}

/** The piece being typed: everything after the last separator outside quotes and angle brackets. */
export function currentPiece(value: string): { start: number; text: string } {
  let quoted = false;
  let angle = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"' && !angle) quoted = !quoted;
    else if (!quoted && c === '<') angle = true;
    else if (!quoted && c === '>') angle = false;
    else if (!quoted && !angle && (c === ',' || c === ';' || c === '\n')) start = i + 1;
  }
  return { start, text: value.slice(start).trim() };
}

/** Replaces the piece being typed with the chosen address, ready for the next one. */
export function acceptSuggestion(value: string, known: KnownAddress): string {
  const { start } = currentPiece(value);
  const before = value.slice(0, start).trimEnd();
  return `${before ? `${before} ` : ''}${formatAddress(known)}, `;
}

export function AddressInput({ label, value, error, onChange, onBlur }: AddressInputProps) {
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-suggestions`;
  const errorId = `${id}-error`;
  const [book, setBook] = useState<KnownAddress[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    let cancelled = false;
    addressBook(db).then(
      (known) => !cancelled && setBook(known),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const typed = currentPiece(value).text;
  const already = parseAddressField(value).addresses.map((a) => a.address);
  const suggestions = open ? suggestAddresses(book, typed, already) : [];
  const shown = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  function take(known: KnownAddress | undefined): boolean {
    if (!known) return false;
    onChange(acceptSuggestion(value, known));
    setOpen(false);
    setActive(0);
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!shown) {
      if (event.key === 'ArrowDown' && typed) setOpen(true);
      return;
    }
    const handlers: Record<string, () => boolean> = {
      ArrowDown: () => (setActive((activeIndex + 1) % suggestions.length), true),
      ArrowUp: () => (setActive((activeIndex - 1 + suggestions.length) % suggestions.length), true),
      Enter: () => take(suggestions[activeIndex]),
      Tab: () => take(suggestions[activeIndex]),
      Escape: () => (setOpen(false), true),
    };
    if (handlers[event.key]?.()) event.preventDefault();
  }

  return (
    <div className={`compose-field${error ? ' has-error' : ''}`}>
      <label className="compose-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="compose-field__control">
        <input
          id={id}
          className="compose-field__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-autocomplete="list"
          aria-controls={shown ? listId : undefined}
          aria-expanded={shown}
          aria-activedescendant={shown ? `${listId}-${activeIndex}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            onChange(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            onBlur();
          }}
        />
        {shown && (
          <ul id={listId} className="compose-suggestions" role="listbox" aria-label={t('compose.suggestions', { field: label })}>
            {suggestions.map((known, index) => (
              <li
                key={known.address}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`compose-suggestions__item${index === activeIndex ? ' is-active' : ''}`}
                // mousedown, not click: the field must keep focus (its blur would close the list first).
                onMouseDown={(event) => {
                  event.preventDefault();
                  take(known);
                }}
              >
                <Isolated className="compose-suggestions__name" text={known.name || known.address} />
                {known.name && <span className="compose-suggestions__address">{known.address}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={errorId} className="compose-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
