/**
 * A unified view (issue #3: All inboxes / sent / drafts) in memory (issue #11 §2): every cached
 * folder whose role maps to the view's role, found with a liveQuery on the folders table, merged
 * from the folders' own indexes (shared with their folder views) and kept current from their
 * deltas. A folder that joins or leaves (a role change, a new mailbox) triggers a new merge once
 * its index is built; until then the previous merge stays on screen.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { MessageRef } from '../pages/messageRows';
import { unifiedRoleOf, type FolderRow, type MessageKey, type UnifiedRole } from '../rows';
import type { PostvakDb } from '../schema';
import type { FolderIndex } from './FolderIndex';
import { OrderedEntries, orderDate } from './orderedEntries';
import { Notifier, sourceTag, type IndexChange, type IndexedMessage, type SourceIndex } from './sourceIndex';
import { applyMemberDelta, mergeUnified } from './unifiedEntries';

export interface FolderLease {
  index: FolderIndex;
  release(): void;
}

interface Member {
  accountId: string;
  folderPath: string;
  key: string;
  lease: FolderLease;
  stop: () => void;
}

const memberKey = (accountId: string, path: string) => `${accountId}\u0000${path}`;
/** Folder order for equal dates: (accountId, path) as IndexedDB compares strings, by code unit. */
const byKey = (a: FolderRow, b: FolderRow) =>
  a.accountId !== b.accountId ? (a.accountId < b.accountId ? -1 : 1) : a.path === b.path ? 0 : a.path < b.path ? -1 : 1;

export class UnifiedIndex extends Notifier implements SourceIndex {
  ready = false;
  private entries = new OrderedEntries(true);
  private members: Member[] = [];
  /** The members `entries` were merged from; an entry's tag is its folder's position here. */
  private mergedWith: Member[] = [];
  private membersKnown = false;
  private pending = true;
  private subscription: Subscription | undefined;
  private disposed = false;

  constructor(
    private readonly db: PostvakDb,
    readonly role: UnifiedRole,
    private readonly acquireFolder: (accountId: string, folderPath: string) => FolderLease,
  ) {
    super();
  }

  live(): this {
    this.subscription = liveQuery(() => this.readFolders()).subscribe({ next: (folders) => this.setMembers(folders), error: () => {} });
    return this;
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.unsubscribe();
    for (const member of this.members) this.drop(member);
    this.members = [];
  }

  get length(): number {
    return this.entries.length;
  }

  async whenCurrent(): Promise<void> {
    const folders = await this.readFolders();
    if (this.disposed) return;
    this.setMembers(folders);
    await Promise.all(this.members.map((member) => member.lease.index.whenCurrent()));
    this.remergeIfReady();
  }

  private async readFolders(): Promise<FolderRow[]> {
    const folders = await this.db.folders.toArray();
    return folders.filter((folder) => unifiedRoleOf(folder.role) === this.role).sort(byKey);
  }

  private setMembers(folders: readonly FolderRow[]): void {
    if (this.disposed) return;
    const keys = folders.map((folder) => memberKey(folder.accountId, folder.path));
    if (this.membersKnown && keys.length === this.members.length && keys.every((key, index) => this.members[index]?.key === key)) return;
    this.membersKnown = true;
    const current = new Map(this.members.map((member) => [member.key, member]));
    this.members = folders.map((folder, index) => current.get(keys[index] as string) ?? this.join(folder.accountId, folder.path));
    const kept = new Set(this.members);
    for (const member of current.values()) if (!kept.has(member)) this.drop(member);
    this.pending = true;
    this.remergeIfReady();
  }

  private join(accountId: string, folderPath: string): Member {
    const lease = this.acquireFolder(accountId, folderPath);
    const member: Member = { accountId, folderPath, key: memberKey(accountId, folderPath), lease, stop: () => {} };
    member.stop = lease.index.onChange((change) => this.onMemberChange(member, change));
    if (!lease.index.ready) void lease.index.whenCurrent().catch(() => {});
    return member;
  }

  private drop(member: Member): void {
    member.stop();
    member.lease.release();
  }

  private onMemberChange(member: Member, change: IndexChange): void {
    if (this.disposed) return;
    if (this.pending || change.kind === 'reset') {
      this.pending = true;
      this.remergeIfReady();
      return;
    }
    const rank = this.mergedWith.indexOf(member);
    if (rank < 0) return;
    applyMemberDelta(this.entries, rank, change);
    this.changed();
  }

  private remergeIfReady(): void {
    if (this.disposed || !this.pending || !this.membersKnown || !this.members.every((member) => member.lease.index.ready)) return;
    const started = performance.now();
    this.entries = mergeUnified(this.members.map((member, rank) => ({ rank, entries: member.lease.index.entries })));
    this.mergedWith = this.members;
    this.pending = false;
    this.ready = true;
    performance.mark('postvak:index.built', { detail: { source: sourceTag({ kind: 'unified', role: this.role }), count: this.length, ms: performance.now() - started } });
    this.changed();
  }

  refsAt(offset: number, limit: number): MessageRef[] {
    const { entries } = this;
    const refs: MessageRef[] = [];
    const end = Math.min(entries.length, offset + limit);
    for (let position = Math.max(0, offset); position < end; position++) {
      const member = this.mergedWith[entries.tags[position] as number] as Member;
      const uid = entries.uids[position] as number;
      // No page when the folder changed and this view has not caught up yet: the row reads as missing.
      const startUid = member.lease.index.startOf(entries.dates[position] as number, uid) ?? -1;
      refs.push({ accountId: member.accountId, folderPath: member.folderPath, startUid, uid });
    }
    return refs;
  }

  positionOf(message: IndexedMessage): number {
    const rank = this.mergedWith.findIndex((member) => member.accountId === message.accountId && member.folderPath === message.folderPath);
    if (rank < 0) return -1;
    const { entries } = this;
    const position = entries.find(orderDate(message.date), rank, message.uid);
    if (position >= 0) return position;
    for (let at = 0; at < entries.length; at++) if (entries.uids[at] === message.uid && entries.tags[at] === rank) return at;
    return -1;
  }

  keyAt(position: number): MessageKey | undefined {
    if (position < 0 || position >= this.entries.length) return undefined;
    const member = this.mergedWith[this.entries.tags[position] as number];
    return member ? [member.accountId, member.folderPath, this.entries.uids[position] as number] : undefined;
  }

  bitsAt(position: number): number | undefined {
    return position >= 0 && position < this.entries.length ? this.entries.bits[position] : undefined;
  }
}
