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
    if (actual.protocol !== expected.protocol) return false;
    return expected.protocol === 'file:' ? actual.pathname === expected.pathname : actual.origin === expected.origin;
  } catch {
    return false;
  }
}
