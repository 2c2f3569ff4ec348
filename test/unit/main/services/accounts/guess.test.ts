import { describe, expect, it } from 'vitest';
import { displayNameFrom, guessSettings } from '../../../../../src/main/services/accounts/guess';

describe('guessSettings', () => {
  it.each([
    ['jan@gmail.com', 'imap.gmail.com', 993, 'tls', 'smtp.gmail.com', 465, 'tls'],
    ['jan@googlemail.com', 'imap.gmail.com', 993, 'tls', 'smtp.gmail.com', 465, 'tls'],
    ['jan@outlook.com', 'outlook.office365.com', 993, 'tls', 'smtp.office365.com', 587, 'starttls'],
    ['jan@hotmail.com', 'outlook.office365.com', 993, 'tls', 'smtp.office365.com', 587, 'starttls'],
    ['jan@live.nl', 'outlook.office365.com', 993, 'tls', 'smtp.office365.com', 587, 'starttls'],
    ['jan@yahoo.com', 'imap.mail.yahoo.com', 993, 'tls', 'smtp.mail.yahoo.com', 465, 'tls'],
    ['jan@icloud.com', 'imap.mail.me.com', 993, 'tls', 'smtp.mail.me.com', 587, 'starttls'],
    ['jan@me.com', 'imap.mail.me.com', 993, 'tls', 'smtp.mail.me.com', 587, 'starttls'],
    ['jan@fastmail.com', 'imap.fastmail.com', 993, 'tls', 'smtp.fastmail.com', 465, 'tls'],
    ['jan@gmx.net', 'imap.gmx.net', 993, 'tls', 'mail.gmx.net', 587, 'starttls'],
    ['jan@gmx.de', 'imap.gmx.net', 993, 'tls', 'mail.gmx.net', 587, 'starttls'],
    ['jan@kpnmail.nl', 'imap.kpnmail.nl', 993, 'tls', 'smtp.kpnmail.nl', 587, 'starttls'],
    ['jan@hetnet.nl', 'imap.kpnmail.nl', 993, 'tls', 'smtp.kpnmail.nl', 587, 'starttls'],
    ['jan@ziggo.nl', 'imap.ziggo.nl', 993, 'tls', 'smtp.ziggo.nl', 587, 'starttls'],
    ['jan@xs4all.nl', 'imap.xs4all.nl', 993, 'tls', 'smtp.xs4all.nl', 587, 'starttls'],
  ])('%s → %s:%i / %s:%i', (email, imapHost, imapPort, imapSec, smtpHost, smtpPort, smtpSec) => {
    const s = guessSettings(email);
    expect(s.imap).toEqual({ host: imapHost, port: imapPort, security: imapSec });
    expect(s.smtp).toEqual({ host: smtpHost, port: smtpPort, security: smtpSec });
    expect(s.username).toBe(email);
    expect(s.email).toBe(email);
  });

  it('uses imap.<domain> over TLS and smtp.<domain> with STARTTLS for unknown domains', () => {
    const s = guessSettings('info@bakkerij-de-vries.nl');
    expect(s.imap).toEqual({ host: 'imap.bakkerij-de-vries.nl', port: 993, security: 'tls' });
    expect(s.smtp).toEqual({ host: 'smtp.bakkerij-de-vries.nl', port: 587, security: 'starttls' });
  });

  it('matches the domain case-insensitively but keeps the address as typed', () => {
    const s = guessSettings('Jan@GMail.COM');
    expect(s.imap.host).toBe('imap.gmail.com');
    expect(s.email).toBe('Jan@GMail.COM');
  });

  it('returns copies, so a caller editing a guess cannot change the provider table', () => {
    const first = guessSettings('a@gmail.com');
    first.imap.port = 1;
    expect(guessSettings('b@gmail.com').imap.port).toBe(993);
  });

  it('does not take inherited object keys for providers', () => {
    expect(guessSettings('x@constructor').imap.host).toBe('imap.constructor');
    expect(guessSettings('x@__proto__').imap.host).toBe('imap.__proto__');
  });
});

describe('displayNameFrom', () => {
  it.each([
    ['jan', 'Jan'],
    ['jan.jansen', 'Jan Jansen'],
    ['jan.van.der.berg', 'Jan van der Berg'],
    ['piet_de_vries', 'Piet de Vries'],
    ['anne-marie', 'Anne Marie'],
    ['j.smith+news', 'J Smith'],
    ['sales2024', 'Sales'],
    ['VAN', 'Van'],
    ['', ''],
  ])('%s → %s', (local, name) => {
    expect(displayNameFrom(local)).toBe(name);
  });
});
