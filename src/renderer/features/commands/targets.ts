/**
 * Which messages a command acts on, and what their folders allow (issue #12 §3): the selection
 * (or the open message, or the list's active row), widened to whole conversations when the list
 * shows conversations (helper D's expandToConversations).
 */
import { db } from '../../db/db';
import type { MessageKey } from '../../db/rows';
import { useStore } from '../../store';
import { expandToConversations } from '../conversations/threadCollapse';
import { resolveSelection } from '../mail/selection/currentSelection';
import { activeList } from '../mail/selection/listController';
import { offerFor, type Offer, type TargetFolder } from './availability';

/** The chosen messages; with nothing chosen or open, the list's active row. */
export async function targetKeys(): Promise<MessageKey[]> {
  const keys = await resolveSelection();
  if (keys.length > 0) return keys;
  const active = activeList()?.activeKey();
  return active ? [active] : [];
}

/** One message for reply and forward: the open one, else the active row. */
export function singleTarget(): MessageKey | null {
  return useStore.getState().selectedMessage ?? activeList()?.activeKey() ?? null;
}

/** In a conversation view an action takes whole conversations (issue #12 §4). */
export async function widened(keys: MessageKey[]): Promise<MessageKey[]> {
  return activeList()?.source.view?.conversations ? expandToConversations(keys) : keys;
}

export async function foldersOf(keys: readonly MessageKey[]): Promise<TargetFolder[]> {
  const distinct = new Map<string, [string, string]>();
  for (const [accountId, folderPath] of keys) distinct.set(`${accountId}\u0000${folderPath}`, [accountId, folderPath]);
  const rows = await db.folders.bulkGet([...distinct.values()]);
  // A folder not (yet) in the cache offers nothing rather than something its rights may forbid.
  return rows.map((row) => (row ? { rights: row.rights, role: row.role } : { rights: '', role: null }));
}

export async function offerOf(keys: readonly MessageKey[]): Promise<Offer> {
  return offerFor(await foldersOf(keys));
}
