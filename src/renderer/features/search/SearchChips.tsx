/**
 * The parsed operators as chips under the box (issue #13 §2): what the search understood —
 * "from: jan@…", "has: attachment" — each with a button that takes it out of the search.
 */
import { useI18n } from '../../i18n/useI18n';

export interface BoxChip {
  id: string;
  /** The term as the chip shows it ("from: jan@example.com"). */
  label: string;
  negated: boolean;
  /** The box's text without this term. */
  without: string;
}

export function SearchChips({ chips, onRemove }: { chips: readonly BoxChip[]; onRemove(chip: BoxChip): void }) {
  const { t } = useI18n();
  if (chips.length === 0) return null;
  return (
    <ul className="search-chips" aria-label={t('search.terms')}>
      {chips.map((chip) => (
        <li key={chip.id} className={`search-chips__chip${chip.negated ? ' is-negated' : ''}`}>
          <span className="search-chips__label">{chip.label}</span>
          <button type="button" className="search-chips__remove" aria-label={t('search.removeTerm', { term: chip.label })} onClick={() => onRemove(chip)}>
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
