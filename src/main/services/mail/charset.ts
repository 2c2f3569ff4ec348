/**
 * Bytes to text in a message's declared charset, with iconv-lite (the decoder mailparser and
 * imapflow use too). Never throws: mail lies about its charset. Issue #10 §11: no hand-written
 * code tables.
 */
import iconv from 'iconv-lite';

/**
 * Labels mail uses that iconv-lite reads differently from mail clients. us-ascii and
 * iso-8859-1 are read as windows-1252, as the WHATWG Encoding Standard does: mail labelled so
 * often carries € and curly quotes in 0x80–0x9F.
 */
const aliases: Record<string, string> = {
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'x-sjis': 'shift_jis',
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCharset(bytes: Buffer, charset: string, truncated = false): string {
  const label = charset.trim().replace(/^"|"$/g, '').toLowerCase() || 'utf-8';
  const name = aliases[label] ?? label;
  let text: string;
  if (iconv.encodingExists(name)) {
    text = iconv.decode(bytes, name, { stripBOM: true });
  } else {
    // Unknown charset: UTF-8 if the bytes are valid UTF-8 (most mislabelled mail is), else
    // windows-1252, which maps every byte to something readable.
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = iconv.decode(bytes, 'windows-1252');
    }
  }
  // A prefix may end inside a multi-byte sequence; drop the replacement character it becomes.
  return truncated ? text.replace(/\uFFFD+$/, '') : text;
}
