/**
 * "Search tips": a small popover listing the operators in the person's language (issue #13 §2:
 * "so nobody must learn it"). A disclosure button, not a modal: Escape or the button closes it
 * and gives the focus back; clicking elsewhere closes it too.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';

/** What to type, and the words saying what it does. The operators are typed as written in every language. */
const tips: readonly { example: string; label: MessageKey & `search.tips.${string}` }[] = [
  { example: 'factuur mei', label: 'search.tips.words' },
  { example: '"tot volgende week"', label: 'search.tips.phrase' },
  { example: 'from:jan@example.com', label: 'search.tips.from' },
  { example: 'to:de vries', label: 'search.tips.to' },
  { example: 'cc:bob', label: 'search.tips.cc' },
  { example: 'subject:offerte', label: 'search.tips.subject' },
  { example: 'has:attachment', label: 'search.tips.hasAttachment' },
  { example: 'filename:offerte.pdf', label: 'search.tips.filename' },
  { example: 'is:unread', label: 'search.tips.is' },
  { example: 'in:inbox', label: 'search.tips.in' },
  { example: 'mailbox:info@', label: 'search.tips.mailbox' },
  { example: 'before:2026-12-01', label: 'search.tips.before' },
  { example: 'after:1-11-2026', label: 'search.tips.after' },
  { example: 'larger:2M', label: 'search.tips.larger' },
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
