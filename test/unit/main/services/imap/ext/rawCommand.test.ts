// runCommand against a stand-in for imapflow's internal exec(), shaped like 2.10.2 (see the
// file comment in rawCommand.ts); the integration test checks the same paths against Dovecot.
import { describe, expect, it, vi } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { expectOk, responseCode, runCommand } from '../../../../../../src/main/services/imap/ext/rawCommand';
import { ImapExtError } from '../../../../../../src/main/services/imap/ext/imapValues';

type Untagged = Record<string, (r: unknown) => Promise<void>>;
const atom = (value: string) => ({ type: 'ATOM', value });
const text = (value: string) => ({ type: 'TEXT', value });

function fakeClient(exec: (command: string, attributes: unknown, options: { untagged: Untagged }) => Promise<unknown>) {
  const calls: string[] = [];
  const client = {
    capabilities: new Map(),
    preCheck: vi.fn(async () => void calls.push('preCheck')),
    autoidle: vi.fn(() => void calls.push('autoidle')),
    exec: vi.fn(async (c: string, a: unknown, o: { untagged: Untagged }) => {
      calls.push('exec');
      return exec(c, a, o);
    }),
  };
  return { client: client as unknown as ImapFlow & typeof client, calls };
}

const noError = (status: string, response: unknown) => Object.assign(new Error('Command failed'), { responseStatus: status, response });

describe('runCommand', () => {
  it('breaks IDLE first, releases the parked reader, re-arms IDLE, and collects parsed untagged data', async () => {
    const next = vi.fn();
    const { client, calls } = fakeClient(async (_c, _a, { untagged }) => {
      await untagged.MYRIGHTS!({ tag: '*', command: 'MYRIGHTS', attributes: [atom('INBOX'), atom('lr')] });
      return { response: { tag: '7', command: 'OK', attributes: [text('Myrights completed.')] }, next };
    });
    const result = await runCommand(client, 'MYRIGHTS', ['INBOX'], { untagged: { MYRIGHTS: (r) => r.attributes.length } });
    expect(result).toEqual({ status: 'OK', codeArgs: [], text: 'Myrights completed.', untagged: { MYRIGHTS: [2] } });
    expect(next).toHaveBeenCalledOnce();
    expect(calls).toEqual(['preCheck', 'exec', 'autoidle']);
  });

  it('returns an OK with a response code and its arguments', async () => {
    const { client } = fakeClient(async () => ({
      response: { tag: '9', command: 'OK', attributes: [{ type: 'ATOM', value: '', section: [atom('MODIFIED'), { type: 'SEQUENCE', value: '1:5' }] }, text('Conditional store failed')] },
      next: () => undefined,
    }));
    expect(await runCommand(client, 'UID STORE', [])).toMatchObject({ status: 'OK', code: 'MODIFIED', codeArgs: ['1:5'], text: 'Conditional store failed' });
  });

  it('turns a NO or BAD into a result, keeping what arrived before it', async () => {
    const { client } = fakeClient(async (_c, _a, { untagged }) => {
      await untagged.QUOTA!({ command: 'QUOTA', attributes: [atom('r'), []] });
      throw noError('NO', { tag: '8', command: 'NO', attributes: [{ type: 'ATOM', value: '', section: [atom('overquota')] }, text('Quota exceeded')] });
    });
    const result = await runCommand(client, 'APPEND', [], { untagged: { QUOTA: () => 'seen' } });
    expect(result).toEqual({ status: 'NO', code: 'OVERQUOTA', codeArgs: [], text: 'Quota exceeded', untagged: { QUOTA: ['seen'] } });
    expect(() => expectOk(result, 'Saving the draft')).toThrow(expect.objectContaining({ code: 'refused', serverCode: 'OVERQUOTA', message: 'Saving the draft: the server said [OVERQUOTA] Quota exceeded' }));
  });

  it('reads a NO that came without a tag (imapflow gives no response object then)', async () => {
    const { client } = fakeClient(async () => {
      throw Object.assign(new Error('Command failed'), { responseStatus: 'BAD', responseText: 'Must issue a STARTTLS command first', code: 'MissingTag' });
    });
    expect(await runCommand(client, 'NAMESPACE', false)).toMatchObject({ status: 'BAD', text: 'Must issue a STARTTLS command first' });
  });

  it('rethrows connection errors untouched and still re-arms IDLE', async () => {
    const lost = Object.assign(new Error('Connection not available'), { code: 'NoConnection' });
    const { client } = fakeClient(async () => {
      throw lost;
    });
    await expect(runCommand(client, 'NOOP', false)).rejects.toBe(lost);
    expect(client.autoidle).toHaveBeenCalledOnce();
  });

  it('fails loudly when a parser throws, instead of returning half an answer', async () => {
    const { client } = fakeClient(async (_c, _a, { untagged }) => {
      await untagged.LIST!({ command: 'LIST', attributes: [] });
      return { response: { command: 'OK', attributes: [] }, next: () => undefined };
    });
    const parse = () => {
      throw new Error('no flags');
    };
    await expect(runCommand(client, 'LIST', [], { untagged: { LIST: parse } })).rejects.toMatchObject({ code: 'protocol', message: expect.stringContaining('no flags') });
  });

  it.each([
    ['exec is gone', { exec: undefined }],
    ['autoidle is gone', { autoidle: undefined }],
  ])('detects a changed imapflow: %s', async (_name, patch) => {
    const { client } = fakeClient(async () => ({ response: { command: 'OK', attributes: [] }, next: () => undefined }));
    Object.assign(client, patch);
    await expect(runCommand(client, 'NOOP', false)).rejects.toMatchObject({ code: 'imapflowChanged' });
  });

  it('detects a changed resolved value, and releases the reader if it can', async () => {
    const next = vi.fn();
    const { client } = fakeClient(async () => ({ result: 'OK', next }));
    await expect(runCommand(client, 'NOOP', false)).rejects.toBeInstanceOf(ImapExtError);
    expect(next).toHaveBeenCalledOnce();
    const { client: other } = fakeClient(async () => ({ response: { command: 'OK', attributes: [] } }));
    await expect(runCommand(other, 'NOOP', false)).rejects.toMatchObject({ code: 'imapflowChanged' });
  });

  it('detects a changed untagged response shape', async () => {
    const { client } = fakeClient(async (_c, _a, { untagged }) => {
      await untagged.STATUS!({ command: 'STATUS', attributes: 'INBOX (MESSAGES 1)' });
      return { response: { command: 'OK', attributes: [] }, next: () => undefined };
    });
    await expect(runCommand(client, 'STATUS', [], { untagged: { STATUS: () => 1 } })).rejects.toMatchObject({ code: 'imapflowChanged' });
  });
});

describe('responseCode', () => {
  it('reads codes with list arguments and plain text', () => {
    expect(responseCode({ attributes: [{ type: 'ATOM', value: '', section: [atom('BADCHARSET'), [atom('UTF-8'), atom('US-ASCII')]] }, text('no')] })).toEqual({
      code: 'BADCHARSET',
      codeArgs: ['UTF-8 US-ASCII'],
      text: 'no',
    });
    expect(responseCode({ attributes: [text('Logged in')] })).toEqual({ codeArgs: [], text: 'Logged in' });
  });
});
