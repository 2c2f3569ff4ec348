import { describe, expect, it } from 'vitest';
import { ConnectionBudgets } from '../../../../../src/main/services/imap/ConnectionBudget';
import { budgetedConnect } from '../../../../../src/main/services/imap/budgetedConnect';
import { IdlePool } from '../../../../../src/main/services/sync/IdlePool';
import { FakeServer } from './fakeSession';

/** Resolves once `check` holds, re-checking after each turn of the event loop. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let turns = 0; !check(); turns++) {
    if (turns > 10_000) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('IdlePool within the connection budget (issue #10 §9)', () => {
  it('watches what fits, gives a watcher up for a request, and watches it again afterwards, reporting a change', async () => {
    const server = new FakeServer();
    const budgets = new ConnectionBudgets({ limit: 3, restoreMs: 60_000 });
    const connect = budgetedConnect({ budgets, open: async () => server.connect(), tooManyBackoffMs: [0], log: () => undefined });
    const budget = budgets.of('acc');
    await connect('acc', 'sync');
    const changes: string[] = [];
    const pool = new IdlePool({ connect: (lease) => connect('acc', 'watch', lease), onChange: (path) => changes.push(path), backoffMs: [0], log: () => undefined });
    try {
      await pool.set(['shared/info/INBOX', 'Calendar']);
      // sync + one watcher: the third lease stays free for requests; Calendar is polled.
      await until(() => pool.live().has('shared/info/INBOX'), 'the Inbox watched');
      expect([...pool.live()]).toEqual(['shared/info/INBOX']);
      expect(pool.allLive()).toBe(false);
      expect(budget.inUse).toBe(2);

      const request = await connect('acc', 'request');
      const probe = await connect('acc', 'probe');
      // The probe took the watcher's place.
      expect(pool.live().size).toBe(0);
      expect(budget.counts()).toMatchObject({ sync: 1, request: 1, probe: 1, watch: 0 });

      await probe.close();
      await request.close();
      await until(() => pool.live().has('shared/info/INBOX'), 'the Inbox watched again');
      // Anything may have happened while it was away: the folder gets a pass.
      expect(changes).toEqual(['shared/info/INBOX']);
      expect(server.sessions.filter((s) => s.usable).length).toBe(budget.inUse);
    } finally {
      await pool.close();
    }
    expect(budget.inUse).toBe(1);
  });
});
