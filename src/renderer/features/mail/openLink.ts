/**
 * Opens a link from a mail outside the app: through main in Electron (which checks it again),
 * or a new tab without opener or referrer in the browser. The rule is the shared one
 * (src/shared/links.ts, issue #10 §12): http, https and mailto only, and a mailto: is handed
 * on without attach= and the like (§3).
 */
import { safeExternalUrl } from '../../../shared/links';
import { api, platform } from '../../api';

export function openLink(url: string): void {
  const safe = safeExternalUrl(url);
  if (!safe) return;
  if (platform.host === 'electron') void api.call('app.openExternal', { url: safe });
  else window.open(safe, '_blank', 'noopener,noreferrer');
}
