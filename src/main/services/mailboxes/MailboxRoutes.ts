/**
 * Which account each shared mailbox is used through, across the accounts of this profile
 * (issue #10 §7; the rules are src/shared/mailboxRoutes.ts). Discovery asks it per address
 * (`resolver`), and marks a mailbox reached through another account as `via` that account and
 * hidden: not synced, watched, kept offline or offered as an identity here — no connection or
 * cache space is spent on the same mail twice. Every discovery reports what it found (`note`);
 * when that changes a choice, the accounts whose answer changed discover again, so a removed
 * account or a revoked right hands the mailbox to the next account without a restart.
 *
 * A later-added account waits (at most `graceMs`) for the earlier ones on its server to report
 * their first discovery, so that at start-up carol does not begin syncing info@ that alice's
 * discovery, a moment later, would take over. Earlier accounts never wait for later ones.
 * The person's choices ("Used through") are kept in `<profileDir>/mailboxRoutes.json`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { AccountId, Mailbox } from '../../../shared/model';
import { chooseRoute, rightsRank, routeKey, serverKey, type RouteAccount, type RouteCandidate } from '../../../shared/mailboxRoutes';
import { atomicWrite, readIfExists } from '../io/atomicWrite';

export interface MailboxRoutesDeps {
  profileDir: string;
  /** The accounts in the order added. */
  accounts(): Promise<readonly (RouteAccount & { kind?: 'personal' | 'shared' })[]>;
  /** Whether main can sign the account in at all (holds a password): only then is it waited for. */
  canSync(accountId: string): Promise<boolean>;
  /** Discovers the account's mailboxes again soon (in every client). */
  rediscover(accountId: string): void;
  /** How long a later account waits for an earlier one's first discovery. */
  graceMs: number;
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

/** An address → the account it is used through, when that is another account; null = this one. */
export type ViaResolver = (address: string) => AccountId | null;

const fileSchema = z.object({ version: z.literal(1), usedThrough: z.record(z.string().max(700), z.string().max(64)) });

interface Waiter {
  reported: Promise<void>;
  resolve(): void;
  since: number;
}

export class MailboxRoutes {
  /** accountId → route key → rank, from the account's last discovery. */
  private readonly known = new Map<string, Map<string, number>>();
  /** Accounts that waited too long for: no longer waited for until they report. */
  private readonly givenUp = new Set<string>();
  private readonly waiters = new Map<string, Waiter>();
  /** accountId → address → the answer its last discovery got. */
  private readonly answered = new Map<string, Map<string, string | null>>();
  private preferred: Map<string, string> | null = null;
  private file: string;
  private closed = false;

  constructor(private readonly deps: MailboxRoutesDeps) {
    this.file = join(deps.profileDir, 'mailboxRoutes.json');
  }

  /** The `via` answers for the account's next discovery; waits for earlier accounts first. */
  async resolver(accountId: string): Promise<ViaResolver> {
    await this.waitForEarlier(accountId);
    const state = await this.snapshot();
    const self = state.accounts.find((a) => a.id === accountId);
    const answers = new Map<string, string | null>();
    this.answered.set(accountId, answers);
    return (address) => {
      if (!self) return null;
      const via = this.via(state, self, address);
      answers.set(address.toLowerCase(), via);
      return via as AccountId | null;
    };
  }

  /** A discovery of the account found these mailboxes (hidden and reached-through ones included). */
  async note(accountId: string, mailboxes: readonly Mailbox[]): Promise<void> {
    const accounts = await this.deps.accounts();
    const self = accounts.find((a) => a.id === accountId);
    if (!self) return;
    const ranks = new Map<string, number>();
    for (const m of mailboxes) {
      if (m.accountId !== accountId || m.source === 'account') continue;
      // A discovered mailbox whose MYRIGHTS was refused went away since LIST (RFC 4314 §3.5).
      if (m.source === 'discovered' && m.rights === null) continue;
      ranks.set(routeKey(self.imap, m.address), rightsRank(m.rights));
    }
    this.known.set(accountId, ranks);
    this.givenUp.delete(accountId);
    this.waiter(accountId).resolve();
    await this.reconsider();
  }

  /** The account was removed: it reaches nothing now, and the person's choices of it go. */
  async forget(accountId: string): Promise<void> {
    this.known.delete(accountId);
    this.answered.delete(accountId);
    this.waiters.get(accountId)?.resolve();
    this.waiters.delete(accountId);
    const preferred = await this.loadPreferred();
    if ([...preferred.values()].includes(accountId)) {
      for (const [key, id] of [...preferred]) if (id === accountId) preferred.delete(key);
      await this.save(preferred);
    }
    await this.reconsider();
  }

  /** The person's choice: use the mailbox at `address` through this account. */
  async prefer(accountId: string, address: string): Promise<void> {
    const account = (await this.deps.accounts()).find((a) => a.id === accountId);
    if (!account) return;
    const preferred = await this.loadPreferred();
    preferred.set(routeKey(account.imap, address), accountId);
    await this.save(preferred);
    await this.reconsider();
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiters.values()) waiter.resolve();
  }

  private via(state: Snapshot, self: RouteAccount, address: string): string | null {
    const key = routeKey(self.imap, address);
    const candidates: RouteCandidate[] = [];
    const unsettled: string[] = [];
    for (const account of state.accounts) {
      if (serverKey(account.imap) !== serverKey(self.imap)) continue;
      if (account.email.trim().toLowerCase() === address.trim().toLowerCase()) {
        candidates.push({ accountId: account.id, rank: Number.MAX_SAFE_INTEGER, owner: true });
        continue;
      }
      const rank = this.known.get(account.id)?.get(key);
      if (account.id === self.id) {
        // This discovery lists the address: its rights are not read yet, so it may have them all.
        if (rank === undefined) unsettled.push(self.id);
        else candidates.push({ accountId: self.id, rank });
      } else if (rank !== undefined) {
        candidates.push({ accountId: account.id, rank });
      }
    }
    const choice = chooseRoute({ candidates, order: state.accounts.map((a) => a.id), preferred: state.preferred.get(key) ?? null, unsettled });
    return choice && choice.accountId !== self.id ? choice.accountId : null;
  }

  /** Asks every account's last answers again; the accounts whose answer changed discover again. */
  private async reconsider(): Promise<void> {
    if (this.closed) return;
    const state = await this.snapshot();
    for (const [accountId, answers] of this.answered) {
      const self = state.accounts.find((a) => a.id === accountId);
      if (!self) continue;
      let changed = false;
      for (const [address, before] of answers) {
        const now = this.via(state, self, address);
        if (now !== before) {
          answers.set(address, now);
          changed = true;
        }
      }
      if (changed) {
        this.deps.log('info', `mailbox routes: ${self.email} discovers again (a shared mailbox changed hands)`);
        this.deps.rediscover(accountId);
      }
    }
  }

  /** Waits until every earlier account on the same server that can sign in reported once. */
  private async waitForEarlier(accountId: string): Promise<void> {
    const accounts = await this.deps.accounts();
    const at = accounts.findIndex((a) => a.id === accountId);
    const self = accounts[at];
    if (!self) return;
    for (const earlier of accounts.slice(0, at)) {
      if (this.closed || this.known.has(earlier.id) || this.givenUp.has(earlier.id)) continue;
      if (serverKey(earlier.imap) !== serverKey(self.imap) || !(await this.deps.canSync(earlier.id))) continue;
      const waiter = this.waiter(earlier.id);
      const left = waiter.since + this.deps.graceMs - Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = await Promise.race([
        waiter.reported.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), Math.max(0, left));
        }),
      ]);
      clearTimeout(timer);
      if (timedOut && !this.known.has(earlier.id)) {
        this.givenUp.add(earlier.id);
        this.deps.log('warn', `mailbox routes: ${earlier.email} has not discovered its mailboxes; ${self.email} goes ahead`);
      }
    }
  }

  private waiter(accountId: string): Waiter {
    let waiter = this.waiters.get(accountId);
    if (!waiter) {
      let resolve = () => undefined as void;
      const reported = new Promise<void>((r) => {
        resolve = r;
      });
      waiter = { reported, resolve, since: Date.now() };
      this.waiters.set(accountId, waiter);
    }
    return waiter;
  }

  private async snapshot(): Promise<Snapshot> {
    return { accounts: await this.deps.accounts(), preferred: await this.loadPreferred() };
  }

  private async loadPreferred(): Promise<Map<string, string>> {
    if (this.preferred) return this.preferred;
    const raw = await readIfExists(this.file);
    let entries: Record<string, string> = {};
    if (raw) {
      try {
        const parsed = fileSchema.safeParse(JSON.parse(raw.toString('utf8')));
        if (parsed.success) entries = parsed.data.usedThrough;
        else this.deps.log('warn', `${this.file} does not hold mailbox choices; using the defaults`);
      } catch {
        this.deps.log('warn', `${this.file} is not valid JSON; using the defaults`);
      }
    }
    this.preferred = new Map(Object.entries(entries));
    return this.preferred;
  }

  private async save(preferred: Map<string, string>): Promise<void> {
    this.preferred = preferred;
    await atomicWrite(this.file, `${JSON.stringify({ version: 1, usedThrough: Object.fromEntries(preferred) }, null, 2)}\n`, 0o600);
  }
}

interface Snapshot {
  accounts: readonly RouteAccount[];
  preferred: Map<string, string>;
}
