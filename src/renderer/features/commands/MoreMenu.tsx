/**
 * A "More" menu button for the reader toolbar's less used actions, so the toolbar stays on one
 * line (issue #12 §5). WAI-ARIA APG menu button: Enter/Space/Down opens and focuses the first
 * item, Up/Down/Home/End move, Escape closes and returns to the button, Tab or a click outside closes.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MoreItem {
  label: string;
  keyshortcuts?: string | undefined;
  run(): void;
}

export function MoreMenu({ label, items }: { label: string; items: readonly MoreItem[] }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);
  if (items.length === 0) return null;
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  function onMenuKey(event: KeyboardEvent) {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const to: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
    else if (to[event.key] !== undefined) {
      event.preventDefault();
      entries[(to[event.key]! + entries.length) % entries.length]?.focus();
    }
  }
  return (
    <div
      className="more-menu"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div ref={menuRef} id={menuId} className="row-menu more-menu__list" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="row-menu__item"
              aria-keyshortcuts={item.keyshortcuts}
              onClick={() => {
                close(true);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
