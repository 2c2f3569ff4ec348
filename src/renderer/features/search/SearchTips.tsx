/**
 * "Search tips": a small popover listing the operators in the person's language (issue #13 §2:
 * "so nobody must learn it"). A disclosure button, not a modal: Escape or the button closes it
 * and gives the focus back; clicking elsewhere closes it too.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { MessageKey, ParamsOf } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';

/**
 * What to type, and the words saying what it does: the operators' own descriptions (the ones
 * the suggestions show, i18n searchQuery.op.*), plus the plain-text forms only the tips explain.
 */
type PlainKey = { [K in MessageKey]: ParamsOf<K> extends [] ? K : never }[MessageKey];

const tips: readonly { example: string; label: PlainKey }[] = [
  { example: 'factuur mei', label: 'search.tips.words' },
  { example: '"tot volgende week"', label: 'search.tips.phrase' },
  { example: 'from:jan@example.com', label: 'searchQuery.op.from' },
  { example: 'to:devries', label: 'searchQuery.op.to' },
  { example: 'cc:bob', label: 'searchQuery.op.cc' },
  { example: 'subject:offerte', label: 'searchQuery.op.subject' },
  { example: 'has:attachment', label: 'searchQuery.op.has' },
  { example: 'filename:offerte.pdf', label: 'searchQuery.op.filename' },
  { example: 'is:unread', label: 'searchQuery.op.is' },
  { example: 'in:inbox', label: 'searchQuery.op.in' },
  { example: 'mailbox:info@', label: 'searchQuery.op.mailbox' },
  { example: 'before:2026-12-01', label: 'search.tips.before' },
  { example: 'after:1-11-2026', label: 'searchQuery.op.after' },
  { example: 'larger:2M', label: 'searchQuery.op.larger' },
  { example: '-nieuwsbrief', label: 'search.tips.not' },
  { example: 'offerte OR factuur', label: 'search.tips.or' },
];

export function SearchTips() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div className="search-tips" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--ghost search-tips__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('search.tips')}
        title={t('search.tips')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">?</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="search-tips__panel"
          role="region"
          aria-label={t('search.tips')}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <p className="search-tips__intro">{t('search.tips.intro')}</p>
          <dl className="search-tips__list">
            {tips.map((tip) => (
              <div key={tip.example} className="search-tips__row">
                <dt>
                  <code>{tip.example}</code>
                </dt>
                <dd>{t(tip.label)}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="button button--ghost" onClick={() => (setOpen(false), button.current?.focus())}>
            {t('search.tips.close')}
          </button>
        </div>
      )}
    </div>
  );
}
