import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../src/shared/errors';
import { ImapCommandError, isConnectionLoss, isTooManyConnections, redactError, toAppError } from '../../../../../src/main/services/imap/imapErrors';
import { TooLargeError } from '../../../../../src/main/services/io/readCapped';

const err = (props: Record<string, unknown>, message = 'Command failed') => Object.assign(new Error(message), props);
const mapped = (error: unknown, password: string | null = null) => toAppError(error, 'imap.example.test', password) as AppError;

describe('toAppError', () => {
  it('maps a login failure to authFailed with the server words, password removed', () => {
    const e = mapped(err({ authenticationFailed: true, response: 'NO [AUTHENTICATIONFAILED] bad pw hunter2' }), 'hunter2');
    expect(e).toMatchObject({ code: 'authFailed' });
    expect(e.message).toContain('AUTHENTICATIONFAILED');
    expect(e.message).not.toContain('hunter2');
  });

  it("maps Dovecot's connection limit to tooManyConnections, not to a wrong password (issue #10 §9)", () => {
    // What imapflow 2.10 reports for the 11th login against Dovecot 2.3's default limit (seen on the test stack).
    const limit = err({
      authenticationFailed: true,
      responseStatus: 'NO',
      serverResponseCode: 'LIMIT',
      response: '2 NO [LIMIT] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
      responseText: 'Maximum number of connections from user+IP exceeded (mail_max_userip_connections=10)',
    });
    expect(mapped(limit)).toMatchObject({ code: 'tooManyConnections' });
    expect(isTooManyConnections(limit)).toBe(true);
    expect(isTooManyConnections(err({ code: 'NoConnection' }, '* BYE Maximum number of connections from user+IP exceeded'))).toBe(true);
    expect(isTooManyConnections(err({ authenticationFailed: true, response: 'NO [AUTHENTICATIONFAILED] Authentication failed.' }))).toBe(false);
  });

  it('maps certificate failures to connectionFailed, naming the problem', () => {
    const e = mapped(err({ code: 'CERT_HAS_EXPIRED' }));
    expect(e).toMatchObject({ code: 'connectionFailed', details: { code: 'tlsCertExpired' } });
    expect(e.message).toMatch(/expired/);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'NoConnection', 'EConnectionClosed', 'ECONNRESET', 'CONNECT_TIMEOUT'])('maps %s to offline', (code) => {
    expect(mapped(err({ code }))).toMatchObject({ code: 'offline' });
    expect(isConnectionLoss(err({ code }))).toBe(true);
  });

  it('maps refusals: NO / BAD, a missing folder, a failed command', () => {
    expect(mapped(err({ responseStatus: 'NO', responseText: 'Permission denied' }))).toMatchObject({
      code: 'serverRefused',
      message: 'imap.example.test: Permission denied',
    });
    expect(mapped(err({ responseStatus: 'NO', mailboxMissing: true, path: 'Gone' }))).toMatchObject({
      code: 'serverRefused',
      message: 'The folder Gone no longer exists on imap.example.test',
    });
    expect(mapped(new ImapCommandError('storeRefused', 'The server refused to add \\Flagged'))).toMatchObject({ code: 'serverRefused' });
  });

  it('maps a size cap to tooLarge and keeps AppErrors as they are', () => {
    expect(mapped(new TooLargeError(50 * 1024 * 1024))).toMatchObject({ code: 'tooLarge', message: 'Content is larger than 50 MB' });
    const app = new AppError('noPassword', 'x');
    expect(mapped(app)).toBe(app);
  });

  it('returns anything else unchanged, for the dispatcher to report as internal', () => {
    const weird = new TypeError('bug');
    expect(toAppError(weird, 'h', null)).toBe(weird);
    expect(isConnectionLoss(weird)).toBe(false);
  });
});

describe('redactError', () => {
  it('scrubs the password from every text field of an error', () => {
    const e = redactError(err({ response: 'A1 NO s3cret', responseText: 's3cret' }, 'login s3cret failed'), 's3cret') as Record<string, string>;
    expect(JSON.stringify([e.message, e.response, e.responseText, e.stack])).not.toContain('s3cret');
  });
});

describe('toAppError for raw-command failures (ImapExtError)', () => {
  it('maps refused to serverRefused with the server words, unsupported to unsupported, protocol to internal with a log', async () => {
    const { ImapExtError } = await import('../../../../../src/main/services/imap/ext/imapValues');
    const refused = mapped(new ImapExtError('refused', 'NO [NOPERM] Not showing other users’ quota', 'NOPERM'));
    expect(refused).toMatchObject({ code: 'serverRefused', details: { serverCode: 'NOPERM' } });
    expect(refused.message).toContain('Not showing');
    expect(mapped(new ImapExtError('unsupported', 'no QUOTA'))).toMatchObject({ code: 'unsupported' });
    const logs: string[] = [];
    const internal = toAppError(new ImapExtError('protocol', 'Expected MYRIGHTS'), 'h', null, (_l, m) => logs.push(m)) as AppError;
    expect(internal.code).toBe('internal');
    expect(internal.message).not.toContain('Expected');
    expect(logs[0]).toContain('Expected MYRIGHTS');
  });
});
