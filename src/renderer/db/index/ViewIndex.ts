/**
 * A list seen through a view (issue #12 §6): filtered, sorted and/or one row per conversation,
 * over a folder's or unified view's index (the base). It keeps the SourceIndex contract the list
 * uses — count, rows by position, positionOf, change notifications — so the list, its neighbours
 * and range selections work on it unchanged.
 *
 * Every change of the base recomputes the view synchronously (viewOrder.ts), so view positions
 * always match the base's. What the heads do not hold (attachments, addressee, size, sender,
 * subject) is read from the pages in chunks in the background (messageFacts.ts), with `progress`
 * for a big folder; the view reports ready once the first read is done. Later arrivals are read
 * the same way, a few at a time.
 */
import { getMessagesIn } from '../pages/messageRows';
import type { MessageRef } from '../pages/messageRows';
import type { MessageKey, MessageRow } from '../rows';
import type { PostvakDb } from '../schema';
import { readFolderFacts } from './folderFacts';
import { FolderIndex } from './FolderIndex';
import { needsFacts, type ListView } from './listView';
import { addressedTo, factTextOf, MessageFacts } from './messageFacts';
import { Notifier, type IndexChange, type IndexedMessage, type SourceIndex } from './sourceIndex';
import { viewEnvironment, type Collapse } from './viewEnvironment';
import { computeView, type ComputedView, type ViewBase } from './viewOrder';

/** Messages read per page request: ~20–40 pages of ~100, one transaction. */
const defaultChunk = 2_000;
/** Below this many messages to read, no progress is shown (it is over before it could be read). */
const progressFrom = 5_000;

export interface ViewOptions {
  collapse?: Collapse;
  /** The addresses that make a message "to me" in a folder (ownAddresses.ts). */
  ownAddresses?: (accountId: string, folderPath: string) => Promise<ReadonlySet<string>>;
  /**
   * Told what changed in the base before it notifies (a folder index says; a unified one does
   * not): a rebuild (a folder's UIDVALIDITY may have changed), or a delta.
   */
  onBaseChange?: (listener: (change: IndexChange) => void) => () => void;
  /** Shared with the other views of the same list (factsRegistry.ts); else the view's own. */
  facts?: MessageFacts;
  /** Called once on dispose (the registry releases the base). */
  release?: () => void;
  chunk?: number;
}

const collators = new Map<string, Intl.Collator>();
/** Diacritics and case folded (sensitivity base), numbers in text by value ("Room 9" before "Room 10"). */
function collatorFor(language: string | undefined): Intl.Collator {
  const key = language ?? '';
  let collator = collators.get(key);
  if (!collator) collators.set(key, (collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })));
  return collator;
}

const emptyView: ComputedView = { order: new Int32Array(0), viewOf: new Int32Array(0), groupSizes: undefined, missing: new Int32Array(0) };

export class ViewIndex extends Notifier implements SourceIndex {
  ready = false;
  progress: { done: number; total: number } | undefined;
  readonly facts: MessageFacts | undefined;
  private computed = emptyView;
  private readonly stops: (() => void)[] = [];
  private disposed = false;
  private loading: Promise<void> | undefined;
  private readonly addresses = new Map<string, Promise<ReadonlySet<string>>>();
  /** The base's last change only changed flags (no arrivals, no removals). */
  private flagsOnly = false;
  /** The open message as the current computation kept it. */
  private pinnedKey: MessageKey | null = null;
  /** The base's version the current computation reflects. */
  private computedFor = -1;
  private readonly resolved = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly db: PostvakDb,
    readonly base: SourceIndex,
    readonly view: ListView,
    private readonly options: ViewOptions = {},
  ) {
    super();
    this.facts = needsFacts(view) ? (options.facts ?? new MessageFacts(factTextOf(view))) : undefined;
  }

  live(): this {
    this.stops.push(this.base.subscribe(() => this.baseChanged()));
    const { collapse, onBaseChange } = this.options;
    if (collapse) this.stops.push(collapse.subscribe(() => this.recompute()));
    if (onBaseChange) this.stops.push(onBaseChange((change) => this.noteBaseChange(change)));
    // A failed read (the database closing) is not the list's concern: the next change retries.
    void this.whenCurrent().catch(() => {});
    return this;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
    this.options.release?.();
  }

  get length(): number {
    return this.computed.order.length;
  }

  async whenCurrent(): Promise<void> {
    await this.base.whenCurrent();
    await this.options.collapse?.ready;
    if (this.disposed) return;
    // Asked again (a neighbour, a selection range) with nothing new: no recompute, no re-read of the list.
    if (this.computedFor !== this.base.version) this.recompute();
    await this.loadMissing();
    if (this.disposed || this.ready) return;
    this.ready = true;
    this.changed();
  }

  private noteBaseChange(change: IndexChange): void {
    this.flagsOnly = change.kind === 'delta' && change.removed.uids.length === 0 && change.inserted.uids.length === 0;
    if (change.kind === 'reset') this.forgetBase();
  }

  private baseChanged(): void {
    if (!this.base.ready) return;
    const flagsOnly = this.flagsOnly;
    this.flagsOnly = false;
    // Flags changed in place and the view does not filter on flags: every row stays where it is
    // (a sort by sender over 1,000,000 messages is not redone for a message read).
    if (flagsOnly && this.ready && !this.filtersOnFlags()) {
      this.changed();
      return;
    }
    this.recompute();
    // Not ready yet (a first read that failed, the database closing): this change tries again.
    if (!this.ready) void this.whenCurrent().catch(() => {});
    else if (this.computed.missing.length > 0) void this.loadMissing().catch(() => {});
  }

  /** The base was rebuilt: its UIDs may name other messages now (UIDVALIDITY), so read them again. */
  private forgetBase(): void {
    this.facts?.forgetAll();
  }

  private recompute(): void {
    if (this.disposed || !this.base.ready) return;
    this.computedFor = this.base.version;
    const environment = viewEnvironment();
    this.pinnedKey = this.filtersOnFlags() ? environment.pinned() : null;
    this.computed = computeView(this.viewBase(), this.view, this.facts, collatorFor(environment.language()), this.options.collapse, this.pinnedPosition());
    this.changed();
  }

  private filtersOnFlags(): boolean {
    return this.view.filters.some((filter) => filter === 'unread' || filter === 'flagged');
  }

  private pinnedPosition(): number {
    const key = this.pinnedKey;
    return key ? this.base.positionOf({ accountId: key[0], folderPath: key[1], uid: key[2], date: Number.NaN }) : -1;
  }

  /** The open message changed: a view filtered on flags lets the previous one go (and pins the new one). */
  pinChanged(): void {
    if (!this.ready || !this.filtersOnFlags()) return;
    const next = viewEnvironment().pinned();
    const same = (a: MessageKey | null, b: MessageKey | null) => a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
    if (!same(next, this.pinnedKey)) this.recompute();
  }

  /** The base as the computation reads it; a folder's facts are found by its UID column. */
  private viewBase(): ViewBase {
    const { base, facts } = this;
    if (!facts || !(base instanceof FolderIndex)) return base;
    const uids = base.entries.uids;
    const slots = facts.slotsOf(base.accountId, base.folderPath);
    return {
      length: base.length,
      bitsAt: (position) => base.bitsAt(position),
      keyAt: (position) => base.keyAt(position),
      slotAt: (position) => slots?.get(uids[position] as number) ?? -1,
    };
  }

  /**
   * Reads the facts the view lacks, one chunk at a time; the positions come from the latest
   * computation (a base change recomputes it), so they always name the base's current entries.
   */
  private loadMissing(): Promise<void> {
    if (!this.facts) return Promise.resolve();
    this.loading ??= this.readAll().finally(() => {
      this.loading = undefined;
      if (this.progress) {
        this.progress = undefined;
        this.changed();
      }
    });
    return this.loading;
  }

  private async readAll(): Promise<void> {
    const facts = this.facts as MessageFacts;
    const chunk = this.options.chunk ?? defaultChunk;
    for (;;) {
      const total = this.computed.missing.length;
      if (total === 0 || this.disposed) return;
      let read = 0;
      const report = (done: number) => {
        if (total < progressFrom) return;
        this.progress = { done: Math.min(total, done), total };
        this.changed();
      };
      // A big first read goes folder by folder, page by page, not position by position.
      if (total >= progressFrom) {
        const folders = new Map<string, [string, string]>();
        for (const position of this.computed.missing) {
          const key = this.base.keyAt(position);
          if (key) folders.set(`${key[0]}\u0000${key[1]}`, [key[0], key[1]]);
        }
        for (const [accountId, folderPath] of folders.values()) {
          const mine = this.options.ownAddresses ? await this.options.ownAddresses(accountId, folderPath) : undefined;
          const before = read;
          read += await readFolderFacts(this.db, accountId, folderPath, facts, mine, (done) => report(before + done), () => this.disposed);
        }
        this.recompute();
      }
      let list = this.computed;
      let at = 0;
      while (at < list.missing.length && !this.disposed) {
        if (list !== this.computed) {
          // The base changed: its positions moved; continue from the new list of what is missing.
          list = this.computed;
          at = 0;
          continue;
        }
        const refs: MessageRef[] = [];
        for (const position of list.missing.subarray(at, at + chunk)) {
          const ref = this.base.refsAt(position, 1)[0];
          if (ref && facts.slotOf(ref.accountId, ref.folderPath, ref.uid) < 0) refs.push(ref);
        }
        at += chunk;
        const rows = await getMessagesIn(this.db, refs);
        for (const row of rows) {
          const mine = this.ownAddresses(row);
          facts.add(row, this.isToMe(row, mine instanceof Promise ? await mine : mine));
        }
        read += rows.length;
        report(read);
      }
      this.recompute();
      // Nothing could be read (their pages changed meanwhile): the next change of the base retries.
      if (read === 0) return;
    }
  }

  /** The person's addresses for the row's folder (read once per folder). */
  private ownAddresses(row: MessageRow): ReadonlySet<string> | Promise<ReadonlySet<string>> | undefined {
    // Read for every view (not only "to me"): the facts are shared between the list's views.
    if (!this.options.ownAddresses) return undefined;
    const key = `${row.accountId}\u0000${row.folderPath}`;
    const known = this.resolved.get(key);
    if (known) return known;
    let pending = this.addresses.get(key);
    if (!pending) {
      pending = this.options.ownAddresses(row.accountId, row.folderPath);
      this.addresses.set(key, pending);
      void pending.then((mine) => this.resolved.set(key, mine)).catch(() => {});
    }
    return pending;
  }

  private isToMe(row: MessageRow, mine: ReadonlySet<string> | undefined): boolean {
    return mine !== undefined && addressedTo(row, mine);
  }

  refsAt(offset: number, limit: number): MessageRef[] {
    const refs: MessageRef[] = [];
    const end = Math.min(this.length, offset + limit);
    for (let position = Math.max(0, offset); position < end; position++) {
      const ref = this.base.refsAt(this.computed.order[position] as number, 1)[0];
      if (ref) refs.push(ref);
    }
    return refs;
  }

  positionOf(message: IndexedMessage): number {
    const position = this.base.positionOf(message);
    return position >= 0 ? (this.computed.viewOf[position] ?? -1) : -1;
  }

  keyAt(position: number): MessageKey | undefined {
    return position >= 0 && position < this.length ? this.base.keyAt(this.computed.order[position] as number) : undefined;
  }

  bitsAt(position: number): number | undefined {
    return position >= 0 && position < this.length ? this.base.bitsAt(this.computed.order[position] as number) : undefined;
  }

  groupSizeAt(position: number): number | undefined {
    return this.computed.groupSizes?.[position];
  }
}
