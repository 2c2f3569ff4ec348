/**
 * Which web permissions the app grants (HOUSE_STYLE.md: denied by default). Only notifications,
 * and only to our own renderer: new-mail notifications per mailbox (issue #3). Mail frames,
 * camera, microphone, geolocation, clipboard reads… are all refused. Pure for unit tests.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, entryUrl: string): boolean {
  if (permission !== 'notifications') return false;
  try {
    const actual = new URL(requestingUrl);
    const expected = new URL(entryUrl);
    // As in senderCheck: scheme and host, since a custom scheme's `.origin` is "null"; never file://.
    if (expected.protocol === 'file:' || actual.protocol !== expected.protocol) return false;
    return actual.host === expected.host;
  } catch {
    return false;
  }
}
