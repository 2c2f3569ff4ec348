/**
 * A head start for an account's first sync (issue #3: "the newest mail on screen within a
 * second"). While the window is still loading its code and opening its cache, main already
 * logs in, LISTs, discovers the mailboxes (NAMESPACE, MYRIGHTS, quota — accountDiscovery.ts)
 * and fetches the top of the own INBOX the way the first pass would (folderPass.ts
 * previewFolder), then the top of each visible shared mailbox's Inbox (issue #11 §4) — on the
 * same session, one SELECT each, so the head start never takes more of the account's connection
 * budget than the one connection the sync goes on with. The first sync engine to start the
 * account takes the session over (AccountSync), sends the discovered folders without asking the
 * server again, and replays the Inboxes' batches — except those its cache already holds (they
 * are dropped; the session, LIST and discovery still save their round trips). A sync that
 * arrives while shared Inboxes are still being fetched stops the head start after the Inbox in
 * hand, so the head start never keeps the own INBOX waiting; the rest get their usual first look.
 *
 * What is replayed is the server as it was at the head start: the preview of a big INBOX has no
 * cursor (its full pass follows, from a new SELECT), and a small INBOX's complete pass carries
 * the cursor of that moment, which the next incremental pass brings up to date. A head start
 * nobody takes within `maxAgeMs` is logged out. One that fails (wrong password, no network)
 * while the sync waits for it is that sync's failed first attempt — reported in the usual
 * words, retried with the usual backoff — so an unreachable server is not waited for twice;
 * one that failed earlier is forgotten, and the sync connects itself.
 */
import type { AccountId, Mailbox } from '../../../shared/model';
import type { ImapSession, ListedFolder } from '../imap/types';
import type { MailboxConfig } from '../mailboxes/discovery';
import type { TraceMark } from '../types';
import type { BatchBody } from './batchChannel';
import { previewFolder, type PassContext } from './folderPass';
import { buildFolders, inboxPath } from './folderList';
import { discoverAccount, nothingDiscovered, type Discovered } from './accountDiscovery';
import { headStartInboxes } from './headStart';

export type MessagesBody = Extract<BatchBody, { kind: 'messages' }>;

/** An Inbox's first look, as batches not yet sent. */
export interface WarmPreview {
  path: string;
  bodies: MessagesBody[];
  /** The folder's whole pass, cursor included (a small INBOX); otherwise only its top. */
  complete: boolean;
}

export interface Warm {
  session: ImapSession;
  listed: ListedFolder[];
  /** The mailboxes and folders as discovered on this session; null without `mailboxConfig`. */
  discovered: Discovered | null;
  /** The own INBOX first, then shared Inboxes (headStart.ts headStartInboxes). */
  previews: WarmPreview[];
}

export interface WarmStartsDeps {
  connect(accountId: string): Promise<ImapSession>;
  tuning: { batchSize: number; firstBatchSize: number; flagBatchSize: number };
  /** How long an untaken head start keeps its session. */
  maxAgeMs: number;
  /**
   * The account's mailbox settings, as AccountSync's discovery reads them. Without it the head
   * start only previews the own INBOX (the sync discovers itself).
   */
  mailboxConfig?(accountId: string): Promise<MailboxConfig>;
  /** What the head start's discovery found (MailboxRoutes.note: later accounts wait for it). */
  noteDiscovery?(accountId: string, mailboxes: readonly Mailbox[]): Promise<void>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** Timing marks (ServicesOptions.trace): when a head start is ready or failed. */
  trace?(mark: TraceMark): void;
}

/**
 * Messages a head start fetches per Inbox: what a first screen shows (the list's rows are 76 px
 * high; 50 fill a 3,800-pixel window). The server reads each message's file for its summary on
 * a cold cache — measured on the test stack under load: 100 summaries 450–890 ms — so the head
 * start asks for no more than the screen needs; the first pass fetches the rest.
 */
const HEAD_START_ROWS = 50;

interface Entry {
  warm: Promise<Warm | null>;
  timer: NodeJS.Timeout | null;
  /** A sync waits for it: fetch no further Inbox. */
  taken: boolean;
}

export class WarmStarts {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(private readonly deps: WarmStartsDeps) {}

  /** Starts a head start for the account unless one is running or waiting. */
  begin(accountId: string): void {
    if (this.closed || this.deps.maxAgeMs <= 0 || this.entries.has(accountId)) return;
    const entry: Entry = { warm: Promise.resolve(null), timer: null, taken: false };
    entry.warm = this.make(accountId, () => !entry.taken && !this.closed).then(
      (warm) => {
        this.deps.trace?.({ at: Date.now(), what: 'headStart', accountId, path: warm.previews.map((p) => p.path).join('\n') });
        if (this.entries.get(accountId) !== entry) return warm; // taken or dropped meanwhile
        entry.timer = setTimeout(() => void this.drop(accountId, entry), this.deps.maxAgeMs);
        entry.timer.unref();
        return warm;
      },
      (error: unknown) => {
        if (this.entries.get(accountId) === entry) this.entries.delete(accountId);
        this.deps.trace?.({ at: Date.now(), what: 'headStartFailed', accountId, path: '' });
        this.deps.log('info', `No head start for ${accountId}: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      },
    );
    entry.warm.catch(() => undefined); // a failure nobody waits for only goes to the log
    this.entries.set(accountId, entry);
  }

  /**
   * Hands the head start over, waiting for one still being made; null when there is none.
   * Rejects with the head start's error when it fails while being waited for.
   */
  async take(accountId: string): Promise<Warm | null> {
    const entry = this.entries.get(accountId);
    if (!entry) return null;
    this.entries.delete(accountId);
    entry.taken = true;
    const warm = await entry.warm;
    if (entry.timer) clearTimeout(entry.timer);
    if (!warm) return null;
    if (this.closed || !warm.session.usable) {
      await warm.session.close().catch(() => undefined);
      return null;
    }
    return warm;
  }

  /** Forgets the account's head start (its settings changed, or it was removed). */
  async forget(accountId: string): Promise<void> {
    const entry = this.entries.get(accountId);
    if (entry) await this.drop(accountId, entry);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.entries].map(([accountId, entry]) => this.drop(accountId, entry)));
  }

  private async drop(accountId: string, entry: Entry): Promise<void> {
    if (this.entries.get(accountId) === entry) this.entries.delete(accountId);
    if (entry.timer) clearTimeout(entry.timer);
    const warm = await entry.warm.catch(() => null);
    await warm?.session.close().catch(() => undefined);
  }

  private async make(accountId: string, wanted: () => boolean): Promise<Warm> {
    const session = await this.deps.connect(accountId);
    try {
      const listed = await session.listFolders();
      const id = accountId as AccountId;
      const config = this.deps.mailboxConfig ? await this.deps.mailboxConfig(accountId) : null;
      const discovered = config ? (await discoverAccount(session, id, listed, config, nothingDiscovered)).found : null;
      // Not waited for: later accounts wait for the note (MailboxRoutes), this account does not.
      if (discovered) {
        void this.deps.noteDiscovery?.(accountId, discovered.mailboxes).catch((error: unknown) => {
          this.deps.log('warn', `Noting the head start's discovery failed: ${String(error)}`);
        });
      }
      // Without a discovery only the own INBOX, read from LIST as the sync will (folderList.ts).
      const own = inboxPath(buildFolders(id, listed, session.sharedPrefixes).filter((f) => f.selectable));
      const inboxes = discovered ? headStartInboxes(discovered) : own ? [own] : [];
      const previews: WarmPreview[] = [];
      // The own INBOX always; each further Inbox only while no sync waits for this session.
      for (const path of inboxes) {
        if (this.closed || (previews.length > 0 && !wanted())) break;
        previews.push(await this.preview(session, id, path));
      }
      return { session, listed, discovered, previews };
    } catch (error) {
      await session.close().catch(() => undefined);
      throw error;
    }
  }

  /** The first look the first pass would take at `path` (folderPass.ts previewFolder), kept. */
  private async preview(session: ImapSession, accountId: AccountId, path: string): Promise<WarmPreview> {
    const bodies: MessagesBody[] = [];
    const ctx: PassContext = {
      accountId,
      caps: session.caps,
      ...this.deps.tuning,
      firstBatchSize: Math.min(this.deps.tuning.firstBatchSize, HEAD_START_ROWS),
      send: async (body) => {
        bodies.push(body);
      },
      progress: () => undefined,
    };
    const complete = await session.inFolder(path, (folder) => previewFolder(ctx, folder, null));
    return { path, bodies, complete };
  }
}
