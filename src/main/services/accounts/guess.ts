/**
 * Pure guess of account settings from an email address: a well-known provider's servers, else
 * the common `imap.<domain>` / `smtp.<domain>` convention (what Thunderbird also tries first).
 */
import type { AccountSettings } from '../../../shared/model';
import { knownProvider } from './providers';

export function guessSettings(email: string): AccountSettings {
  const address = email.trim();
  const at = address.lastIndexOf('@');
  const local = at > 0 ? address.slice(0, at) : address;
  const domain = (at > 0 ? address.slice(at + 1) : '').toLowerCase();
  const known = knownProvider(domain);
  return {
    email: address,
    displayName: displayNameFrom(local),
    username: address,
    imap: known ? { ...known.imap } : { host: `imap.${domain}`, port: 993, security: 'tls' },
    smtp: known ? { ...known.smtp } : { host: `smtp.${domain}`, port: 587, security: 'starttls' },
  };
}

/** Dutch name particles stay lower case inside a name: "jan.van.der.berg" → "Jan van der Berg". */
const particles = new Set(['van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', 'op', 'in', "'t", 'von', 'du', 'la', 'le']);

export function displayNameFrom(localPart: string): string {
  const plusless = localPart.split('+')[0] ?? '';
  const words = plusless
    .split(/[._\-\s]+/)
    .map((w) => w.replace(/\d+/g, ''))
    .filter((w) => w.length > 0);
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (index > 0 && index < words.length - 1 && particles.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}
