// uidMove / uidCopy (imap/folderOps.ts) against a stand-in for imapflow's internal exec(), shaped
// like 2.10.2 (see rawCommand.ts); the integration tests in test/integration/tasks run the same
// against Dovecot.
import { describe, expect, it, vi } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { expandInOrder, uidCopy, uidMove } from '../../../../src/main/services/imap/folderOps';

type Untagged = Record<string, (r: unknown) => Promise<void>>;
const atom = (value: string) => ({ type: 'ATOM', value });
const code = (...parts: string[]) => ({ type: 'ATOM', value: '', section: parts.map(atom) });

function fakeClient(caps: string[], answer: (command: string, attributes: unknown[], untagged: Untagged) => Promise<unknown>) {
  const commands: { command: string; attributes: unknown[] }[] = [];
  const client = {
    capabilities: new Map(caps.map((c) => [c, true])),
    enabled: new Set<string>(),
    preCheck: async () => undefined,
    autoidle: () => undefined,
    exec: vi.fn(async (command: string, attributes: unknown[], options: { untagged: Untagged }) => {
      commands.push({ command, attributes });
      return answer(command, attributes, options.untagged);
    }),
  };
  return { client: client as unknown as ImapFlow, commands };
}

const ok = (attributes: unknown[] = []) => ({ response: { tag: '1', command: 'OK', attributes }, next: () => undefined });
const refused = (...parts: string[]) => Object.assign(new Error('Command failed'), { responseStatus: 'NO', response: { tag: '1', command: 'NO', attributes: [code(...parts), { type: 'TEXT', value: 'Mailbox does not exist' }] } });

describe('uidMove', () => {
  it('moves 10,000 UIDs with one UID MOVE of a compressed set and reads COPYUID from the untagged OK (RFC 6851 §4.3)', async () => {
    const uids = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const { client, commands } = fakeClient(['MOVE', 'UIDPLUS'], async (_c, _a, untagged) => {
      await untagged.OK!({ command: 'OK', attributes: [code('COPYUID', '7', '1:10000', '20001:30000')] });
      return ok();
    });
    const map = await uidMove(client, uids, 'Archive');
    expect(commands).toEqual([{ command: 'UID MOVE', attributes: [{ type: 'SEQUENCE', value: '1:10000' }, 'Archive'] }]);
    expect(map!.size).toBe(10_000);
    expect(map!.get(1)).toBe(20_001);
    expect(map!.get(10_000)).toBe(30_000);
  });

  it('falls back to UID COPY, \\Deleted and UID EXPUNGE of exactly those UIDs without MOVE', async () => {
    const { client, commands } = fakeClient(['UIDPLUS'], async (command) => (command === 'UID COPY' ? ok([code('COPYUID', '7', '3,5', '10:11')]) : ok()));
    const map = await uidMove(client, [5, 3], 'Trash');
    expect(commands.map((c) => c.command)).toEqual(['UID COPY', 'UID STORE', 'UID EXPUNGE']);
    expect(commands[2]!.attributes).toEqual([{ type: 'SEQUENCE', value: '3,5' }]);
    expect([...map!]).toEqual([[3, 10], [5, 11]]);
  });

  it('never sends a plain EXPUNGE: without UIDPLUS the fallback stops after the copy', async () => {
    const { client, commands } = fakeClient([], async () => ok());
    await expect(uidMove(client, [1], 'Trash')).rejects.toMatchObject({ code: 'refused' });
    expect(commands.map((c) => c.command)).toEqual(['UID COPY']);
  });

  it("keeps the NO's code, so a vanished target ([TRYCREATE]) can be told from a refusal", async () => {
    const { client } = fakeClient(['MOVE'], async () => {
      throw refused('TRYCREATE');
    });
    await expect(uidMove(client, [1], 'Gone')).rejects.toMatchObject({ code: 'refused', serverCode: 'TRYCREATE' });
  });

  it('answers null when the server sent no COPYUID', async () => {
    const { client } = fakeClient(['MOVE'], async () => ok());
    expect(await uidMove(client, [1], 'Archive')).toBeNull();
  });
});

describe('uidCopy', () => {
  it('reads COPYUID from the tagged OK and ignores a map whose sets differ in length', async () => {
    const good = fakeClient([], async () => ok([code('COPYUID', '7', '1:2', '8:9')]));
    expect([...(await uidCopy(good.client, [1, 2], 'X'))!]).toEqual([[1, 8], [2, 9]]);
    const bad = fakeClient([], async () => ok([code('COPYUID', '7', '1:3', '8:9')]));
    expect(await uidCopy(bad.client, [1, 2, 3], 'X')).toBeNull();
  });
});

describe('expandInOrder', () => {
  it('keeps the order of the parts (COPYUID pairs by position) and refuses garbage', () => {
    expect(expandInOrder('5:7,2')).toEqual([5, 6, 7, 2]);
    expect(expandInOrder('9:7')).toEqual([7, 8, 9]);
    expect(expandInOrder('1:x')).toBeNull();
  });
});
