/**
 * IMAP flags as bits (issue #11 §2: the list index holds flags in a typed array, not an array of
 * strings per message). The system flags of RFC 9051 §2.3.2 and the registered keywords the app
 * acts on (RFC 5788 registry: $Forwarded, $Junk, $NotJunk, $MDNSent) have a bit; any other
 * keyword is kept by name beside the bits. `\Recent` is session state and never stored.
 */
export const flagBit = {
  '\\Seen': 1,
  '\\Flagged': 2,
  '\\Answered': 4,
  '\\Draft': 8,
  '\\Deleted': 16,
  $Forwarded: 32,
  $Junk: 64,
  $NotJunk: 128,
  $MDNSent: 256,
} as const satisfies Record<string, number>;

const byLowerName = new Map<string, number>(Object.entries(flagBit).map(([name, bit]) => [name.toLowerCase(), bit]));
const names = Object.entries(flagBit) as [string, number][];

export const seenBit = flagBit['\\Seen'];
export const flaggedBit = flagBit['\\Flagged'];

/** Flags → bits + the keywords without a bit (IMAP flag names are case-insensitive, RFC 9051 §2.3.2). */
export function encodeFlags(flags: readonly string[]): { bits: number; keywords: string[] | undefined } {
  let bits = 0;
  let keywords: string[] | undefined;
  for (const flag of flags) {
    const bit = byLowerName.get(flag.toLowerCase());
    if (bit !== undefined) bits |= bit;
    else if (flag.toLowerCase() !== '\\recent') (keywords ??= []).push(flag);
  }
  return { bits, keywords };
}

export function decodeFlags(bits: number, keywords: readonly string[] | undefined): string[] {
  const flags: string[] = [];
  for (const [name, bit] of names) if (bits & bit) flags.push(name);
  if (keywords) flags.push(...keywords);
  return flags;
}

export const isUnreadBits = (bits: number): boolean => (bits & seenBit) === 0;
