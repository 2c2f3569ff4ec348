/**
 * Server settings of well-known providers, keyed by the domain of the address. Taken from each
 * provider's own help pages; port 465 is implicit TLS (RFC 8314 §3.3), 587 submission with
 * STARTTLS (RFC 6409), 993 IMAP over TLS (RFC 8314 §3.2).
 */
import type { ServerSettings } from '../../../shared/model';

export interface ProviderSettings {
  imap: ServerSettings;
  smtp: ServerSettings;
}

function provider(imapHost: string, smtpHost: string, smtpPort: 465 | 587): ProviderSettings {
  return {
    imap: { host: imapHost, port: 993, security: 'tls' },
    smtp: { host: smtpHost, port: smtpPort, security: smtpPort === 465 ? 'tls' : 'starttls' },
  };
}

const gmail = provider('imap.gmail.com', 'smtp.gmail.com', 465);
const microsoft = provider('outlook.office365.com', 'smtp.office365.com', 587);
const yahoo = provider('imap.mail.yahoo.com', 'smtp.mail.yahoo.com', 465);
const icloud = provider('imap.mail.me.com', 'smtp.mail.me.com', 587);
const fastmail = provider('imap.fastmail.com', 'smtp.fastmail.com', 465);
const gmxNet = provider('imap.gmx.net', 'mail.gmx.net', 587);
const gmxCom = provider('imap.gmx.com', 'mail.gmx.com', 587);
// KPN took over the mail of Hetnet, Planet, Telfort; their addresses use KPN's servers.
const kpn = provider('imap.kpnmail.nl', 'smtp.kpnmail.nl', 587);
// Ziggo took over UPC, Casema, Chello, @Home and Zeelandnet mail.
const ziggo = provider('imap.ziggo.nl', 'smtp.ziggo.nl', 587);
const xs4all = provider('imap.xs4all.nl', 'smtp.xs4all.nl', 587);

const table: Record<string, ProviderSettings> = {
  'gmail.com': gmail,
  'googlemail.com': gmail,
  'outlook.com': microsoft,
  'outlook.nl': microsoft,
  'hotmail.com': microsoft,
  'hotmail.nl': microsoft,
  'hotmail.co.uk': microsoft,
  'live.com': microsoft,
  'live.nl': microsoft,
  'msn.com': microsoft,
  'office365.com': microsoft,
  'yahoo.com': yahoo,
  'yahoo.co.uk': yahoo,
  'yahoo.nl': yahoo,
  'ymail.com': yahoo,
  'rocketmail.com': yahoo,
  'icloud.com': icloud,
  'me.com': icloud,
  'mac.com': icloud,
  'fastmail.com': fastmail,
  'fastmail.fm': fastmail,
  'gmx.net': gmxNet,
  'gmx.de': gmxNet,
  'gmx.at': gmxNet,
  'gmx.ch': gmxNet,
  'gmx.com': gmxCom,
  'kpnmail.nl': kpn,
  'kpnplanet.nl': kpn,
  'planet.nl': kpn,
  'hetnet.nl': kpn,
  'telfort.nl': kpn,
  'telfortglasvezel.nl': kpn,
  'ziggo.nl': ziggo,
  'upcmail.nl': ziggo,
  'chello.nl': ziggo,
  'casema.nl': ziggo,
  'home.nl': ziggo,
  'zeelandnet.nl': ziggo,
  'xs4all.nl': xs4all,
  'aol.com': provider('imap.aol.com', 'smtp.aol.com', 465),
  'web.de': provider('imap.web.de', 'smtp.web.de', 587),
  't-online.de': provider('secureimap.t-online.de', 'securesmtp.t-online.de', 465),
  'posteo.de': provider('posteo.de', 'posteo.de', 587),
  'posteo.net': provider('posteo.de', 'posteo.de', 587),
  'mailbox.org': provider('imap.mailbox.org', 'smtp.mailbox.org', 465),
  'zoho.com': provider('imap.zoho.com', 'smtp.zoho.com', 465),
  'yandex.com': provider('imap.yandex.com', 'smtp.yandex.com', 465),
};

export function knownProvider(domain: string): ProviderSettings | null {
  return Object.hasOwn(table, domain) ? (table[domain] as ProviderSettings) : null;
}
