import { describe, expect, it } from 'vitest';
import { classifySmtpError, enhancedCode, isSenderRefusal } from '../../../../../src/main/services/smtp/sendErrors';

const postfixNotOwned = '553 5.7.1 <info@example.test>: Sender address rejected: not owned by user carol@example.test';

describe('classifySmtpError', () => {
  it('reads Postfix reject_sender_login_mismatch at RCPT TO as the sender refused, with the server words', () => {
    const error = {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      response: postfixNotOwned,
      responseCode: 553,
      rejected: ['x@example.org'],
      rejectedErrors: [{ recipient: 'x@example.org', response: postfixNotOwned, responseCode: 553 }],
    };
    expect(classifySmtpError(error)).toEqual({ code: 'senderRefused', message: postfixNotOwned, permanent: true });
  });

  it('a 5xx at MAIL FROM is the sender', () => {
    expect(classifySmtpError({ code: 'EENVELOPE', command: 'MAIL FROM', response: '550 5.1.8 Bad sender', responseCode: 550 }).code).toBe('senderRefused');
  });

  it('other RCPT refusals name the recipients', () => {
    const error = {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      response: '550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown',
      responseCode: 550,
      rejected: ['nobody@example.test'],
      rejectedErrors: [{ recipient: 'nobody@example.test', response: '550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown' }],
    };
    expect(classifySmtpError(error)).toEqual({
      code: 'recipientRefused',
      message: '550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown',
      permanent: true,
      recipients: ['nobody@example.test'],
    });
  });

  it('size: refused by us before upload (EHLO SIZE) and by the server (552 / 5.3.4)', () => {
    expect(classifySmtpError({ code: 'EMESSAGE', command: 'MAIL FROM', message: 'Message size larger than allowed 10240000' })).toMatchObject({ code: 'messageTooLarge', permanent: true });
    expect(classifySmtpError({ code: 'EENVELOPE', command: 'MAIL FROM', response: '552 5.3.4 Message size exceeds fixed limit', responseCode: 552 }).code).toBe('messageTooLarge');
  });

  it('authentication, network, TLS and temporary failures', () => {
    expect(classifySmtpError({ code: 'EAUTH', command: 'AUTH PLAIN', response: '535 5.7.8 Error: authentication failed', responseCode: 535 })).toMatchObject({ code: 'authFailed', permanent: true });
    expect(classifySmtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' })).toMatchObject({ code: 'offline', permanent: false });
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toMatchObject({ code: 'offline', permanent: false });
    expect(classifySmtpError({ code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED', message: 'certificate has expired' })).toMatchObject({ code: 'tlsFailed', permanent: true });
    expect(classifySmtpError({ code: 'ETLS', message: 'Connection closed unexpectedly' })).toMatchObject({ code: 'offline', permanent: false });
    expect(classifySmtpError({ code: 'EENVELOPE', command: 'RCPT TO', response: '451 4.3.0 Try again later', responseCode: 451 })).toMatchObject({ code: 'serverError', permanent: false });
    expect(classifySmtpError({ code: 'EMESSAGE', command: 'DATA', response: '554 5.6.0 Rejected', responseCode: 554 })).toMatchObject({ code: 'serverError', permanent: true });
  });
});

describe('reply parsing', () => {
  it('reads the RFC 3463 enhanced code', () => {
    expect(enhancedCode(postfixNotOwned)).toBe('5.7.1');
    expect(enhancedCode('250 Ok')).toBeNull();
  });

  it('tells a sender refusal from a recipient one at RCPT TO', () => {
    expect(isSenderRefusal('RCPT TO', postfixNotOwned)).toBe(true);
    expect(isSenderRefusal('RCPT TO', '550 5.1.1 <x@y>: Recipient address rejected: User unknown')).toBe(false);
    expect(isSenderRefusal('RCPT TO', '554 5.7.1 <x@y>: Relay access denied')).toBe(false);
  });
});
