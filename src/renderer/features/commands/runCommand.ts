/**
 * What each command does (issue #12 §5). Keys, the row menu, the reader toolbar and the bulk
 * panel all end here, so a command means the same wherever it is given. Message actions go
 * through the task queue (helper B's runAction: optimistic, one notice, Undo); Delete through
 * helper F's deleteMessages (it asks when a removal is for good); Move/Copy open helper E's
 * folder picker. Only what the folders' rights allow is done (availability.ts); a key pressed
 * where it is not allowed says so instead of doing nothing silently.
 */
import { db } from '../../db/db';
import { getMessage } from '../../db/pages/messageRows';
import { flaggedFlag, seenFlag, type MessageKey } from '../../db/rows';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { runAction, undoLast } from '../../tasks/mailActions';
import { composeNew } from '../compose/composeLater';
import { openFolderPicker } from '../mail/folderPicker/openFolderPicker';
import { deleteMessages } from '../mail/deletions/deleteMessages';
import { activeList } from '../mail/selection/listController';
import type { Offer } from './availability';
import { followRemoval } from './followRemoval';
import { setShortcutsOpen } from './overlayState';
import type { CommandId } from './registry';
import { offerOf, singleTarget, targetKeys, widened } from './targets';

export interface CommandOptions {
  /** The messages to act on (a menu's row or selection, the toolbar's message); default: the selection. */
  keys?: MessageKey[];
  /** toggleFlag: set (true) or clear (false) the flag; default: from the first message. */
  flag?: boolean;
}

type MessageCommand = Extract<CommandId, 'markRead' | 'markUnread' | 'toggleFlag' | 'move' | 'copy' | 'archive' | 'junk' | 'notJunk' | 'delete' | 'deletePermanently'>;

/** Which part of the offer each message command needs. */
const needs: Record<MessageCommand, keyof Offer> = {
  markRead: 'seen',
  markUnread: 'seen',
  toggleFlag: 'flag',
  move: 'move',
  copy: 'copy',
  archive: 'archive',
  junk: 'junk',
  notJunk: 'notJunk',
  delete: 'delete',
  deletePermanently: 'delete',
};

const isMessageCommand = (id: CommandId): id is MessageCommand => id in needs;

function notAllowed(): void {
  const { t } = currentI18n();
  useStore.getState().pushToast('info', t('commands.notAllowed'));
}

async function answer(intent: 'reply' | 'replyAll' | 'forward', keys: MessageKey[] | undefined): Promise<void> {
  const key = keys?.[0] ?? singleTarget();
  if (!key) return;
  const { composeAnswer } = await import('../compose/openComposer');
  await composeAnswer(intent, key);
}

/** Insert / `s`: the first message's flag decides, as Outlook's Insert does on a selection. */
async function toggleFlag(keys: MessageKey[], flag: boolean | undefined): Promise<void> {
  const flagged = flag === undefined ? (await getMessage(db, keys[0]!))?.flagged === 1 : !flag;
  await runAction({ kind: 'setFlags', keys, add: flagged ? [] : [flaggedFlag], remove: flagged ? [flaggedFlag] : [] });
}

async function deleteKeys(keys: MessageKey[], permanent: boolean): Promise<void> {
  await deleteMessages(keys, { permanent });
}

async function messageCommand(id: MessageCommand, options: CommandOptions): Promise<void> {
  const picked = options.keys ?? (await targetKeys());
  if (picked.length === 0) return;
  if (!(await offerOf(picked))[needs[id]]) return notAllowed();
  const keys = await widened(picked);
  switch (id) {
    case 'markRead':
      return void (await runAction({ kind: 'setFlags', keys, add: [seenFlag], remove: [] }));
    case 'markUnread':
      return void (await runAction({ kind: 'setFlags', keys, add: [], remove: [seenFlag] }));
    case 'toggleFlag':
      return toggleFlag(keys, options.flag);
    case 'move':
    case 'copy':
      if (id === 'move') void followRemoval(keys);
      return openFolderPicker({ mode: id, keys });
    case 'archive':
    case 'junk':
    case 'notJunk': {
      const done = await followRemoval(keys);
      await runAction({ kind: id, keys });
      return await done();
    }
    case 'delete':
    case 'deletePermanently': {
      const done = await followRemoval(keys);
      await deleteKeys(keys, id === 'deletePermanently');
      return await done();
    }
  }
}

export async function runCommand(id: CommandId, options: CommandOptions = {}): Promise<void> {
  if (isMessageCommand(id)) return messageCommand(id, options);
  const list = activeList();
  const store = useStore.getState();
  switch (id) {
    case 'reply':
    case 'replyAll':
    case 'forward':
      return answer(id, options.keys);
    case 'undo':
      return void (await undoLast());
    case 'newMessage':
      return composeNew();
    case 'next':
      return list?.openBy(1);
    case 'previous':
      return list?.openBy(-1);
    case 'backToList':
      return list?.focus();
    case 'selectAll':
      return list?.selectAll();
    case 'toggleSelect':
      return list?.toggleActive();
    case 'clearSelection':
      return store.clearMessageSelection();
    case 'contextMenu':
      return list?.openMenu();
    case 'shortcuts':
      return setShortcutsOpen(true);
    case 'search':
      return store.focusSearch();
  }
}
