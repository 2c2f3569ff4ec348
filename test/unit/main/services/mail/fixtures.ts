/** Synthetic messages (never a real person's mail), CRLF line ends as on the wire. */
const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

export const plain = crlf([
  'From: "Bob de Vries" <bob@example.test>',
  'To: alice@example.test, "Carol" <carol@example.test>',
  'Cc: undisclosed-recipients:;',
  'Sender: assistant@example.test',
  'Reply-To: replies@example.test',
  'Subject: =?utf-8?q?Caf=C3=A9_morgen?=',
  'Date: Tue, 14 May 2024 10:00:00 +0200',
  'Message-ID: <m1@example.test>',
  'References: <a@example.test> <b@example.test>',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Hallo Alice,',
  '',
  'Tot morgen!',
]);

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

export const htmlWithImageAndAttachment = crlf([
  'From: news@example.test',
  'To: alice@example.test',
  'Subject: Nieuws',
  'Date: Wed, 15 May 2024 08:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/related; boundary="rel"',
  '',
  '--rel',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p onclick="x()">Hallo <img src="cid:logo@example.test"><script>alert(1)</script></p>',
  '--rel',
  'Content-Type: image/png',
  'Content-ID: <logo@example.test>',
  'Content-Disposition: inline; filename="logo.png"',
  'Content-Transfer-Encoding: base64',
  '',
  png.toString('base64'),
  '--rel--',
  '--outer',
  'Content-Type: application/pdf',
  "Content-Disposition: attachment; filename*=utf-8''rapport%20%C3%A9t%C3%A9.pdf",
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 fake').toString('base64'),
  '--outer--',
  '',
]);

export const missingBoundary = crlf([
  'From: x@example.test',
  'Subject: no boundary',
  'Content-Type: multipart/mixed; boundary="never-used"',
  '',
  'This body has no boundary lines at all.',
]);

export const multipartWithoutBoundaryParam = crlf([
  'From: x@example.test',
  'Subject: no boundary parameter',
  'Content-Type: multipart/alternative',
  '',
  '--foo',
  'Content-Type: text/plain',
  '',
  'text',
  '--foo--',
]);

export const badCharset = crlf([
  'From: x@example.test',
  'Subject: =?x-made-up?B?SGFsbG8=?=',
  'Content-Type: text/plain; charset="x-made-up-charset"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Gr=C3=BC=C3=9Fe',
]);

export const brokenBase64 = crlf([
  'From: x@example.test',
  'Subject: broken base64',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: base64',
  '',
  'SGVsbG8g!!!d29y*bGQ',
]);

export function deeplyNested(depth: number): Buffer {
  const head: string[] = [];
  const tail: string[] = [];
  for (let i = 0; i < depth; i += 1) {
    head.push(`--b${i}`, `Content-Type: multipart/mixed; boundary="b${i + 1}"`, '');
    tail.unshift(`--b${i}--`);
  }
  const top = ['From: x@example.test', 'Subject: deep', 'Content-Type: multipart/mixed; boundary="b0"', ''];
  return crlf([...top, ...head, `--b${depth}`, 'Content-Type: text/plain', '', 'deep text', `--b${depth}--`, ...tail]);
}

export function bigInlineImage(bytes: number): Buffer {
  return crlf([
    'From: x@example.test',
    'Subject: big image',
    'Content-Type: multipart/related; boundary="r"',
    '',
    '--r',
    'Content-Type: text/html',
    '',
    '<img src="cid:big@x"><img src="cid:small@x">',
    '--r',
    'Content-Type: image/png',
    'Content-ID: <big@x>',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.concat([png, Buffer.alloc(bytes)]).toString('base64').replace(/.{76}/g, '$&\r\n'),
    '--r',
    'Content-Type: image/png',
    'Content-ID: <small@x>',
    'Content-Transfer-Encoding: base64',
    '',
    png.toString('base64'),
    '--r--',
  ]);
}

export const pngBytes = png;

/** Two hops' Authentication-Results (RFC 8601): the own server's on top, one folded. */
export const withAuthResults = crlf([
  'Authentication-Results: mx.example.test;',
  '  dmarc=fail header.from=example.test',
  'Received: from relay.other.test by mx.example.test',
  'Authentication-Results: relay.other.test; spf=pass smtp.mailfrom=other.test',
  'From: info@example.test',
  'Subject: auth',
  'Content-Type: text/plain',
  '',
  'body',
]);
