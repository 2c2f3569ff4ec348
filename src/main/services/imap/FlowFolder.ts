/**
 * The selected folder's operations on an imapflow client (imap/types.ts OpenFolder). Bodies are
 * always fetched with BODY.PEEK (imapflow's fetch builds `BODY.PEEK[…]`, RFC 9051 §6.4.5), so
 * reading never sets \Seen — in a shared mailbox that would be another person's read state.
 */
import type { Readable } from 'node:stream';
import type { ExpungeEvent, FetchMessageObject, ImapFlow } from 'imapflow';
import { compressUids } from '../../../shared/uidSet';
import { referencesFromHeaderBlock } from '../../../shared/mail/messageIds';
import type { FetchedSummary, FolderSnapshot, OpenFolder, UidMap } from './types';
import { uidCopy, uidMove, unseenUids } from './folderOps';
import { toEnvelope, toDate, flagList } from './convert';
import { latestFlags, type FetchReply } from './fetchReplies';
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
      // BODY.PEEK[HEADER.FIELDS (REFERENCES)] for conversations (issue #12 §4, helper D).
      headers: ['references'],
    };
    // Each reply becomes its small row as it arrives: imapflow's message objects (raw envelope,
    // Dates, Sets, the bodyParts Map, an id hash) then die young instead of surviving a whole
    // batch of FETCH and being promoted to the old generation (issue #11 §6: GC was a quarter
    // of main's time in a 100,000-message sync). Only what fetchReplies.ts needs is kept of each.
    const replies: FetchReply[] = [];
    const wanted = new Set(uids);
    const out: FetchedSummary[] = [];
    const expunged = this.watchExpunges();
    try {
      for await (const msg of this.client.fetch(compressUids(uids), query, { uid: true })) {
        replies.push({ seq: msg.seq, uid: msg.uid, flags: msg.flags, modseq: msg.modseq });
        if (msg.uid === undefined || !wanted.delete(msg.uid)) continue;
        const row: FetchedSummary = {
          uid: msg.uid,
          flags: [],
          modseq: msg.modseq !== undefined ? msg.modseq.toString() : '0',
          envelope: msg.envelope ? toEnvelope(msg.envelope) : null,
          bodyStructure: msg.bodyStructure ?? null,
          internalDate: toDate(msg.internalDate),
          size: msg.size ?? 0,
        };
        // Set afterwards, not spread into the literal: a spread row costs microseconds each.
        const part1 = part1Bytes ? firstPart(msg) : null;
        if (part1) row.part1 = part1;
        const references = msg.headers ? referencesFromHeaderBlock(msg.headers.toString('latin1')) : [];
        if (references.length > 0) row.references = references;
        out.push(row);
      }
    } finally {
      expunged.stop();
    }
    // Unsolicited replies (fetchReplies.ts) only update the flags of the messages asked for.
    const flags = latestFlags(replies, !expunged.happened);
    for (const row of out) {
      const latest = flags.get(row.uid);
      row.flags = flagList(latest?.flags);
      if (latest?.modseq !== undefined) row.modseq = latest.modseq.toString();
    }
    return out;
  }

  async fetchFlags(uidRange: string, changedSince: string | null) {
    const expunged = this.watchExpunges();
    const replies: FetchMessageObject[] = [];
    try {
      const options = changedSince ? { uid: true, changedSince: BigInt(changedSince) } : { uid: true };
      for await (const msg of this.client.fetch(uidRange, { uid: true, flags: true }, options)) replies.push(msg);
    } finally {
      expunged.stop();
    }
    // The last word per message, unsolicited replies included (fetchReplies.ts).
    const changes = [...latestFlags(replies, !expunged.happened)].map(([uid, latest]) => ({
      uid,
      flags: flagList(latest.flags),
      modseq: latest.modseq !== undefined ? latest.modseq.toString() : '0',
    }));
    return { changes, vanished: expunged.vanished };
  }

  /**
   * Whether an expunge moved the sequence numbers while a command ran (RFC 9051 §7.5.1): then a
   * reply that names its message by number alone cannot be placed. VANISHED (EARLIER) answers a
   * CHANGEDSINCE fetch about what went before (RFC 7162 §3.2.10) and moves nothing.
   * `vanished`: the UIDs a VANISHED response named meanwhile.
   */
  private watchExpunges(): { readonly happened: boolean; readonly vanished: number[]; stop(): void } {
    const path = this.snapshot.path;
    const state = { happened: false, vanished: [] as number[], stop: () => this.client.off('expunge', onExpunge) };
    const onExpunge = (e: ExpungeEvent) => {
      if (e.path !== path) return;
      if (e.vanished && e.uid !== undefined) state.vanished.push(e.uid);
      if (!e.earlier) state.happened = true;
    };
    this.client.on('expunge', onExpunge);
    return state;
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
    const part = await this.openPart(uid, partId, maxBytes);
    if (!part) return null;
    const { content, ...meta } = part;
    return { data: await readCapped(content, maxBytes), ...meta };
  }

  /** A part's decoded content stream, or null when the message has no such part. */
  private async openPart(uid: number, partId: string, maxBytes?: number) {
    // A server answers a part that does not exist with an empty body (RFC 9051 §6.4.5 leaves it
    // open), so check the BODYSTRUCTURE first: only its leaves are parts one can download.
    const msg = await this.client.fetchOne(String(uid), { uid: true, bodyStructure: true }, { uid: true });
    if (!msg || !msg.bodyStructure || !leaves(msg.bodyStructure).some((leaf) => leaf.partId === partId)) return null;
    // decodeText false: an attached .txt is saved as sent, not converted to UTF-8.
    const result = await this.client.download(String(uid), partId, { uid: true, ...(maxBytes !== undefined ? { maxBytes } : {}), decodeText: false });
    if (!result.content) return null;
    return { content: result.content, contentType: result.meta.contentType ?? 'application/octet-stream', filename: result.meta.filename ?? null };
  }

  async fetchStructure(uid: number) {
    const msg = await this.client.fetchOne(String(uid), { uid: true, bodyStructure: true, envelope: true, size: true }, { uid: true });
    if (!msg) return null;
    return { bodyStructure: msg.bodyStructure ?? null, envelope: msg.envelope ? toEnvelope(msg.envelope) : null, size: msg.size ?? 0 };
  }

  async fetchSections(uid: number, sections: readonly { key: string; maxLength?: number }[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (sections.length === 0) return out;
    // BODY.PEEK[<section>]<0.n> (RFC 9051 §6.4.5): only what the reader shows, never \Seen.
    const bodyParts = sections.map((s) => (s.maxLength ? { key: s.key, start: 0, maxLength: s.maxLength } : s.key));
    const msg = await this.client.fetchOne(String(uid), { uid: true, bodyParts }, { uid: true });
    if (!msg) return out;
    if (msg.headers) out.set('HEADER', msg.headers);
    for (const [key, value] of msg.bodyParts ?? []) out.set(key.replace(/<\d+>$/, '').toUpperCase(), value);
    return out;
  }

  async streamPart(uid: number, partId: string, consume: (content: Readable, meta: { contentType: string; filename: string | null }) => Promise<void>): Promise<boolean> {
    // Streamed from the socket to `consume` (a file, an HTTP response): never whole in memory.
    const part = await this.openPart(uid, partId);
    if (!part) return false;
    const { content, ...meta } = part;
    await consume(content, meta);
    return true;
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

  moveUids(uids: readonly number[], destination: string): Promise<UidMap | null> {
    // Raw (folderOps.ts): the NO's code tells a vanished target ([TRYCREATE]) from a refusal.
    return uidMove(this.client, uids, destination);
  }

  copyUids(uids: readonly number[], destination: string): Promise<UidMap | null> {
    return uidCopy(this.client, uids, destination);
  }

  unseenUids(): Promise<number[]> {
    return unseenUids(this.client);
  }

  async copyFacts(uids: readonly number[]): Promise<{ uid: number; flags: string[]; internalDate: number | null; size: number }[]> {
    const out: { uid: number; flags: string[]; internalDate: number | null; size: number }[] = [];
    if (uids.length === 0) return out;
    const wanted = new Set(uids);
    for await (const msg of this.client.fetch(compressUids(uids), { uid: true, flags: true, internalDate: true, size: true }, { uid: true })) {
      if (!wanted.delete(msg.uid)) continue;
      out.push({ uid: msg.uid, flags: flagList(msg.flags), internalDate: toDate(msg.internalDate), size: msg.size ?? 0 });
    }
    return out;
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
