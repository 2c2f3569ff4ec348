/**
 * Content-Transfer-Encoding decoding (RFC 2045 §6) with libqp and libbase64 (nodemailer's own
 * codecs, issue #10 §11), tolerating truncated input: snippets come from the first 2 KB of a part
 * (`BODY.PEEK[1]<0.2048>`), which usually ends mid-line, mid base64 quantum or mid `=XX` escape.
 * Only the cut-off tail is handled here; the decoding is the libraries'.
 */
import { decode as decodeBase64 } from 'libbase64';
import { decode as decodeQp } from 'libqp';

export function decodeTransfer(data: Buffer, encoding: string): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return decodeBase64Prefix(data);
    case 'quoted-printable':
      return decodeQuotedPrintable(data);
    default:
      return data; // 7bit, 8bit, binary and unknown encodings pass through
  }
}

/** Decodes whole 4-character quanta only, so a cut-off tail never produces garbage bytes. */
export function decodeBase64Prefix(data: Buffer): Buffer {
  const clean = data.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, '');
  const end = clean.indexOf('=');
  const body = end >= 0 ? clean.slice(0, end) : clean;
  const whole = end >= 0 ? body : body.slice(0, body.length - (body.length % 4));
  return decodeBase64(whole);
}

/** RFC 2045 §6.7 via libqp; an escape cut off at the very end (`=` or `=X`) is dropped first. */
export function decodeQuotedPrintable(data: Buffer): Buffer {
  const text = data.toString('latin1').replace(/=[0-9A-Fa-f]?$/, '');
  return decodeQp(text);
}

/** A whole part (not a prefix) to its bytes (RFC 2045 §6): inline images, calendar parts. */
export function decodePart(data: Buffer, encoding: string): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return decodeBase64(data.toString('latin1'));
    case 'quoted-printable':
      return decodeQp(data);
    default:
      return data;
  }
}
