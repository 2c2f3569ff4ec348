/**
 * One user action → the tasks main runs (issue #12 §1, /work/tasks-api.md §2): every message
 * task names one folder, so a selection in a unified view becomes one task per folder, and a
 * folder's share is cut into tasks of at most 100,000 UIDs (the contract's limit, api.ts).
 */
import type { Task } from '../../shared/api';
import type { MessageKey } from '../db/rows';

export type MailAction =
  | { kind: 'setFlags'; keys: MessageKey[]; add: string[]; remove: string[] }
  | { kind: 'move' | 'copy'; keys: MessageKey[]; to: { accountId: string; folderPath: string } }
  | { kind: 'archive' | 'junk' | 'notJunk' | 'restore'; keys: MessageKey[] }
  | { kind: 'delete'; keys: MessageKey[]; permanent?: boolean }
  | { kind: 'markFolderRead' | 'emptyFolder' | 'deleteFolder'; accountId: string; folderPath: string }
  | { kind: 'createFolder'; accountId: string; parentPath: string | null; name: string }
  | { kind: 'renameFolder'; accountId: string; folderPath: string; name: string };

export type MessageAction = Extract<MailAction, { keys: MessageKey[] }>;

export const maxUidsPerTask = 100_000;

export function isMessageAction(action: MailAction): action is MessageAction {
  return 'keys' in action;
}

/** The keys grouped by folder (first appearance first), UIDs unique and ascending. */
export function byFolder(keys: readonly MessageKey[]): { accountId: string; folderPath: string; uids: number[] }[] {
  const groups = new Map<string, { accountId: string; folderPath: string; uids: Set<number> }>();
  for (const [accountId, folderPath, uid] of keys) {
    const id = `${accountId}\u0000${folderPath}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { accountId, folderPath, uids: new Set() }));
    group.uids.add(uid);
  }
  return [...groups.values()].map((group) => ({ ...group, uids: [...group.uids].sort((a, b) => a - b) }));
}

function chunks(uids: number[], size: number): number[][] {
  const parts: number[][] = [];
  for (let at = 0; at < uids.length; at += size) parts.push(uids.slice(at, at + size));
  return parts;
}

/** The tasks that carry out `action`, in the order they are queued. */
export function tasksOf(action: MailAction, perTask = maxUidsPerTask): Task[] {
  if (!isMessageAction(action)) {
    switch (action.kind) {
      case 'createFolder':
        return [{ type: 'createFolder', accountId: action.accountId, parentPath: action.parentPath, name: action.name }];
      case 'renameFolder':
        return [{ type: 'renameFolder', accountId: action.accountId, folderPath: action.folderPath, name: action.name }];
      default:
        return [{ type: action.kind, accountId: action.accountId, folderPath: action.folderPath }];
    }
  }
  // A move into the folder the messages are already in is no move (the server would only give
  // them new UIDs, RFC 6851 §3.3).
  const groups = byFolder(action.keys).filter(
    (group) => action.kind !== 'move' || group.accountId !== action.to.accountId || group.folderPath !== action.to.folderPath,
  );
  return groups.flatMap(({ accountId, folderPath, uids }) =>
    chunks(uids, perTask).map((part): Task => {
      const base = { accountId, folderPath, uids: part };
      switch (action.kind) {
        case 'setFlags':
          return { type: 'setFlags', ...base, add: action.add, remove: action.remove };
        case 'move':
        case 'copy':
          return { type: action.kind, ...base, to: action.to };
        case 'delete':
          return action.permanent ? { type: 'delete', ...base, permanent: true } : { type: 'delete', ...base };
        default:
          return { type: action.kind, ...base };
      }
    }),
  );
}

/** How many messages an action's tasks name (the number its label says). */
export function messageCount(action: MailAction): number {
  return isMessageAction(action) ? tasksOf(action).reduce((sum, task) => sum + ('uids' in task ? task.uids.length : 0), 0) : 0;
}
