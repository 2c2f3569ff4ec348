/**
 * One IMAP connection per account for the user's own requests (open a message, download an
 * attachment, set flags), separate from the sync connections so a click never waits behind a
 * 500-message batch. Shared by all clients, opened on first use, closed after a quiet spell.
 */
import type { ImapSession } from './types';

interface Entry {
  session: Promise<ImapSession>;
  timer: NodeJS.Timeout | null;
  users: number;
}

export class OpsConnections {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly connect: (accountId: string) => Promise<ImapSession>,
    private readonly idleMs = 5 * 60_000,
  ) {}

  async use<T>(accountId: string, fn: (session: ImapSession) => Promise<T>): Promise<T> {
    const entry = await this.entry(accountId);
    entry.users += 1;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    try {
      return await fn(await entry.session);
    } finally {
      entry.users -= 1;
      if (entry.users === 0 && this.entries.get(accountId) === entry) {
        entry.timer = setTimeout(() => void this.drop(accountId), this.idleMs);
        entry.timer.unref?.();
      }
    }
  }

  /** Closes the account's connection (account changed or removed). */
  async drop(accountId: string): Promise<void> {
    const entry = this.entries.get(accountId);
    if (!entry) return;
    this.entries.delete(accountId);
    if (entry.timer) clearTimeout(entry.timer);
    const session = await entry.session.catch(() => null);
    await session?.close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.drop(id)));
  }

  private async entry(accountId: string): Promise<Entry> {
    const existing = this.entries.get(accountId);
    if (existing) {
      const session = await existing.session.catch(() => null);
      if (session?.usable && this.entries.get(accountId) === existing) return existing;
      if (this.entries.get(accountId) === existing) await this.drop(accountId);
    }
    const current = this.entries.get(accountId);
    if (current) return current;
    const entry: Entry = { session: this.connect(accountId), timer: null, users: 0 };
    this.entries.set(accountId, entry);
    entry.session.then(
      (session) => session.onClose(() => this.entries.get(accountId) === entry && this.entries.delete(accountId)),
      () => this.entries.get(accountId) === entry && this.entries.delete(accountId),
    );
    await entry.session;
    return entry;
  }
}
