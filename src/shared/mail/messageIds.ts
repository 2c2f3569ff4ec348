/**
 * Message-IDs as threading reads them (issue #12 §4): the msg-ids of a References or
 * In-Reply-To field (RFC 5322 §3.6.4, `"<" id-left "@" id-right ">"`), read tolerantly — mail
 * in the wild carries comments, phrases ("your message of …"), ids without brackets, folded
 * lines and duplicates in these fields. Pure; used by main (the summary FETCH) and the renderer
 * (the conversation index).
 */

/**
 * References kept per message in the cache: the first (the conversation's root, which every
 * later message names first) and the last 20 (the nearest ancestors). RFC 5322 sets no limit and
 * long threads carry hundreds; threading needs the root and the parent, the rest only bridges
 * gaps (JWZ), so 21 ids bound a summary's size (~1 KB at most) without losing a conversation.
 */
export const keptReferences = 21;

/**
 * The msg-ids in a header value, in order, duplicates dropped, each as `<id>`. Text outside
 * angle brackets is skipped; a value with no bracketed id at all falls back to its
 * whitespace-separated words that look like `left@right` (old clients dropped the brackets).
 */
export function msgIdsIn(value: string): string[] {
  const bracketed = value.match(/<[^<>\s]+>/g);
  const found = bracketed ?? value.split(/[\s,]+/).filter((word) => /^[^<>\s@]+@[^<>\s@]+$/.test(word)).map((word) => `<${word}>`);
  return [...new Set(found)];
}

/** The first `keep - 20` ids and the last 20 of a list (the root and the nearest ancestors). */
export function boundReferences(ids: readonly string[], keep = keptReferences): string[] {
  if (ids.length <= keep) return [...ids];
  const head = Math.max(1, keep - 20);
  return [...ids.slice(0, head), ...ids.slice(ids.length - (keep - head))];
}

/**
 * The References of a raw header block as imapflow returns it for
 * `BODY.PEEK[HEADER.FIELDS (REFERENCES)]` ("References: <a> <b>\r\n\r\n", possibly folded,
 * possibly the field twice): every field's ids in order, bounded to `keptReferences`.
 */
export function referencesFromHeaderBlock(raw: string): string[] {
  const values: string[] = [];
  // Unfold (RFC 5322 §2.2.3) and take each References field's value.
  for (const line of raw.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const match = /^references\s*:(.*)$/i.exec(line);
    if (match) values.push(match[1] as string);
  }
  return boundReferences(msgIdsIn(values.join(' ')));
}

/**
 * The comparable form of one Message-ID (or the first id of an In-Reply-To): the text inside
 * the brackets, or the trimmed value when it has none; null for nothing usable. Case is kept:
 * id-left is case-sensitive (RFC 5322 §3.6.4), and clients copy ids verbatim.
 */
export function msgIdKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const first = msgIdsIn(raw)[0];
  if (first) return first.slice(1, -1);
  const text = raw.trim();
  return text && !/[\s<>]/.test(text) ? text : null;
}
