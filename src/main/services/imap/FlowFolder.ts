/**
 * The selected folder's operations on an imapflow client (imap/types.ts OpenFolder). Bodies are
 * always fetched with BODY.PEEK (imapflow's fetch builds `BODY.PEEK[…]`, RFC 9051 §6.4.5), so
 * reading never sets \Seen — in a shared mailbox that would be another person's read state.
 */
import type { ExpungeEvent, FetchMessageObject, ImapFlow } from 'imapflow';
import { compressUids } from '../../../shared/uidSet';
import type { FolderSnapshot, OpenFolder } from './types';
import { toEnvelope, toDate, flagList } from './convert';
import { readCapped } from '../io/readCapped';
import { leaves } from '../mail/bodyStructure';
import { ImapCommandError } from './imapErrors';

export class FlowFolder implements OpenFolder {
  constructor(
    private readonly client: ImapFlow,
    readonly snapshot: FolderSnapshot,
  ) {}

  currentExists(): number {
    return this.client.mailbox ? this.client.mailbox.exists : 0;
  }

  async searchUids(uidRange?: string): Promise<number[]> {
    const result = await this.client.search(uidRange ? { uid: uidRange } : { all: true }, { uid: true });
    if (!Array.isArray(result)) throw new ImapCommandError('searchFailed', `UID SEARCH failed in ${this.snapshot.path}`);
    return [...result].sort((a, b) => a - b);
  }

  async newestUids(count: number): Promise<number[]> {
    const exists = this.snapshot.exists;
    if (count < 1 || exists < 1) return [];
    const result = await this.client.search({ seq: `${Math.max(1, exists - count + 1)}:${exists}` }, { uid: true });
    if (!Array.isArray(result)) throw new ImapCommandError('searchFailed', `UID SEARCH failed in ${this.snapshot.path}`);
    return [...result].sort((a, b) => a - b);
  }

  async fetchSummaries(uids: readonly number[], part1Bytes?: number) {
    if (uids.length === 0) return [];
    const query = {
      uid: true,
      flags: true,
      envelope: true,
      bodyStructure: true,
      internalDate: true,
      size: true,
      ...(part1Bytes ? { bodyParts: [{ key: '1', start: 0, maxLength: part1Bytes }] } : {}),
    };
    const out = [];
    for await (const msg of this.client.fetch(compressUids(uids), query, { uid: true })) {
      const part1 = part1Bytes ? firstPart(msg) : null;
      out.push({
        ...(part1 ? { part1 } : {}),
        uid: msg.uid,
        flags: flagList(msg.flags),
        modseq: msg.modseq !== undefined ? msg.modseq.toString() : '0',
        envelope: msg.envelope ? toEnvelope(msg.envelope) : null,
        bodyStructure: msg.bodyStructure ?? null,
        internalDate: toDate(msg.internalDate),
        size: msg.size ?? 0,
      });
    }
    return out;
  }

  async fetchFlags(uidRange: string, changedSince: string | null) {
    const path = this.snapshot.path;
    const vanished: number[] = [];
    const onExpunge = (e: ExpungeEvent) => {
      if (e.path === path && e.vanished && e.uid !== undefined) vanished.push(e.uid);
    };
    this.client.on('expunge', onExpunge);
    const changes = [];
    try {
      const options = changedSince ? { uid: true, changedSince: BigInt(changedSince) } : { uid: true };
      for await (const msg of this.client.fetch(uidRange, { uid: true, flags: true }, options)) {
        changes.push({ uid: msg.uid, flags: flagList(msg.flags), modseq: msg.modseq !== undefined ? msg.modseq.toString() : '0' });
      }
    } finally {
      this.client.off('expunge', onExpunge);
    }
    return { changes, vanished };
  }

  async fetchPartPrefixes(uids: readonly number[], partId: string, bytes: number): Promise<Map<number, Buffer>> {
    const out = new Map<number, Buffer>();
    if (uids.length === 0) return out;
    const query = { uid: true, bodyParts: [{ key: partId, start: 0, maxLength: bytes }] };
    for await (const msg of this.client.fetch(compressUids(uids), query, { uid: true })) {
      const value = firstPart(msg);
      if (value) out.set(msg.uid, value);
    }
    return out;
  }

  async store(uids: readonly number[], add: readonly string[], remove: readonly string[]): Promise<void> {
    const range = compressUids(uids);
    if (add.length > 0 && !(await this.client.messageFlagsAdd(range, [...add], { uid: true }))) {
      throw new ImapCommandError('storeRefused', `The server refused to add ${add.join(' ')}`);
    }
    if (remove.length > 0 && !(await this.client.messageFlagsRemove(range, [...remove], { uid: true }))) {
      throw new ImapCommandError('storeRefused', `The server refused to remove ${remove.join(' ')}`);
    }
  }

  async messageSize(uid: number): Promise<number | null> {
    const msg = await this.client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
    return msg ? (msg.size ?? 0) : null;
  }

  async downloadSource(uid: number, maxBytes: number): Promise<Buffer | null> {
    const result = await this.client.download(String(uid), undefined, { uid: true, maxBytes });
    return result.content ? readCapped(result.content, maxBytes) : null;
  }

  async downloadPart(uid: number, partId: string, maxBytes: number) {
    // A server answers a part that does not exist with an empty body (RFC 9051 §6.4.5 leaves it
    // open), so check the BODYSTRUCTURE first: only its leaves are parts one can download.
    const msg = await this.client.fetchOne(String(uid), { uid: true, bodyStructure: true }, { uid: true });
    if (!msg || !msg.bodyStructure || !leaves(msg.bodyStructure).some((leaf) => leaf.partId === partId)) return null;
    // decodeText false: an attached .txt is saved as sent, not converted to UTF-8.
    const result = await this.client.download(String(uid), partId, { uid: true, maxBytes, decodeText: false });
    if (!result.content) return null;
    return {
      data: await readCapped(result.content, maxBytes),
      contentType: result.meta.contentType ?? 'application/octet-stream',
      filename: result.meta.filename ?? null,
    };
  }
  async deleteUids(uids: readonly number[]): Promise<void> {
    // RFC 4315 §2.1 UID EXPUNGE removes only these messages, never others another person marked
    // \Deleted in the same (shared) folder; a plain EXPUNGE would take theirs too.
    if (!this.client.capabilities.has('UIDPLUS')) {
      throw new ImapCommandError('noUidPlus', 'The server cannot delete single messages (no UIDPLUS)');
    }
    const ok = await this.client.messageDelete(compressUids(uids), { uid: true });
    if (!ok) throw new ImapCommandError('deleteFailed', `Deleting messages in ${this.snapshot.path} failed`);
  }

  async moveUids(uids: readonly number[], destination: string): Promise<void> {
    // MOVE (RFC 6851) where offered; imapflow falls back to COPY + STORE \Deleted + UID EXPUNGE.
    const result = await this.client.messageMove(compressUids(uids), destination, { uid: true });
    if (!result) throw new ImapCommandError('moveFailed', `Moving messages from ${this.snapshot.path} to ${destination} failed`);
  }

  async fetchSources(uids: readonly number[], maxBytes: number): Promise<Map<number, Buffer | null>> {
    const out = new Map<number, Buffer | null>();
    if (uids.length === 0) return out;
    // Sizes first, so one oversized message is never pulled into memory whole.
    const sizes = new Map<number, number>();
    for await (const msg of this.client.fetch(compressUids(uids), { uid: true, size: true }, { uid: true })) sizes.set(msg.uid, msg.size ?? 0);
    const fitting = [...sizes].filter(([, size]) => size <= maxBytes).map(([uid]) => uid);
    for (const [uid, size] of sizes) if (size > maxBytes) out.set(uid, null);
    if (fitting.length === 0) return out;
    // `source` compiles to BODY.PEEK[] (imapflow commands/fetch.js): reading never sets \Seen.
    for await (const msg of this.client.fetch(compressUids(fitting), { uid: true, source: true }, { uid: true })) {
      if (msg.source) out.set(msg.uid, msg.source);
    }
    return out;
  }

  async fetchSubjects(only?: readonly string[]): Promise<{ uid: number; subject: string; deleted: boolean }[]> {
    const out: { uid: number; subject: string; deleted: boolean }[] = [];
    if (this.currentExists() === 0 || (only && only.length === 0)) return out;
    let range = '1:*';
    let byUid = false;
    if (only) {
      const terms = only.map((subject) => ({ header: { subject } }));
      const found = await this.client.search(terms.length === 1 ? terms[0]! : { or: terms }, { uid: true });
      if (!Array.isArray(found)) throw new ImapCommandError('searchFailed', `UID SEARCH failed in ${this.snapshot.path}`);
      if (found.length === 0) return out;
      range = compressUids(found);
      byUid = true;
    }
    for await (const msg of this.client.fetch(range, { uid: true, flags: true, envelope: true }, { uid: byUid })) {
      out.push({ uid: msg.uid, subject: msg.envelope?.subject ?? '', deleted: msg.flags?.has('\\Deleted') ?? false });
    }
    return out;
  }
}

function firstPart(msg: FetchMessageObject): Buffer | null {
  for (const value of msg.bodyParts?.values() ?? []) return value;
  return null;
}
