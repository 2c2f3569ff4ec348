/**
 * Opens a link from a mail outside the app: through main in Electron (which checks the scheme
 * again), or a new tab without opener or referrer in the browser. Only http, https and mailto.
 */
import { api, platform } from '../../api';

export function isOpenableUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function openLink(url: string): void {
  if (!isOpenableUrl(url)) return;
  if (platform.host === 'electron') void api.call('app.openExternal', { url });
  else window.open(url, '_blank', 'noopener,noreferrer');
}
