/**
 * Message submission (RFC 6409) of one prepared message: connect, STARTTLS or implicit TLS with
 * the settings of the connection test, AUTH as the person (issue #4 §2: SMTP always signs in as
 * the person, whatever the From), MAIL FROM with SIZE (RFC 1870), RCPT TO, DATA, QUIT.
 *
 * The message's size goes into the envelope, so nodemailer refuses it before MAIL FROM when the
 * server's EHLO SIZE is smaller, and a server that checks SIZE= refuses at MAIL FROM (552,
 * RFC 1870 §6.1): either way nothing is uploaded. Failures are SendFailures (sendErrors.ts).
 */
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { redact } from '../net/errorCodes';
import { classifySmtpError, type SendFailure } from './sendErrors';
import { connectionOptions, type SmtpLogin } from './smtpClient';

export interface SmtpEnvelope {
  /** RFC 5321 §4.1.1.2 reverse-path. */
  from: string;
  /** RFC 5321 §4.1.1.3 forward-paths: To, Cc and Bcc. */
  to: string[];
}

export interface Submitted {
  /** The server's final reply to DATA (`250 2.0.0 Ok: queued as …`). */
  response: string;
  /** Recipients the server refused while it took the message for the others. */
  rejected: { address: string; reply: string }[];
}

/** A refused or failed submission, classified. */
export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.message);
    this.name = 'SendError';
  }
}

export async function submitMessage(login: SmtpLogin, envelope: SmtpEnvelope, raw: Buffer): Promise<Submitted> {
  const connection = new SMTPConnection({ ...connectionOptions(login), logger: false, debug: false });
  // The connection reports late failures as events; without a listener they would crash main.
  let failed: ((error: unknown) => void) | null = null;
  connection.on('error', (error: unknown) => failed?.(error));
  const step = <T>(run: (done: (error: unknown, value?: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      failed = reject;
      run((error, value) => (error ? reject(error) : resolve(value as T)));
    });
  try {
    await step<void>((done) => connection.connect((error) => done(error ?? null)));
    await step<boolean | undefined>((done) => connection.login({ user: login.username, pass: login.password }, (error, ok) => done(error, ok)));
    const info = await step<SMTPConnection.SentMessageInfo>((done) =>
      connection.send({ from: envelope.from, to: envelope.to, size: raw.length }, raw, (error, value) => done(error, value)),
    );
    const errors = (info.rejectedErrors ?? []) as { recipient?: string; response?: string }[];
    return {
      response: info.response,
      rejected: info.rejected.map((address) => ({ address, reply: errors.find((e) => e.recipient === address)?.response ?? '' })),
    };
  } catch (error) {
    const failure = classifySmtpError(error);
    throw new SendError({ ...failure, message: redact(failure.message, [login.password]) });
  } finally {
    failed = () => undefined;
    // QUIT is polite (RFC 5321 §4.1.1.10); a dead connection is closed either way.
    try {
      connection.quit();
    } catch {
      connection.close();
    }
  }
}
