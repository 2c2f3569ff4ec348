/**
 * The three panes: folder tree | message list | reader, under the top bar. The composer takes
 * the reader's place while it is open (issue #4), so the list stays at hand for looking things up.
 */
import { lazy, Suspense, useEffect } from 'react';
import { Splitter } from '../../components/Splitter';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { paneLimits } from '../../store/viewSlice';
import { ShortcutsOverlay } from '../commands/ShortcutsOverlay';
import { useCommandKeys } from '../commands/useCommandKeys';
import { UnsentDrafts } from '../compose/UnsentDrafts';
import { TopBar } from '../shell/TopBar';
import { FolderTree } from './FolderTree';
import { FolderPicker } from './folderPicker/FolderPicker';
import { DeletionDialogHost } from './deletions/DeletionDialogHost';
import { MessageList } from './MessageList';
import { ReaderOrSelection } from './selection/ReaderOrSelection';
import { useDefaultFolder } from './useDefaultFolder';
import { useSyncFocus } from './useSyncFocus';
import { useWindowTitle } from './useWindowTitle';

// Issue #11 §4: the reader (the sanitizer with DOMPurify, links, invitations, answers) and the
// composer are chunks of their own, so the first download is what the folder tree and the list
// need. The reader's chunk is fetched once the first screen is up (useReaderSoon), before a click.
const loadReader = () => import('./Reader');
const Reader = lazy(() => loadReader().then((m) => ({ default: m.Reader })));
const Composer = lazy(() => import('../compose/Composer').then((m) => ({ default: m.Composer })));

/** Fetches the reader's chunk at the browser's first idle moment after the mail view shows. */
function useReaderSoon(): void {
  useEffect(() => {
    const load = () => void loadReader().catch(() => undefined);
    if (typeof window.requestIdleCallback !== 'function') return void window.setTimeout(load, 500);
    const handle = window.requestIdleCallback(load, { timeout: 2_000 });
    return () => window.cancelIdleCallback(handle);
  }, []);
}

export function MailView() {
  const { t } = useI18n();
  const paneSizes = useStore((state) => state.paneSizes);
  const setPaneSize = useStore((state) => state.setPaneSize);
  const composer = useStore((state) => state.composer);
  const closeComposer = useStore((state) => state.closeComposer);
  useDefaultFolder();
  useSyncFocus();
  useWindowTitle();
  useCommandKeys();
  useReaderSoon();
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
      <FolderPicker />
      <DeletionDialogHost />
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
          {/* Boundaries of their own: the list never waits for the reader's or the composer's chunk. */}
          {composer ? (
            <Suspense fallback={null}>
              <Composer key={composer.openedAt} session={composer} onClosed={closeComposer} />
            </Suspense>
          ) : (
            <>
              <UnsentDrafts />
              {/* Issue #12 §3: several messages chosen — their actions instead of one message. */}
              <ReaderOrSelection>
                <Suspense fallback={null}>
                  <Reader />
                </Suspense>
              </ReaderOrSelection>
            </>
          )}
        </main>
      </div>
      <ShortcutsOverlay />
    </div>
  );
}
