/**
 * The durable outbox's runner (issue #4 §6). Every change goes through the pure state machine
 * (outboxMachine.ts) and is on disk (OutboxStore) before the runner acts on it: `sending` before
 * SMTP starts, `accepted` the moment the server answered 250. One item is worked on at a time;
 * the decisions that race with the person (cancel, retry) run under the same lock as the step
 * that starts a submission, so a cancelled message is never sent.
 */
import { AppError } from '../../../shared/errors';
import type { OutboxItem, OutgoingMessage } from '../../../shared/model/compose';
import type { ImapSession } from '../imap/types';
import { isConnectionLoss } from '../imap/imapErrors';
import { folderWithRole, type MailDirectory } from '../compose/directory';
import { SendError, submitMessage, type SmtpEnvelope, type Submitted } from '../smtp/smtpSubmit';
import type { SmtpLogin } from '../smtp/smtpClient';
import { cancellable, defaultRetryTuning, nextActionAt, transition, type OutboxEvent, type RetryTuning } from './outboxMachine';
import type { OutboxFiles, OutboxRecord, OutboxStore } from './OutboxStore';
import { foundInAny, isRefusal, originFlag, planCopies, saveCopy, searchTargets } from './sentCopies';

export interface OutboxTuning extends RetryTuning {
  /** How long a sent message stays in the list (default 60 s). */
  keepSentMs: number;
  smtpTimeoutMs: number;
}

export const defaultOutboxTuning: OutboxTuning = { ...defaultRetryTuning, keepSentMs: 60_000, smtpTimeoutMs: 60_000 };

export interface OutboxDeps {
  store: OutboxStore;
  tuning: OutboxTuning;
  /** SMTP login of the account (the person's), or null without a password. */
  smtpLogin(accountId: string): Promise<Omit<SmtpLogin, 'timeoutMs'> | null>;
  directory(accountId: string): Promise<MailDirectory>;
  withImap<T>(accountId: string, fn: (session: ImapSession) => Promise<T>): Promise<T>;
  /**
   * Main's local drafts (DraftStore): a message handed to the outbox is sealed there, so no
   * later autosave brings it back as a draft (issue #10 §7); one taken back is a draft again.
   */
  drafts: {
    seal(id: string, accountId: string): Promise<{ folderPath: string; uid: number } | null>;
    restore(message: OutgoingMessage): Promise<unknown>;
  };
  /** Sync engines re-read these folders (a copy appended, a flag set). */
  touched(accountId: string, paths: string[]): void;
  broadcast(items: OutboxItem[]): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  submit?: (login: SmtpLogin, envelope: SmtpEnvelope, raw: Buffer) => Promise<Submitted>;
}

export class Outbox {
  private readonly records = new Map<string, OutboxRecord>();
  private lock: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private pumping: Promise<void> | null = null;
  /** After an unexpected failure (a full disk) the runner pauses instead of spinning. */
  private pausedUntil = 0;
  private again = false;
  private closed = false;
  /** In-memory count of failed IMAP steps per item, for their backoff (restarts start afresh). */
  private readonly stepFailures = new Map<string, number>();
  readonly ready: Promise<void>;

  constructor(private readonly deps: OutboxDeps) {
    this.ready = this.load();
  }

  list(): OutboxItem[] {
    return [...this.records.values()].map((r) => r.item).sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Stores a new message; it goes out after its undo window. Its draft is sealed first (after
   * any save of it still under way): the draft's newest server copy is the one removed once
   * the message is sent, and no save after this point recreates the draft.
   */
  async add(files: OutboxFiles): Promise<void> {
    await this.ready;
    const { id, accountId } = files.record.item;
    const serverDraft = await this.deps.drafts.seal(id, accountId);
    const message = serverDraft ? { ...files.message, draft: { folderPath: serverDraft.folderPath, uid: serverDraft.uid } } : files.message;
    await this.exclusive(async () => {
      if (this.records.has(id)) throw new AppError('alreadySending', 'This message is already in the outbox');
      try {
        await this.deps.store.create({ ...files, message });
      } catch (error) {
        await this.deps.store.remove(id);
        await this.deps.drafts.restore(message);
        throw error;
      }
      this.records.set(id, files.record);
    });
    this.changed();
  }

  /**
   * The account is being removed (issue #10 §6): its messages leave the outbox and are never
   * sent. One whose SMTP submission is already under way cannot be called back; nothing more
   * is done for it (no Sent copy, no flags) once it is gone from here.
   */
  async removeAccount(accountId: string): Promise<void> {
    await this.ready;
    const removed = await this.exclusive(async () => {
      const mine = [...this.records.values()].filter((r) => r.item.accountId === accountId);
      for (const record of mine) {
        this.records.delete(record.item.id);
        this.stepFailures.delete(record.item.id);
        await this.deps.store.remove(record.item.id);
      }
      return mine.length;
    });
    if (removed > 0) this.changed();
  }

  async retry(id: string): Promise<void> {
    await this.ready;
    await this.exclusive(async () => {
      const record = this.get(id);
      if (!cancellable(record.item)) throw new AppError('alreadySending', 'This message is being sent already');
      await this.apply(record, { type: 'retry', now: Date.now() });
    });
    this.changed();
  }

  /** Takes a message back (undo, edit, cancel): allowed until SMTP is under way. */
  async cancel(id: string): Promise<OutgoingMessage> {
    await this.ready;
    const message = await this.exclusive(async () => {
      const record = this.get(id);
      if (!cancellable(record.item)) {
        throw new AppError('alreadySending', 'This message is already being sent and can no longer be taken back');
      }
      const stored = await this.deps.store.message(id);
      if (!stored) throw new AppError('internal', 'The outbox copy of this message is damaged');
      await this.deps.store.remove(id);
      this.records.delete(id);
      await this.deps.drafts.restore(stored);
      return stored;
    });
    this.changed();
    return message;
  }

  /** A connection of the account works again: messages waiting because of the network go now. */
  async connectionBack(accountId: string): Promise<void> {
    await this.ready;
    let any = false;
    await this.exclusive(async () => {
      for (const record of this.records.values()) {
        if (record.item.accountId !== accountId) continue;
        const before = record.item.state;
        await this.apply(record, { type: 'connectionBack' });
        any ||= record.item.state !== before;
      }
    });
    if (any) this.changed();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pumping?.catch(() => undefined);
  }

  private async load(): Promise<void> {
    for (const record of await this.deps.store.load()) {
      record.item = transition(record.item, { type: 'restarted' });
      this.records.set(record.item.id, record);
    }
    this.changed();
  }

  private get(id: string): OutboxRecord {
    const record = this.records.get(id);
    if (!record) throw new AppError('messageNotFound', 'This message is no longer in the outbox');
    return record;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** Applies an event and persists the result before anyone acts on it. */
  private async apply(record: OutboxRecord, event: OutboxEvent): Promise<void> {
    const next = transition(record.item, event);
    if (next === record.item) return;
    record.item = next;
    if (this.records.has(next.id)) await this.deps.store.save(record);
  }

  private changed(): void {
    if (this.closed) return;
    this.deps.broadcast(this.list());
    this.kick();
  }

  private kick(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.again) {
        this.again = false;
        this.kick();
      } else this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    const times = this.list()
      .map((item) => nextActionAt(item, this.deps.tuning.keepSentMs))
      .filter((t): t is number => t !== null);
    if (times.length === 0) return;
    const delay = Math.max(0, Math.min(...times) - Date.now(), this.pausedUntil - Date.now());
    this.timer = setTimeout(() => this.kick(), Math.min(delay, 2 ** 31 - 1));
    this.timer.unref?.();
  }

  private async pump(): Promise<void> {
    await this.ready;
    for (;;) {
      if (this.closed) return;
      const now = Date.now();
      if (now < this.pausedUntil) return;
      const due = this.list().find((item) => {
        const at = nextActionAt(item, this.deps.tuning.keepSentMs);
        return at !== null && at <= now;
      });
      if (!due) return;
      const record = this.records.get(due.id);
      if (!record) continue;
      try {
        await this.step(record);
      } catch (error) {
        // A bug or a disk failure: log it and keep the item where it is, retried later.
        this.deps.log('error', `outbox: ${record.item.id} (${record.item.state}) failed: ${error instanceof Error ? error.message : String(error)}`);
        if (record.item.state === 'accepted' || record.item.state === 'sending') await this.stepFailed(record).catch(() => undefined);
        else {
          this.pausedUntil = Date.now() + this.deps.tuning.retryBaseMs;
          return;
        }
      }
      this.deps.broadcast(this.list());
    }
  }

  private async step(record: OutboxRecord): Promise<void> {
    const { item } = record;
    switch (item.state) {
      case 'waiting':
        await this.exclusive(() => this.apply(record, { type: 'due', now: Date.now() }));
        return;
      case 'queued':
      case 'retrying':
        return this.send(record);
      case 'sending':
        return this.recover(record);
      case 'accepted':
        return this.finish(record);
      case 'sent':
        await this.exclusive(async () => {
          await this.deps.store.remove(item.id);
          this.records.delete(item.id);
        });
        return;
      case 'refused':
        return;
    }
  }

  private async send(record: OutboxRecord): Promise<void> {
    const started = await this.exclusive(async () => {
      if (!this.records.has(record.item.id) || (record.item.state !== 'queued' && record.item.state !== 'retrying')) return false;
      await this.apply(record, { type: 'start', now: Date.now() });
      return true;
    });
    if (!started) return;
    this.deps.broadcast(this.list());
    const { item } = record;
    const login = await this.deps.smtpLogin(item.accountId);
    if (!login) {
      const failure = { code: 'noPassword' as const, message: 'Postvak has no password for this account', permanent: true };
      await this.exclusive(() => this.apply(record, { type: 'failed', now: Date.now(), failure, tuning: this.deps.tuning }));
      return;
    }
    const submit = this.deps.submit ?? submitMessage;
    try {
      const wire = await this.deps.store.wire(item.id);
      // Removed meanwhile (its account was removed): never sent.
      if (!this.records.has(item.id)) return;
      const result = await submit({ ...login, timeoutMs: this.deps.tuning.smtpTimeoutMs }, record.envelope, wire);
      const refused = result.rejected.length > 0
        ? { recipients: result.rejected.map((r) => r.address), message: result.rejected.map((r) => `${r.address}: ${r.reply}`).join('; ') }
        : undefined;
      await this.exclusive(() => this.apply(record, { type: 'accepted', now: Date.now(), ...(refused ? { refusedRecipients: refused } : {}) }));
      this.deps.log('info', `outbox: ${item.id} accepted: ${result.response}`);
      void this.connectionBack(item.accountId);
    } catch (error) {
      if (!(error instanceof SendError)) throw error;
      await this.exclusive(() => this.apply(record, { type: 'failed', now: Date.now(), failure: error.failure, tuning: this.deps.tuning }));
    }
  }

  /** A `sending` item found at start-up: did the server take it? Its Sent copies say so. */
  private async recover(record: OutboxRecord): Promise<void> {
    const { item } = record;
    const directory = await this.deps.directory(item.accountId);
    const plan = planCopies(record.identity, directory);
    const sharedSent = folderWithRole(directory, record.identity.mailboxId, 'sent')?.path ?? null;
    const found = await this.deps.withImap(item.accountId, (session) => foundInAny(session, searchTargets(item, plan, sharedSent), item.messageId));
    this.deps.log('info', `outbox: ${item.id} was being sent at a restart; ${found ? 'found in Sent, not sending again' : 'not in Sent, sending again'}`);
    await this.exclusive(() => this.apply(record, { type: 'recovered', now: Date.now(), found }));
  }

  /** Sent copies, the origin's flag, the draft: then `sent`. Each step is safe to repeat. */
  private async finish(record: OutboxRecord): Promise<void> {
    const { item } = record;
    const directory = await this.deps.directory(item.accountId);
    const plan = planCopies(record.identity, directory);
    if (item.sentCopies.length === 0) {
      await this.exclusive(() => this.apply(record, { type: 'copiesPlanned', copies: plan.copies, fellBack: plan.fellBack }));
    }
    const copy = await this.deps.store.copy(item.id);
    const message = await this.deps.store.message(item.id);
    const touched = new Set<string>();
    for (const target of record.item.sentCopies.filter((c) => !c.saved)) {
      const outcome = await this.deps.withImap(item.accountId, (session) => saveCopy(session, target.folderPath, item.messageId, copy));
      if (outcome === 'saved') {
        touched.add(target.folderPath);
        await this.exclusive(() => this.apply(record, { type: 'copySaved', folderPath: target.folderPath }));
      } else if (plan.own && target.folderPath !== plan.own.folderPath) {
        this.deps.log('warn', `outbox: ${target.folderPath} refused the Sent copy of ${item.id}; saving it in ${plan.own.folderPath}`);
        await this.exclusive(() => this.apply(record, { type: 'copyFellBack', folderPath: target.folderPath, own: plan.own! }));
        return this.finish(record);
      } else {
        // The own Sent refused too: the message went out; the copy stays marked as not saved.
        this.deps.log('error', `outbox: ${target.folderPath} refused the Sent copy of ${item.id}`);
      }
    }
    if (message) await this.afterCopies(item.accountId, message, touched);
    this.deps.touched(item.accountId, [...touched]);
    this.stepFailures.delete(item.id);
    await this.exclusive(() => this.apply(record, { type: 'finished', now: Date.now() }));
  }

  /** \Answered or $Forwarded on the origin, and the draft's server copy removed; a refusal is logged, not retried. */
  private async afterCopies(accountId: string, message: OutgoingMessage, touched: Set<string>): Promise<void> {
    const flag = originFlag(message);
    const origin = message.origin;
    if (flag && origin) {
      await this.refusalLogged(`flag ${flag} in ${origin.folderPath}`, () =>
        this.deps.withImap(origin.accountId, (session) => session.inFolder(origin.folderPath, (folder) => folder.store([origin.uid], [flag], []), { fresh: false })),
      );
      if (origin.accountId === accountId) touched.add(origin.folderPath);
      else this.deps.touched(origin.accountId, [origin.folderPath]);
    }
    const draft = message.draft;
    if (draft) {
      // \Deleted + UID EXPUNGE of exactly this UID (RFC 4315 §2.1), never others' deleted mail.
      await this.refusalLogged(`removing the draft from ${draft.folderPath}`, () =>
        this.deps.withImap(accountId, (session) => session.inFolder(draft.folderPath, (folder) => folder.deleteUids([draft.uid]), { fresh: false })),
      );
      touched.add(draft.folderPath);
    }
  }

  private async refusalLogged(what: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      if (isConnectionLoss(error)) throw error;
      const refused = isRefusal(error) || (error as { mailboxMissing?: unknown }).mailboxMissing === true;
      if (!refused) throw error;
      this.deps.log('warn', `outbox: ${what} was refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async stepFailed(record: OutboxRecord): Promise<void> {
    const failures = (this.stepFailures.get(record.item.id) ?? 0) + 1;
    this.stepFailures.set(record.item.id, failures);
    await this.exclusive(() => this.apply(record, { type: 'stepFailed', now: Date.now(), failures, tuning: this.deps.tuning }));
  }
}
