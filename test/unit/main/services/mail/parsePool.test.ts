import { afterEach, describe, expect, it } from 'vitest';
import { ParseBudgetError, ParsePool } from '../../../../../src/main/services/mail/parsePool';
import { parseMessage } from '../../../../../src/main/services/mail/parseMessage';
import type { AccountId } from '../../../../../src/shared/model';
import { mixedTextHtmlMessage, MIXED_HTML, MIXED_PLAIN } from '../../../../fixtures/heavyMessages.mjs';

const spin = new URL('./workers/spin.mjs', import.meta.url);
let pool: ParsePool | null = null;

afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('ParsePool: a time and memory budget per job (issue #10 §1)', () => {
  it('ends a job that runs over its time and answers the next one with a fresh worker', async () => {
    pool = new ParsePool({ workerUrl: spin, size: 1, timeMs: 300 });
    await expect(pool.run('spin', {})).rejects.toMatchObject({ code: 'parseBudget', budget: 'time' });
    await expect(pool.run('hello', {})).resolves.toBe('answered hello');
  });

  it('ends a job that runs out of heap and keeps answering', async () => {
    pool = new ParsePool({ workerUrl: spin, size: 1, timeMs: 60_000, memoryMb: 32 });
    const error = await pool.run('grow', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseBudgetError);
    expect((error as ParseBudgetError).budget).toBe('memory');
    await expect(pool.run('hello', {})).resolves.toBe('answered hello');
  });

  it('keeps other jobs waiting, not failing, while one runs over', async () => {
    pool = new ParsePool({ workerUrl: spin, size: 1, timeMs: 300 });
    const results = await Promise.allSettled([pool.run('spin', {}), pool.run('a', {}), pool.run('b', {})]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });

  it('reads a kept message in the real worker', async () => {
    pool = new ParsePool();
    const body = await parseMessage({ accountId: 'a' as AccountId, folderPath: 'INBOX', uid: 1 }, mixedTextHtmlMessage(), pool);
    expect(body.parts).toEqual([
      { kind: 'text', text: expect.stringContaining(MIXED_PLAIN) },
      { kind: 'html', html: expect.stringContaining(MIXED_HTML) },
    ]);
  });
});
