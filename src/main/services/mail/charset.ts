/**
 * Bytes to text in a message's declared charset, with the WHATWG Encoding Standard's label
 * table (TextDecoder; Node ships full ICU). Never throws: mail lies about its charset.
 */

/** Charset labels mail uses that the Encoding Standard spells differently. */
const aliases: Record<string, string> = {
  'ks_c_5601-1987': 'euc-kr',
  'x-sjis': 'shift_jis',
  cp1252: 'windows-1252',
  utf8: 'utf-8',
};

/**
 * windows-1252 bytes 0x80–0x9F (undefined ones map to themselves, as in the Encoding Standard).
 * Done here because Node's TextDecoder decodes this label as ISO-8859-1, turning € into U+0080.
 */
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** latin1 maps each byte to the same code point; only 0x80–0x9F differ in windows-1252. */
function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(cp1252High[c.charCodeAt(0) - 0x80] as number));
}

/** Decoders by label: a summary sync decodes a snippet per message, mostly in one or two charsets. */
const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  const key = label || 'utf-8';
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(key);
    } catch {
      decoder = null; // unknown label
    }
    if (decoders.size < 64) decoders.set(key, decoder);
  }
  return decoder;
}

export function decodeCharset(bytes: Buffer, charset: string, truncated = false): string {
  const label = charset.trim().replace(/^"|"$/g, '').toLowerCase();
  const decoder = decoderFor(aliases[label] ?? label);
  let text: string;
  if (decoder?.encoding === 'windows-1252') {
    // us-ascii and iso-8859-1 are windows-1252 too (Encoding Standard): mail labelled so often has €.
    text = decodeWindows1252(bytes);
  } else if (decoder) {
    text = decoder.decode(bytes);
  } else {
    // Unknown charset: UTF-8 if the bytes are valid UTF-8 (most mislabelled mail is), else
    // windows-1252, which maps every byte to something readable.
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  // A prefix may end inside a multi-byte sequence; drop the replacement character it becomes.
  return truncated ? text.replace(/\uFFFD+$/, '') : text;
}
