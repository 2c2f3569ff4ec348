/**
 * An in-memory server and the ImapSession a connection to it gives, for testing the sync life
 * cycle (connect, pass, watch, reconnect) without a network.
 */
import type { FolderStatus, ImapCaps, ImapSession, ListedFolder, OpenFolder, SharedNamespaces, StorageQuota } from '../../../../../src/main/services/imap/types';
import { FakeFolder, type FakeMessage, snapshot } from './fakeFolder';

export interface FakeMailbox {
  uidValidity: number;
  uidNext: number;
  modseq: number;
  messages: FakeMessage[];
}

export class FakeServer {
  readonly boxes = new Map<string, FakeMailbox>();
  readonly sessions: FakeSession[] = [];
  caps: ImapCaps = { imap4rev1: true, imap4rev2: false, idle: true, condstore: true, qresync: false, uidplus: true, all: [] };
  /** NAMESPACE's other-users roots (RFC 2342 §5), e.g. `shared/` for Dovecot's shared mailboxes. */
  otherUsers: SharedNamespaces['otherUsers'] = [];

  addBox(path: string, count: number): FakeMailbox {
    const messages = Array.from({ length: count }, (_, i) => ({ uid: i + 1, flags: [], modseq: String(i + 1) }));
    const box = { uidValidity: 1, uidNext: count + 1, modseq: Math.max(count, 1), messages };
    this.boxes.set(path, box);
    return box;
  }

  deliver(path: string): void {
    const box = this.boxes.get(path)!;
    box.modseq += 1;
    box.messages.push({ uid: box.uidNext, flags: [], modseq: String(box.modseq) });
    box.uidNext += 1;
    for (const s of this.sessions) s.notify(path);
  }

  connect(): FakeSession {
    const session = new FakeSession(this);
    this.sessions.push(session);
    return session;
  }
}

export class FakeSession implements ImapSession {
  get sharedPrefixes(): string[] {
    return this.server.otherUsers.map((n) => n.prefix);
  }
  usable = true;
  readonly selected: string[] = [];
  readonly watched: string[] = [];
  private readonly changeListeners = new Set<(path: string) => void>();
  private readonly closeListeners = new Set<() => void>();

  constructor(private readonly server: FakeServer) {}

  get caps(): ImapCaps {
    return this.server.caps;
  }

  async listFolders(): Promise<ListedFolder[]> {
    this.assertUsable();
    return [...this.server.boxes.keys()].map((path) => ({ path, name: path, delimiter: '/', parentPath: null, flags: [], subscribed: true }));
  }

  async listWithStatus(): Promise<{ folders: ListedFolder[]; status: Map<string, FolderStatus> }> {
    const folders = await this.listFolders();
    const status = new Map(
      [...this.server.boxes].map(([path, b]) => [
        path,
        { path, uidValidity: b.uidValidity, uidNext: b.uidNext, highestModseq: String(b.modseq), messages: b.messages.length },
      ]),
    );
    return { folders, status };
  }

  async inFolder<T>(path: string, fn: (folder: OpenFolder) => Promise<T>): Promise<T> {
    this.assertUsable();
    const box = this.server.boxes.get(path);
    if (!box) throw Object.assign(new Error(`NO Mailbox doesn't exist: ${path}`), { responseStatus: 'NO' });
    this.selected.push(path);
    const snap = snapshot({ path, uidValidity: box.uidValidity, uidNext: box.uidNext, highestModseq: String(box.modseq), exists: box.messages.length });
    return fn(new FakeFolder(snap, box.messages.map((m) => ({ ...m }))));
  }

  async namespaces(): Promise<SharedNamespaces> {
    return { otherUsers: this.server.otherUsers, shared: [] };
  }

  async myRights(): Promise<string | null> {
    return null;
  }

  async storageQuota(): Promise<StorageQuota | null> {
    return null;
  }

  async comment(): Promise<string | null> {
    return null;
  }

  async createFolder(): Promise<void> {
    throw new Error('not used');
  }

  async renameFolder(): Promise<void> {
    throw new Error('not used');
  }

  async deleteFolder(): Promise<void> {
    throw new Error('not used');
  }

  async watch(path: string): Promise<void> {
    this.assertUsable();
    this.watched.push(path);
  }

  onChange(listener: (path: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.drop();
  }

  /** The network went away. */
  drop(): void {
    if (!this.usable) return;
    this.usable = false;
    for (const l of this.closeListeners) l();
  }

  notify(path: string): void {
    if (this.usable) for (const l of this.changeListeners) l(path);
  }

  private assertUsable(): void {
    if (!this.usable) throw Object.assign(new Error('Connection not available'), { code: 'NoConnection' });
  }
}
