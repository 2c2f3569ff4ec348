import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../../../src/shared/model';
import { BatchChannel, type BatchBody } from '../../../../../src/main/services/sync/batchChannel';

const body: BatchBody = {
  kind: 'messages',
  accountId: 'acc' as AccountId,
  folderPath: 'INBOX',
  reset: false,
  upserts: [],
  flagUpdates: [],
  removedUids: [],
  cursor: null,
  progress: { done: 0, total: 0 },
};

describe('BatchChannel', () => {
  it('resolves a send once the window acknowledges its batch id', async () => {
    const ids: string[] = [];
    const channel = new BatchChannel(() => ({ id: 1, sink: (_event, payload) => ids.push((payload as { batchId: string }).batchId) }), 60_000);
    const sent = channel.send(body, new AbortController().signal);
    expect(ids).toHaveLength(1);
    expect(channel.ack(ids[0]!)).toBe(true);
    await expect(sent).resolves.toBeUndefined();
    expect(channel.ack(ids[0]!)).toBe(false);
  });

  it('rejects a send whose window cannot take the batch, and leaves nothing waiting for its acknowledgement', async () => {
    let batchId = '';
    const channel = new BatchChannel(
      () => ({
        id: 1,
        sink: (_event, payload) => {
          batchId = (payload as { batchId: string }).batchId;
          throw new Error('window destroyed');
        },
      }),
      60_000,
    );
    await expect(channel.send(body, new AbortController().signal)).rejects.toThrow('window destroyed');
    expect(channel.ack(batchId)).toBe(false);
  });
});
