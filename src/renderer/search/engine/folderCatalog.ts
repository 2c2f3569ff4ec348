/**
 * The folders the index holds, by a small integer id (docs store the id, not the strings: a
 * million rows × account and path would double the index). Mirrored in memory; reloaded after
 * a rollback, which may have undone ids handed out in the transaction.
 */
import { folderRefKey, type FolderRef, type FolderState } from './engineTypes';
import type { Statements } from './statements';

export class FolderCatalog {
  private readonly idByKey = new Map<string, number>();
  private readonly refById = new Map<number, FolderRef>();

  constructor(private readonly sql: Statements) {
    this.reload();
  }

  reload(): void {
    this.idByKey.clear();
    this.refById.clear();
    for (const [id, accountId, path] of this.sql.rows('SELECT id, accountId, path FROM folders', [])) {
      this.remember(id as number, { accountId: accountId as string, folderPath: path as string });
    }
  }

  private remember(id: number, ref: FolderRef): void {
    this.idByKey.set(folderRefKey(ref.accountId, ref.folderPath), id);
    this.refById.set(id, ref);
  }

  idOf(ref: FolderRef): number | undefined {
    return this.idByKey.get(folderRefKey(ref.accountId, ref.folderPath));
  }

  /** The ids of the folders the index holds among `refs` (others can match nothing). */
  idsOf(refs: readonly FolderRef[]): number[] {
    const ids = new Set<number>();
    for (const ref of refs) {
      const id = this.idOf(ref);
      if (id !== undefined) ids.add(id);
    }
    return [...ids];
  }

  refOf(id: number): FolderRef {
    const ref = this.refById.get(id);
    if (!ref) throw new Error(`search index: unknown folder id ${id}`);
    return ref;
  }

  /** The folder's id, creating its row (without a state yet) inside the caller's transaction. */
  ensure(ref: FolderRef): number {
    const known = this.idOf(ref);
    if (known !== undefined) return known;
    const id = this.sql.value('INSERT INTO folders (accountId, path) VALUES (?, ?) RETURNING id', [ref.accountId, ref.folderPath]) as number;
    this.remember(id, { accountId: ref.accountId, folderPath: ref.folderPath });
    return id;
  }

  forget(id: number): void {
    const ref = this.refById.get(id);
    if (!ref) return;
    this.refById.delete(id);
    this.idByKey.delete(folderRefKey(ref.accountId, ref.folderPath));
  }

  idsOfAccount(accountId: string): number[] {
    return [...this.refById].filter(([, ref]) => ref.accountId === accountId).map(([id]) => id);
  }

  /**
   * Every folder with the cache state it reflects. A folder whose documents were written without
   * a state yet reports epoch and rev -1: out of step with any cache, so the feeder re-indexes it.
   */
  states(): Map<string, FolderState> {
    const states = new Map<string, FolderState>();
    for (const [accountId, path, epoch, rev] of this.sql.rows('SELECT accountId, path, epoch, rev FROM folders', [])) {
      states.set(folderRefKey(accountId as string, path as string), { epoch: (epoch as number | null) ?? -1, rev: (rev as number | null) ?? -1 });
    }
    return states;
  }
}
