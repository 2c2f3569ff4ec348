/**
 * Main's local drafts: a sent message's marker refuses saves, is forgotten after a week, and an
 * account's drafts and markers go with the account (issue #10 §6, §7).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../../../src/shared/model/compose';
import { DraftStore, sentMarkerMs } from '../../../../../src/main/services/drafts/DraftStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postvak-drafts-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const message = (id: string, accountId: string): OutgoingMessage => ({
  id, accountId, identityId: `${accountId}:own`, to: [], cc: [], bcc: [], subject: 'S', text: 'T', html: null,
  attachments: [], inReplyTo: null, references: [], origin: null, draft: null,
});

describe('DraftStore', () => {
  it('a sealed draft is no draft any more: saves are refused, discarding keeps the marker', async () => {
    const drafts = new DraftStore(dir);
    await drafts.put(message('draft-0001', 'acc-a'), { folderPath: 'Drafts', uid: 7, mailboxId: 'acc-a:own' });
    expect(await drafts.seal('draft-0001', 'acc-a')).toMatchObject({ folderPath: 'Drafts', uid: 7 });
    expect(await drafts.list()).toEqual([]);
    await expect(drafts.put(message('draft-0001', 'acc-a'))).rejects.toMatchObject({ code: 'alreadySending' });
    await drafts.remove('draft-0001');
    expect(await drafts.isSent('draft-0001')).toBe(true);
  });

  it('forgets a marker after a week', async () => {
    const drafts = new DraftStore(dir);
    await drafts.seal('draft-0002', 'acc-a');
    await drafts.list(Date.now() + sentMarkerMs - 60_000);
    expect(await drafts.isSent('draft-0002')).toBe(true);
    await drafts.list(Date.now() + sentMarkerMs + 60_000);
    expect(await drafts.isSent('draft-0002')).toBe(false);
  });

  it("removes an account's drafts and markers, and only those", async () => {
    const drafts = new DraftStore(dir);
    await drafts.put(message('draft-a001', 'acc-a'));
    await drafts.seal('draft-a002', 'acc-a');
    await drafts.put(message('draft-b001', 'acc-b'));
    await drafts.removeAccount('acc-a');
    expect(await readdir(join(dir, 'drafts'))).toEqual(['draft-b001.json']);
    expect((await drafts.list()).map((d) => d.message.id)).toEqual(['draft-b001']);
  });
});
