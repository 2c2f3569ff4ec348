/**
 * The server's share of one search (issue #13 §4): started once the local results are on screen
 * (typing on never waits for it, and a search replaced within a keystroke asks the server
 * nothing), its `search.results` events gathered per folder, cancelled when the search goes
 * away. Keeps the status line's figures: folders still to search per mailbox, failures.
 */
import type { ServerSearchEvent, ServerSearchFolder } from '../../../shared/search/serverSearch';
import type { SearchQuery } from '../../../shared/search/queryModel';
import { folderRefKey } from '../engine/engineTypes';
import type { SearchStatus } from './searchStatus';

/** How the results reach main and hear back (api.call / api.on in the app, a fake in tests). */
export interface ServerChannel {
  start(input: { searchId: string; query: SearchQuery; folders: ServerSearchFolder[] }): Promise<{ ok: true } | { ok: false; code: string }>;
  cancel(searchId: string): void;
  subscribe(listener: (event: ServerSearchEvent) => void): () => void;
}

/** One folder's answer: every hit's UID under the folder's UIDVALIDITY. */
export interface FolderAnswer {
  accountId: string;
  folderPath: string;
  uidValidity: number;
  uids: number[];
}

export type FolderEvent = Extract<ServerSearchEvent, { kind: 'folder' }>;

let searches = 0;

export class ServerShare {
  readonly searchId = `search-${Date.now().toString(36)}-${(++searches).toString(36)}`;
  readonly answers = new Map<string, FolderAnswer>();
  private readonly pending = new Set<string>();
  private readonly byKey: Map<string, ServerSearchFolder>;
  private readonly failed: { label: string; code: string }[] = [];
  done = false;
  private queue: Promise<void> = Promise.resolve();
  private stop: (() => void) | undefined;

  constructor(
    private readonly channel: ServerChannel,
    private readonly folders: readonly ServerSearchFolder[],
    /** The mailbox address a folder belongs to (the status line's label). */
    private readonly labelOf: (accountId: string, folderPath: string) => string,
    /** Told of each folder's answer (after `answers` holds it) and of every status change. */
    private readonly onFolder: (event: FolderEvent) => Promise<void>,
    private readonly onStatus: () => void,
  ) {
    this.byKey = new Map(folders.map((folder) => [folderRefKey(folder.accountId, folder.folderPath), folder]));
    for (const key of this.byKey.keys()) this.pending.add(key);
  }

  start(query: SearchQuery): void {
    this.stop = this.channel.subscribe((event) => {
      // In order: `done` is told once every folder's hits before it are merged.
      if (event.searchId === this.searchId) this.queue = this.queue.then(() => this.handle(event)).catch(() => {});
    });
    void this.channel.start({ searchId: this.searchId, query, folders: [...this.folders] }).then(
      (result) => {
        if (!result.ok) this.failAll(result.code);
      },
      () => this.failAll('internal'),
    );
  }

  /** An event of this search (the app's subscription calls it; tests call it directly). */
  async handle(event: ServerSearchEvent): Promise<void> {
    if (this.done) return;
    if (event.kind === 'done') {
      this.finish();
      return;
    }
    const key = folderRefKey(event.accountId, event.folderPath);
    if (!this.pending.delete(key)) return;
    if (event.kind === 'folderFailed') {
      this.failed.push({ label: this.labelOf(event.accountId, event.folderPath), code: event.code });
    } else {
      this.answers.set(key, { accountId: event.accountId, folderPath: event.folderPath, uidValidity: event.uidValidity, uids: event.uids });
      await this.onFolder(event);
    }
    this.onStatus();
  }

  private failAll(code: string): void {
    if (this.done) return;
    for (const key of this.pending) {
      const folder = this.byKey.get(key);
      if (folder) this.failed.push({ label: this.labelOf(folder.accountId, folder.folderPath), code });
    }
    this.pending.clear();
    this.finish();
  }

  private finish(): void {
    this.done = true;
    this.stop?.();
    this.stop = undefined;
    this.onStatus();
  }

  /** The search went away (text or scope changed, list closed): main stops searching. */
  cancel(): void {
    if (this.done) return;
    this.done = true;
    this.stop?.();
    this.channel.cancel(this.searchId);
  }

  status(extra: number): NonNullable<SearchStatus['server']> {
    const perMailbox = new Map<string, number>();
    for (const key of this.pending) {
      const folder = this.byKey.get(key);
      if (!folder) continue;
      const label = this.labelOf(folder.accountId, folder.folderPath);
      perMailbox.set(label, (perMailbox.get(label) ?? 0) + 1);
    }
    return {
      pending: [...perMailbox].map(([label, folders]) => ({ label, folders })),
      extra,
      failed: [...this.failed],
      done: this.done,
    };
  }
}
