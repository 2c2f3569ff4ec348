/**
 * Which flags a folder lets us change, from PERMANENTFLAGS (RFC 9051 §7.1): `\*` allows new
 * keywords; system flags must be listed. An ACL server (RFC 4314 §4) leaves out the flags the
 * user has no right to change. Pure.
 */
export function flagsNotPermitted(permanentFlags: readonly string[] | null, flags: readonly string[]): string[] {
  if (permanentFlags === null) return []; // the server did not say: RFC 9051 lets clients assume all
  const listed = new Set(permanentFlags.map((f) => f.toLowerCase()));
  const keywordsAllowed = listed.has('\\*');
  return flags.filter((flag) => {
    const lower = flag.toLowerCase();
    if (listed.has(lower)) return false;
    return flag.startsWith('\\') || !keywordsAllowed;
  });
}
