/** The three panes: folder tree | message list | reader, under the top bar. */
import { Splitter } from '../../components/Splitter';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { paneLimits } from '../../store/viewSlice';
import { TopBar } from '../shell/TopBar';
import { FolderTree } from './FolderTree';
import { MessageList } from './MessageList';
import { Reader } from './Reader';
import { useDefaultFolder } from './useDefaultFolder';
import { useWindowTitle } from './useWindowTitle';

export function MailView() {
  const { t } = useI18n();
  const paneSizes = useStore((state) => state.paneSizes);
  const setPaneSize = useStore((state) => state.setPaneSize);
  useDefaultFolder();
  useWindowTitle();
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
          <Reader />
        </main>
      </div>
    </div>
  );
}
