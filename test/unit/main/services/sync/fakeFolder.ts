/**
 * An in-memory OpenFolder: what a server would answer, for testing the pass logic without one.
 */
import type { FetchedSummary, FlagChange, FolderSnapshot, OpenFolder } from '../../../../../src/main/services/imap/types';

export interface FakeMessage {
  uid: number;
  flags: string[];
  modseq: string;
  text?: string;
  /** multipart/mixed around multipart/alternative: the text is part 1.1, not 1. */
  alternative?: boolean;
}

function inRange(range: string, uid: number): boolean {
  return range.split(',').some((part) => {
    const [a, b] = part.split(':');
    const lo = Number(a);
    const hi = b === undefined ? lo : b === '*' ? Infinity : Number(b);
    return uid >= Math.min(lo, hi) && uid <= Math.max(lo, hi);
  });
}

export class FakeFolder implements OpenFolder {
  readonly calls: string[] = [];
  constructor(
    readonly snapshot: FolderSnapshot,
    private readonly messages: FakeMessage[],
    private readonly vanishedSince: number[] = [],
  ) {}

  currentExists(): number {
    return this.messages.length;
  }

  async searchUids(range?: string): Promise<number[]> {
    this.calls.push(`search ${range ?? 'ALL'}`);
    return this.messages.map((m) => m.uid).filter((uid) => range === undefined || inRange(range, uid));
  }

  async newestUids(count: number): Promise<number[]> {
    this.calls.push(`newest ${count}`);
    return this.messages
      .map((m) => m.uid)
      .sort((a, b) => a - b)
      .slice(-count);
  }

  async fetchSummaries(uids: readonly number[], part1Bytes?: number): Promise<FetchedSummary[]> {
    this.calls.push(`summaries ${uids.length}${part1Bytes ? ` +part1 ${part1Bytes}` : ''}`);
    return this.messages
      .filter((m) => uids.includes(m.uid))
      .map((m) => ({
        uid: m.uid,
        flags: m.flags,
        modseq: m.modseq,
        envelope: {
          date: 1_700_000_000_000 + m.uid,
          subject: `Message ${m.uid}`,
          messageId: `<${m.uid}@example.test>`,
          inReplyTo: null,
          from: [{ name: 'Bob', address: 'bob@example.test' }],
          sender: [{ name: 'Bob', address: 'bob@example.test' }],
          replyTo: [],
          to: [{ name: '', address: 'alice@example.test' }],
          cc: [],
        },
        bodyStructure: m.alternative
          ? {
              type: 'multipart/mixed',
              childNodes: [
                { type: 'multipart/alternative', childNodes: [{ type: 'text/plain', encoding: '7bit' }, { type: 'text/html', encoding: '7bit' }] },
                { type: 'application/pdf', disposition: 'attachment' },
              ],
            }
          : { type: 'text/plain', encoding: '7bit', parameters: { charset: 'utf-8' } },
        internalDate: 1_700_000_100_000 + m.uid,
        size: 100 + m.uid,
        // Part 1 of a multipart is the MIME body of its first child, here its raw text.
        ...(part1Bytes ? { part1: Buffer.from(m.alternative ? `--b\r\n${this.text(m)}` : this.text(m)).subarray(0, part1Bytes) } : {}),
      }));
  }

  private text(m: FakeMessage): string {
    return m.text ?? `Hello ${m.uid}`;
  }

  async fetchFlags(range: string, changedSince: string | null): Promise<{ changes: FlagChange[]; vanished: number[] }> {
    this.calls.push(`flags ${range} ${changedSince ?? '-'}`);
    const changes = this.messages
      .filter((m) => inRange(range, m.uid))
      .filter((m) => changedSince === null || BigInt(m.modseq) > BigInt(changedSince))
      .map((m) => ({ uid: m.uid, flags: m.flags, modseq: m.modseq }));
    return { changes, vanished: changedSince === null ? [] : this.vanishedSince.filter((u) => inRange(range, u)) };
  }

  async fetchPartPrefixes(uids: readonly number[], partId: string, bytes: number): Promise<Map<number, Buffer>> {
    this.calls.push(`parts ${partId} ${uids.length} <${bytes}>`);
    return new Map(this.messages.filter((m) => uids.includes(m.uid)).map((m) => [m.uid, Buffer.from(this.text(m)).subarray(0, bytes)]));
  }

  async store(): Promise<void> {
    throw new Error('not used');
  }
  async messageSize(): Promise<number | null> {
    throw new Error('not used');
  }
  async downloadSource(): Promise<Buffer | null> {
    throw new Error('not used');
  }
  async downloadPart(): Promise<null> {
    throw new Error('not used');
  }

  async deleteUids(): Promise<void> {
    throw new Error('not used');
  }

  async moveUids(): Promise<Map<number, number> | null> {
    throw new Error('not used');
  }

  async copyUids(): Promise<Map<number, number> | null> {
    throw new Error('not used');
  }

  async unseenUids(): Promise<number[]> {
    throw new Error('not used');
  }

  async copyFacts(): Promise<never[]> {
    throw new Error('not used');
  }
}

export function snapshot(partial: Partial<FolderSnapshot> = {}): FolderSnapshot {
  return {
    path: 'INBOX',
    uidValidity: 1,
    uidNext: 1,
    highestModseq: '0',
    exists: 0,
    readOnly: false,
    permanentFlags: null,
    ...partial,
  };
}

export function messages(uids: number[], modseq = (uid: number) => String(uid * 10)): FakeMessage[] {
  return uids.map((uid) => ({ uid, flags: [], modseq: modseq(uid) }));
}
