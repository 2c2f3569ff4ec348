import { describe, expect, it } from 'vitest';
import { ConnectionBudgets } from '../../../../../src/main/services/imap/ConnectionBudget';
import { budgetedConnect } from '../../../../../src/main/services/imap/budgetedConnect';
import type { ImapSession } from '../../../../../src/main/services/imap/types';

/** What imapflow reports for a login over Dovecot's per user+IP limit (seen on the test stack). */
const limitError = () =>
  Object.assign(new Error('Command failed'), {
    authenticationFailed: true,
    serverResponseCode: 'LIMIT',
    responseText: 'Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
  });

function fakeSession(): ImapSession & { closeNow(): void } {
  const listeners = new Set<() => void>();
  const session = {
    usable: true,
    onClose: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
    closeNow() {
      session.usable = false;
      for (const listener of listeners) listener();
    },
  };
  return session as unknown as ImapSession & { closeNow(): void };
}

describe('budgetedConnect (issue #10 §9)', () => {
  it('holds a lease from the login until the socket closes', async () => {
    const budgets = new ConnectionBudgets({ limit: 5, restoreMs: 60_000 });
    const connect = budgetedConnect({ budgets, open: async () => fakeSession(), tooManyBackoffMs: [0], log: () => undefined });
    const session = (await connect('acc', 'sync')) as ReturnType<typeof fakeSession>;
    expect(budgets.of('acc').inUse).toBe(1);
    session.closeNow();
    expect(budgets.of('acc').inUse).toBe(0);
  });

  it('gives a failed login its lease back', async () => {
    const budgets = new ConnectionBudgets({ limit: 5, restoreMs: 60_000 });
    const connect = budgetedConnect({ budgets, open: async () => Promise.reject(new Error('ECONNREFUSED')), tooManyBackoffMs: [0], log: () => undefined });
    await expect(connect('acc')).rejects.toThrow('ECONNREFUSED');
    expect(budgets.of('acc').inUse).toBe(0);
  });

  it('shrinks the budget to what is open when the server refuses a login for too many connections; tries again within it', async () => {
    const budgets = new ConnectionBudgets({ limit: 5, restoreMs: 60_000 });
    let logins = 0;
    const open = async () => {
      logins += 1;
      if (logins === 3) throw limitError();
      return fakeSession();
    };
    const connect = budgetedConnect({ budgets, open, tooManyBackoffMs: [0, 20], log: () => undefined });
    const sync = (await connect('acc', 'sync')) as ReturnType<typeof fakeSession>;
    await connect('acc', 'request');
    // The third login is refused: two is all the server allows now, and both are in use.
    await expect(connect('acc', 'request')).rejects.toMatchObject({ serverResponseCode: 'LIMIT' });
    expect(budgets.of('acc').limit).toBe(2);
    expect(budgets.of('acc').inUse).toBe(2);
    // One closes: the next login fits within the smaller budget.
    sync.closeNow();
    await connect('acc', 'sync');
    expect(logins).toBe(4);
    expect(budgets.of('acc').inUse).toBe(2);
  });

  it('lets an IDLE watcher fail at once on such a refusal (its folder is polled meanwhile)', async () => {
    const budgets = new ConnectionBudgets({ limit: 5, restoreMs: 60_000 });
    const connect = budgetedConnect({ budgets, open: async () => Promise.reject(limitError()), tooManyBackoffMs: [0], log: () => undefined });
    await expect(connect('acc', 'watch', { rank: 0, onRevoke: () => undefined })).rejects.toMatchObject({ serverResponseCode: 'LIMIT' });
    expect(budgets.of('acc').inUse).toBe(0);
  });
});
