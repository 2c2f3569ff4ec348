/**
 * The scope switch's three choices (issue #13 §1: "the current folder, the current mailbox, or
 * everything … default everything") turned into the store's SearchScope from what the list
 * shows: a folder gives both narrower choices, a unified view or the Outbox only Everywhere.
 * Pure, so the mapping is tested without a window.
 */
import type { SearchScope } from '../../../shared/search/queryModel';

export type ScopeChoice = 'folder' | 'mailbox' | 'all';
export const scopeChoices: readonly ScopeChoice[] = ['folder', 'mailbox', 'all'];

/** What the list shows now: the selected folder and the mailbox it belongs to (folder row's mailboxId). */
export interface ScopeContext {
  accountId: string | null;
  folderPath: string | null;
  /** The selected folder's mailbox id (FolderRow.mailboxId), when known. */
  mailboxId: string | null;
}

/** The scope a choice means here, or null when it cannot be had (no folder open). */
export function scopeFor(choice: ScopeChoice, context: ScopeContext): SearchScope | null {
  switch (choice) {
    case 'all':
      return { kind: 'all' };
    case 'folder':
      return context.accountId && context.folderPath ? { kind: 'folder', accountId: context.accountId, folderPath: context.folderPath } : null;
    case 'mailbox':
      return context.mailboxId ? { kind: 'mailbox', mailboxId: context.mailboxId } : null;
  }
}

/** The scope to search with: the choice where it can be had, else everything. */
export function effectiveScope(choice: ScopeChoice, context: ScopeContext): SearchScope {
  return scopeFor(choice, context) ?? { kind: 'all' };
}

/** The choice a scope came from (a saved search opened from the tree carries its own scope). */
export function choiceOf(scope: SearchScope): ScopeChoice {
  return scope.kind;
}

export function sameScope(a: SearchScope, b: SearchScope): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'mailbox' && b.kind === 'mailbox') return a.mailboxId === b.mailboxId;
  if (a.kind === 'folder' && b.kind === 'folder') return a.accountId === b.accountId && a.folderPath === b.folderPath;
  return true;
}
