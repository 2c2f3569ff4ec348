/**
 * What an action is called in the person's language (issue #12 §1: "each with a label in the
 * user's language"): done ("Moved 12 messages to Archive"), running (a task over a second:
 * "Moving 10,000 messages…") and refused, with our words for the error and the server's own.
 */
import type { ApiError } from '../../shared/api';
import { flaggedFlag, seenFlag } from '../db/rows';
import { roleFolderWords } from '../features/mail/folderManagement/roleFolderWords';
import { describeError } from '../i18n/errors';
import type { MessageKey as TextKey, ParamValue, Translate } from '../i18n/types';
import { messageCount, type MailAction } from './actionTasks';

export type LabelKind =
  | 'read'
  | 'unread'
  | 'flag'
  | 'unflag'
  | 'flags'
  | 'move'
  | 'copy'
  | 'archive'
  | 'junk'
  | 'notJunk'
  | 'restore'
  | 'delete'
  | 'deletePermanent'
  | 'markFolderRead'
  | 'emptyFolder'
  | 'createFolder'
  | 'renameFolder'
  | 'deleteFolder';

export type LabelPhase = 'done' | 'running' | 'failed';

const same = (flags: readonly string[], flag: string) => flags.length === 1 && flags[0]?.toLowerCase() === flag.toLowerCase();

export function labelKind(action: MailAction): LabelKind {
  switch (action.kind) {
    case 'setFlags': {
      const { add, remove } = action;
      if (same(add, seenFlag) && remove.length === 0) return 'read';
      if (same(remove, seenFlag) && add.length === 0) return 'unread';
      if (same(add, flaggedFlag) && remove.length === 0) return 'flag';
      if (same(remove, flaggedFlag) && add.length === 0) return 'unflag';
      return 'flags';
    }
    case 'delete':
      return action.permanent ? 'deletePermanent' : 'delete';
    default:
      return action.kind;
  }
}

/** The folder an action's label names: where messages go, or the folder it works on. */
export function labelFolder(action: MailAction): { accountId: string; folderPath: string } | null {
  if ('to' in action) return action.to;
  if ('folderPath' in action) return { accountId: action.accountId, folderPath: action.folderPath };
  return null;
}

/** `{error}`: our words for the code, then — for a refusal — what the server said (RFC 9051 §7.1). */
export function errorWords(t: Translate, error: Pick<ApiError, 'code' | 'message' | 'details'>): string {
  // No Archive/Junk folder: which mailbox, and why none could be made (issue #12 §2).
  const ours = roleFolderWords(t, error) ?? describeError(t, error);
  const refused = error.code === 'serverRefused' || error.code === 'notPermitted';
  return refused && error.message.trim() ? t('task.serverSaid', { error: ours, words: error.message.trim() }) : ours;
}

/**
 * The label of `action` in `phase`. `folder` is the folder's name as the tree shows it
 * (folderNames.ts), looked up by the caller; `error` only for `failed`.
 */
export function actionLabel(
  t: Translate,
  phase: LabelPhase,
  action: MailAction,
  folder: string,
  error?: Pick<ApiError, 'code' | 'message'>,
): string {
  const params: Record<string, ParamValue> = {
    count: messageCount(action),
    folder,
    name: 'name' in action ? action.name : '',
    error: error ? errorWords(t, error) : '',
  };
  // Every label of a phase takes a subset of these placeholders (the i18n test checks them).
  const say = t as (key: TextKey, params: Record<string, ParamValue>) => string;
  return say(`task.${phase}.${labelKind(action)}`, params);
}
