import { afterEach, describe, expect, it } from 'vitest';
import type { BodyNode } from '../../../../../src/main/services/mail/bodyStructure';
import { buildBody } from '../../../../../src/main/services/mail/buildBody';
import { ParsePool } from '../../../../../src/main/services/mail/parsePool';
import type { AccountId } from '../../../../../src/shared/model';

const ref = { accountId: 'a' as AccountId, folderPath: 'INBOX', uid: 9 };
let pool: ParsePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const root: BodyNode = {
  type: 'multipart/mixed',
  childNodes: [
    { type: 'text/plain', encoding: 'quoted-printable', parameters: { charset: 'iso-8859-1' }, size: 20 },
    { type: 'application/pdf', encoding: 'base64', size: 4000, disposition: 'attachment', dispositionParameters: { filename: 'offerte.pdf' } },
  ],
};
const sections = new Map([
  ['HEADER', Buffer.from('From: Bob <bob@example.test>\r\nSubject: Offerte\r\n\r\n')],
  ['1', Buffer.from('Prijs: 10 =80, caf=E9')],
]);
const envelope = { date: 1_700_000_000_000, subject: 'Offerte (envelope)', messageId: '<m@x>', inReplyTo: null, from: [{ name: 'Bob', address: 'bob@example.test' }], sender: [], replyTo: [], to: [], cc: [] };

describe('buildBody when the parser runs out of budget (issue #10 §1)', () => {
  it('still shows the text parts, the attachment list from BODYSTRUCTURE and the envelope, never the raw source', async () => {
    pool = new ParsePool({ workerUrl: new URL('./workers/stuck.mjs', import.meta.url), size: 1, timeMs: 150 });
    const body = await buildBody(ref, root, sections, pool, envelope);
    expect(body.incomplete).toBe(true);
    expect(body.parts).toEqual([{ kind: 'text', text: 'Prijs: 10 €, café' }]);
    expect(body.attachments).toEqual([expect.objectContaining({ partId: '2', filename: 'offerte.pdf' })]);
    expect(body.headers).toMatchObject({ subject: 'Offerte (envelope)', from: [{ name: 'Bob', address: 'bob@example.test' }] });
  });

  it('gives one message one budget, not one per part: the parts after the first overrun are read the cheap way', async () => {
    pool = new ParsePool({ workerUrl: new URL('./workers/stuck.mjs', import.meta.url), size: 1, timeMs: 150 });
    const many: BodyNode = { type: 'multipart/mixed', childNodes: Array.from({ length: 50 }, () => ({ type: 'text/plain', encoding: '7bit', size: 5 })) };
    const parts = new Map([['HEADER', Buffer.from('Subject: x\r\n\r\n')], ...Array.from({ length: 50 }, (_, i) => [String(i + 1), Buffer.from(`part ${i + 1}`)] as [string, Buffer])]);
    const body = await buildBody(ref, many, parts, pool);
    expect(body.parts).toHaveLength(50);
    expect(body.parts?.[49]).toEqual({ kind: 'text', text: 'part 50' });
    expect(body.incomplete).toBe(true);
    expect(pool.stats.overBudget).toBe(1);
  });

  it('gives an HTML-only message a text for replies to quote, from its HTML', async () => {
    pool = new ParsePool();
    const html: BodyNode = { type: 'text/html', encoding: '7bit', parameters: { charset: 'utf-8' }, size: 40 };
    const body = await buildBody(ref, html, new Map([['HEADER', Buffer.from('Subject: h\r\n\r\n')], ['1', Buffer.from('<p>Hallo <b>Alice</b></p><script>x()</script>')]]), pool);
    expect(body.html).toContain('<b>Alice</b>');
    expect(body.text).toBe('Hallo Alice');
  });

  it('names an attached message without a file name by its subject', async () => {
    pool = new ParsePool();
    const forwarded: BodyNode = { type: 'multipart/mixed', childNodes: [{ type: 'text/plain', size: 2 }, { type: 'message/rfc822', size: 60, childNodes: [{ type: 'text/plain', size: 5 }] }] };
    const fetched = new Map([
      ['HEADER', Buffer.from('Subject: fw\r\n\r\n')],
      ['1', Buffer.from('zie')],
      ['2.HEADER', Buffer.from('Subject: Planning: Q1/Q2\r\nFrom: dave@partner.example\r\n\r\n')],
      ['2.1', Buffer.from('inner')],
    ]);
    const body = await buildBody(ref, forwarded, fetched, pool);
    expect(body.attachments).toEqual([expect.objectContaining({ partId: '2', filename: 'Planning_ Q1_Q2.eml', contentType: 'message/rfc822' })]);
    expect(body.parts?.[1]).toMatchObject({ kind: 'message', headers: { subject: 'Planning: Q1/Q2' }, parts: [{ kind: 'text', text: 'inner' }] });
  });

  it('reads the same message completely with a working parser', async () => {
    pool = new ParsePool();
    const body = await buildBody(ref, root, sections, pool, envelope);
    expect(body.incomplete).toBeUndefined();
    expect(body.parts).toEqual([{ kind: 'text', text: 'Prijs: 10 €, café' }]);
    expect(body.headers.subject).toBe('Offerte');
  });
});
