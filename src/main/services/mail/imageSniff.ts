/**
 * A loose check that bytes served as `image/*` are an image: the renderer shows them as data:
 * URLs, and a server that labels HTML or a script as an image should not get it there. Pure.
 */

function startsWith(bytes: Buffer, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function looksLikeImage(bytes: Buffer, contentType: string): boolean {
  if (bytes.length < 4) return false;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return true; // PNG
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return true; // JPEG
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return true;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return true;
  if (startsWith(bytes, ascii('BM'))) return true; // BMP
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return true; // ICO
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return true; // TIFF
  if (startsWith(bytes, ascii('ftyp'), 4)) return true; // AVIF / HEIC (ISO BMFF)
  if (contentType === 'image/svg+xml') {
    // An SVG shown through <img> runs no script and loads nothing (HTML spec, "SVG as image").
    const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('<') && /<svg[\s>]/i.test(head);
  }
  return false;
}
