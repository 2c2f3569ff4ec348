/**
 * Which links may leave the app for the system browser or mail handler: the shared rule
 * (src/shared/links.ts, issue #10 §12), with a mailto: stripped of attach= and the like (§3).
 * Callers hand on the URL this returns, never the one they were given.
 */
export { safeExternalUrl } from '../../shared/links';
