/**
 * The listbox under the box (WAI-ARIA combobox with aria-activedescendant: the focus stays in
 * the box, arrows move the active option, Enter or Tab takes it). Options take the pointer
 * without taking the focus, so a click does not close the list before it counts.
 */
import { useEffect } from 'react';
import type { BoxSuggestion } from './boxSuggestions';

interface Props {
  id: string;
  label: string;
  options: readonly BoxSuggestion[];
  active: number;
  optionId(index: number): string;
  onHover(index: number): void;
  onTake(option: BoxSuggestion): void;
  /** Accessible name of an option (recent searches say so). */
  nameOf(option: BoxSuggestion): string;
}

export function SuggestionList({ id, label, options, active, optionId, onHover, onTake, nameOf }: Props) {
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active, optionId]);
  return (
    <ul id={id} role="listbox" aria-label={label} className="search-suggestions">
      {options.map((option, index) => (
        <li
          key={option.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          aria-label={nameOf(option)}
          className={`search-suggestions__option search-suggestions__option--${option.kind}${index === active ? ' is-active' : ''}`}
          onPointerMove={() => (index === active ? undefined : onHover(index))}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onTake(option)}
        >
          <span className="search-suggestions__label">{option.label}</span>
          {option.detail && <span className="search-suggestions__detail">{option.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
