/**
 * The open message's actions. Answering (reply, reply all, forward, issue #4) is always
 * offered: it changes nothing in the folder. The rest follows the folder's rights (RFC 4314
 * §2.1, commands/availability.ts — the same rules as the keys and the row menu, issue #12 §5):
 * read/unread only with `s`, flag only with `w`, Delete with `t` and `e`, Archive / Move to… /
 * Junk also need `r`; Not junk replaces Junk in a Junk folder. Every button runs the command
 * of the same name, so keys, menus and buttons do one thing, and carries the active scheme's key
 * in aria-keyshortcuts. Less used actions sit in "More" so the toolbar does not wrap.
 */
import type { FolderCapabilities } from '../../../shared/rights';
import { useFolder } from '../../db/queries/mailboxes';
import type { MessageKey, MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { offerIn } from '../commands/availability';
import { ariaKeys } from '../commands/keys';
import { MoreMenu } from '../commands/MoreMenu';
import { keysOf, type CommandId, type LabelKey } from '../commands/registry';
import { runCommand, type CommandOptions } from '../commands/runCommand';
import { composeAnswer, editDraft } from '../compose/openComposer';
import type { useFlagActions } from './useFlagActions';
import { DeletionNote } from './deletions/DeletionNote';
import { RestoreButton } from './deletions/RestoreButton';

interface ReaderToolbarProps {
  message: MessageRow;
  /** Kept for the reader; the toolbar's buttons run the commands (runCommand). */
  actions: ReturnType<typeof useFlagActions>;
  capabilities: FolderCapabilities;
  /** The message is in a Drafts folder: it can be opened for editing. */
  isDraft: boolean;
  onDelete(): Promise<boolean>;
}

const icons = {
  flag: 'M5 21V4h9l.4 2H20v10h-7l-.4-2H7v7H5Z',
  delete: 'M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Zm4 2v8h1.5v-8H10Zm2.5 0v8H14v-8h-1.5Z',
  archive: 'M3 4h18v4H3V4Zm1 5h16v11H4V9Zm5 3v2h6v-2H9Z',
};

export function ReaderToolbar({ message, capabilities, isDraft }: ReaderToolbarProps) {
  const { t } = useI18n();
  const scheme = useStore((state) => state.shortcutScheme);
  const folder = useFolder(message.accountId, message.folderPath);
  const key: MessageKey = [message.accountId, message.folderPath, message.uid];
  const unread = message.unread === 1;
  const flagged = message.flagged === 1;
  // The rights come with the reader's folder; the role (Junk, Archive) once this read is in.
  const offer = offerIn(capabilities, folder === undefined ? undefined : (folder?.role ?? null));
  const readOnly = !capabilities.canSetSeen && !capabilities.canSetFlags && !capabilities.canDelete;
  const shortcut = (id: CommandId) => {
    const binding = keysOf(id, scheme)[0];
    return binding ? ariaKeys(binding) : undefined;
  };
  const button = (id: CommandId, label: LabelKey, options: Omit<CommandOptions, 'keys'> = {}, icon?: keyof typeof icons, primary = false) => (
    <button
      type="button"
      className={`button${primary ? ' button--primary' : ''}`}
      aria-keyshortcuts={shortcut(id)}
      onClick={() => void runCommand(id, { ...options, keys: [key] })}
    >
      {icon && (
        <svg className={`icon icon--small${icon === 'flag' && flagged ? ' icon--flag' : ''}`} viewBox="0 0 24 24" aria-hidden="true">
          <path d={icons[icon]} />
        </svg>
      )}
      {id === 'markRead' || id === 'markUnread' ? <span className={`reader__dot${unread ? '' : ' is-read'}`} aria-hidden="true" /> : null}
      {t(label)}
    </button>
  );
  const more = [
    { label: t('reader.forwardAsAttachment'), run: () => void composeAnswer('forwardAsAttachment', key) },
    ...(offer.copy ? [{ label: t('commands.copy'), keyshortcuts: shortcut('copy'), run: () => void runCommand('copy', { keys: [key] }) }] : []),
  ];
  return (
    <>
      <div className="reader__toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
        {isDraft && (
          <button type="button" className="button button--primary" onClick={() => void editDraft(key)}>
            {t('reader.editDraft')}
          </button>
        )}
        {button('reply', 'commands.reply')}
        {button('replyAll', 'commands.replyAll')}
        {button('forward', 'commands.forward')}
        {offer.archive && button('archive', 'commands.archive', {}, 'archive')}
        {offer.move && button('move', 'commands.move')}
        {offer.junk && button('junk', 'commands.junk')}
        {offer.notJunk && button('notJunk', 'commands.notJunk')}
        {offer.seen && (unread ? button('markRead', 'commands.markRead') : button('markUnread', 'commands.markUnread'))}
        {offer.flag && button('toggleFlag', flagged ? 'commands.unflag' : 'commands.flag', { flag: !flagged }, 'flag')}
        <RestoreButton message={message} />
        {offer.delete && button('delete', 'commands.delete', {}, 'delete')}
        <MoreMenu label={t('commands.more')} items={more} />
      </div>
      {readOnly && <p className="reader__readonly">{t('reader.readOnly')}</p>}
      <DeletionNote accountId={message.accountId} folderPath={message.folderPath} uid={message.uid} className="reader__deletion" />
    </>
  );
}
