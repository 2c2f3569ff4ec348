/**
 * The three panes: folder tree | message list | reader, under the top bar. The composer takes
 * the reader's place while it is open (issue #4), so the list stays at hand for looking things up.
 */
import { useEffect } from 'react';
import { Splitter } from '../../components/Splitter';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { paneLimits } from '../../store/viewSlice';
import { Composer } from '../compose/Composer';
import { composeNew } from '../compose/openComposer';
import { UnsentDrafts } from '../compose/UnsentDrafts';
import { TopBar } from '../shell/TopBar';
import { FolderTree } from './FolderTree';
import { MessageList } from './MessageList';
import { Reader } from './Reader';
import { useDefaultFolder } from './useDefaultFolder';
import { useSyncFocus } from './useSyncFocus';
import { useWindowTitle } from './useWindowTitle';

export function MailView() {
  const { t } = useI18n();
  const paneSizes = useStore((state) => state.paneSizes);
  const setPaneSize = useStore((state) => state.setPaneSize);
  const composer = useStore((state) => state.composer);
  const closeComposer = useStore((state) => state.closeComposer);
  useDefaultFolder();
  useSyncFocus();
  useWindowTitle();
  useNewMessageKey(composer === null);
  return (
    <div className="mail-view">
      <a
        className="skip-link"
        href="#message-list"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('message-list')?.focus();
        }}
      >
        {t('app.skipToMessages')}
      </a>
      <TopBar />
      <div
        className="mail-view__panes"
        style={{ gridTemplateColumns: `${paneSizes.folders}px auto ${paneSizes.list}px auto minmax(0, 1fr)` }}
      >
        <nav className="pane pane--folders" aria-label={t('folders.label')}>
          <FolderTree />
        </nav>
        <Splitter
          label={t('app.resizeFolders')}
          value={paneSizes.folders}
          {...paneLimits.folders}
          onChange={(px) => setPaneSize('folders', px)}
        />
        <section className="pane pane--list" aria-label={t('messages.label')}>
          <MessageList />
        </section>
        <Splitter
          label={t('app.resizeList')}
          value={paneSizes.list}
          {...paneLimits.list}
          onChange={(px) => setPaneSize('list', px)}
        />
        <main className="pane pane--reader" aria-label={t('reader.label')}>
          {composer ? (
            <Composer key={composer.openedAt} session={composer} onClosed={closeComposer} />
          ) : (
            <>
              <UnsentDrafts />
              <Reader />
            </>
          )}
        </main>
      </div>
    </div>
  );
}

/** Whether a key press is typing (in a field or an editable area), where shortcuts must not fire. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `n` starts a new message (as in most mail clients), unless the person is typing or a dialog is open. */
function useNewMessageKey(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      void composeNew();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
