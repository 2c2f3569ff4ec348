/** Which links may leave the app for the system browser or mail handler. */
const allowed = new Set(['http:', 'https:', 'mailto:']);

export function isSafeExternalUrl(url: string): boolean {
  try {
    return allowed.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
