/**
 * Content-Transfer-Encoding decoding (RFC 2045 §6) that tolerates truncated input: snippets come
 * from the first 2 KB of a part (`BODY.PEEK[1]<0.2048>`), which usually ends mid-line, mid
 * base64 quantum or mid `=XX` escape.
 */

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
  return Buffer.from(whole, 'base64');
}

/** RFC 2045 §6.7: `=XX` escapes and `=` soft line breaks; a truncated escape at the end is dropped. */
export function decodeQuotedPrintable(data: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  let o = 0;
  for (let i = 0; i < data.length; i += 1) {
    const byte = data[i] as number;
    if (byte !== 0x3d) {
      out[o++] = byte;
      continue;
    }
    const a = data[i + 1];
    const b = data[i + 2];
    if (a === undefined) break; // `=` at the very end: truncated
    if (a === 0x0d && b === 0x0a) {
      i += 2; // soft line break CRLF
      continue;
    }
    if (a === 0x0a) {
      i += 1; // soft line break with a bare LF
      continue;
    }
    if (b === undefined) break; // `=X` at the end: truncated
    const pair = String.fromCharCode(a, b);
    if (!/^[0-9A-Fa-f]{2}$/.test(pair)) {
      out[o++] = byte; // not an escape: keep the `=` literally (RFC 2045 §6.7 note 1)
      continue;
    }
    out[o++] = Number.parseInt(pair, 16);
    i += 2;
  }
  return out.subarray(0, o);
}
