/**
 * Which FETCH replies answer our command, and what they say about flags (issue #10 §13). Pure.
 *
 * While a server answers a UID FETCH it may also send news of its own: unsolicited FETCH
 * responses about flag changes (RFC 9051 §7.5.2; with CONDSTORE they carry MODSEQ, RFC 7162
 * §3.2.4), and imapflow hands them over like the answers. Dovecot does this in a shared mailbox
 * with private flags (INDEXPVT): it answers from the session's view first — without the flags
 * another session just set — and then sends the current FLAGS again by sequence number alone,
 * without a UID. Reading the UID-less reply as "no message" kept the stale answer; reading a
 * reply without FLAGS as "no flags" cleared them. Either way the cache held wrong flags at the
 * very modseq its cursor then claimed, so no later pass repaired them: a member's "Answered by
 * alice" vanished as soon as he opened the message (the order-dependent replyShared e2e).
 *
 * The rules: replies are read in the order they arrived and the last word per message wins (a
 * later reply comes from a later view); a reply without UID belongs to the message with its
 * sequence number in the same answer, unless an expunge during the command shifted the numbers
 * (RFC 9051 §7.5.1); a reply without FLAGS says nothing about flags.
 */

export interface FetchReply {
  seq: number;
  /** Absent in unsolicited replies (RFC 9051 §7.5.2 requires UID only in answers to UID commands). */
  uid?: number;
  flags?: Set<string>;
  modseq?: bigint;
}

export interface LatestFlags {
  flags: Set<string>;
  /** The modseq of the reply the flags came from, if it carried one. */
  modseq: bigint | undefined;
}

/** The UID each reply is about: its own, or the one its sequence number had in this answer. */
export function replyUids(replies: readonly FetchReply[], seqsStable: boolean): (number | undefined)[] {
  const uidOfSeq = new Map<number, number>();
  for (const reply of replies) if (reply.uid !== undefined) uidOfSeq.set(reply.seq, reply.uid);
  return replies.map((reply) => reply.uid ?? (seqsStable ? uidOfSeq.get(reply.seq) : undefined));
}

/** The last flags each message was reported with, in order of first mention. */
export function latestFlags(replies: readonly FetchReply[], seqsStable: boolean): Map<number, LatestFlags> {
  const uids = replyUids(replies, seqsStable);
  const latest = new Map<number, LatestFlags>();
  replies.forEach((reply, index) => {
    const uid = uids[index];
    if (uid === undefined || reply.flags === undefined) return;
    latest.set(uid, { flags: reply.flags, modseq: reply.modseq ?? latest.get(uid)?.modseq });
  });
  return latest;
}
