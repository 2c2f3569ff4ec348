import { describe, expect, it } from 'vitest';
import {
  conversationKey,
  escapeHtml,
  formatAddress,
  forwardHeaderText,
  forwardSubject,
  quoteHtml,
  quoteText,
  replyRecipients,
  replySubject,
  threading,
} from '../../../../src/shared/compose/replyDraft';
import type { MessageBody } from '../../../../src/shared/model';

type Headers = MessageBody['headers'];
const headers = (over: Partial<Headers>): Headers => ({
  from: [],
  to: [],
  cc: [],
  replyTo: [],
  sender: [],
  subject: '',
  date: 0,
  messageId: null,
  inReplyTo: null,
  references: [],
  deliveredTo: [],
  authResults: [],
  ...over,
});

describe('conversationKey', () => {
  it('is the first reference (the thread root)', () => {
    expect(conversationKey({ messageId: '<m3@x>', inReplyTo: '<m2@x>', references: ['<m1@x>', '<m2@x>'] })).toBe('<m1@x>');
  });
  it('is the parent without references, and the message itself without either', () => {
    expect(conversationKey({ messageId: '<m2@x>', inReplyTo: '<m1@x>', references: [] })).toBe('<m1@x>');
    expect(conversationKey({ messageId: '<m1@x>', inReplyTo: null, references: [] })).toBe('<m1@x>');
  });
  it('is null for a message without any id', () => {
    expect(conversationKey({ messageId: null, inReplyTo: null, references: [] })).toBeNull();
  });
  it('adds missing angle brackets and skips ids that are not ids', () => {
    expect(conversationKey({ messageId: null, inReplyTo: null, references: ['not an id', 'm1@x'] })).toBe('<m1@x>');
  });
  it('ignores an In-Reply-To naming several parents', () => {
    expect(conversationKey({ messageId: '<m3@x>', inReplyTo: '<a@x> <b@x>', references: [] })).toBe('<m3@x>');
  });
  it('is the same for every message of a conversation', () => {
    const root = { messageId: '<root@x>', inReplyTo: null, references: [] };
    const reply = { messageId: '<r1@x>', ...threading(root) };
    const replyToReply = { messageId: '<r2@x>', ...threading(reply) };
    expect(new Set([root, reply, replyToReply].map(conversationKey))).toEqual(new Set(['<root@x>']));
  });
});

describe('replySubject', () => {
  it.each([
    ['Offerte', 'Re: Offerte'],
    ['Re: Offerte', 'Re: Offerte'],
    ['RE: re:Offerte', 'Re: Offerte'],
    ['Aw: Antw: SV: VS: Offerte', 'Re: Offerte'],
    ['Re[2]: Offerte', 'Re: Offerte'],
    ['Re(3) : Offerte', 'Re: Offerte'],
    ['Fwd: Offerte', 'Re: Fwd: Offerte'],
    ['Re: Fwd: Offerte', 'Re: Fwd: Offerte'],
    ['Regarding: the plan', 'Re: Regarding: the plan'],
    ['Résumé ünd Grüße', 'Re: Résumé ünd Grüße'],
    ['  Re:   spaced  ', 'Re: spaced'],
    ['', 'Re: '],
  ])('%j → %j', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });
});

describe('forwardSubject', () => {
  it.each([
    ['Offerte', 'Fwd: Offerte'],
    ['Fwd: Offerte', 'Fwd: Offerte'],
    ['FW: fwd: Doorst: WG: Offerte', 'Fwd: Offerte'],
    ['Re: Offerte', 'Fwd: Re: Offerte'],
    ['Fwdx: Offerte', 'Fwd: Fwdx: Offerte'],
  ])('%j → %j', (subject, expected) => {
    expect(forwardSubject(subject)).toBe(expected);
  });
});

describe('threading (RFC 5322 §3.6.4)', () => {
  it('answers a first message: In-Reply-To and References are its Message-ID', () => {
    expect(threading({ messageId: '<m1@x>', inReplyTo: null, references: [] })).toEqual({ inReplyTo: '<m1@x>', references: ['<m1@x>'] });
  });
  it('appends the parent to its References', () => {
    expect(threading({ messageId: '<m3@x>', inReplyTo: '<m2@x>', references: ['<m1@x>', '<m2@x>'] })).toEqual({
      inReplyTo: '<m3@x>',
      references: ['<m1@x>', '<m2@x>', '<m3@x>'],
    });
  });
  it('uses the parent’s In-Reply-To when it has no References', () => {
    expect(threading({ messageId: '<m2@x>', inReplyTo: '<m1@x>', references: [] }).references).toEqual(['<m1@x>', '<m2@x>']);
  });
  it('brackets a bare In-Reply-To', () => {
    expect(threading({ messageId: '<m2@x>', inReplyTo: 'm1@x', references: [] }).references).toEqual(['<m1@x>', '<m2@x>']);
  });
  it('does not use an In-Reply-To naming several messages', () => {
    expect(threading({ messageId: '<m2@x>', inReplyTo: '<a@x> <b@x>', references: [] }).references).toEqual(['<m2@x>']);
  });
  it('has no threading when the parent has no ids at all', () => {
    expect(threading({ messageId: null, inReplyTo: null, references: [] })).toEqual({ inReplyTo: null, references: [] });
  });
  it('keeps the chain when the parent has no Message-ID', () => {
    expect(threading({ messageId: null, inReplyTo: null, references: ['<m1@x>'] })).toEqual({ inReplyTo: null, references: ['<m1@x>'] });
  });
  it('drops duplicates and ids that are not ids', () => {
    expect(threading({ messageId: '<m2@x>', inReplyTo: null, references: ['<m1@x>', 'bad id', '<m1@x>', '<m2@x>'] }).references).toEqual([
      '<m1@x>',
      '<m2@x>',
    ]);
  });
  it('caps long threads to the root and the last 19', () => {
    const refs = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`);
    const result = threading({ messageId: '<m30@x>', inReplyTo: '<m29@x>', references: refs });
    expect(result.references).toHaveLength(20);
    expect(result.references[0]).toBe('<m0@x>');
    expect(result.references[1]).toBe('<m12@x>');
    expect(result.references.at(-1)).toBe('<m30@x>');
  });
  it('keeps exactly 20 ids uncut', () => {
    const refs = Array.from({ length: 19 }, (_, i) => `<m${i}@x>`);
    expect(threading({ messageId: '<m19@x>', inReplyTo: null, references: refs }).references).toEqual([...refs, '<m19@x>']);
  });
});

describe('replyRecipients', () => {
  const customer = { name: 'Jörg Müller', address: 'joerg@customer.test' };
  const info = { name: 'Info', address: 'info@example.test' };
  const bob = { name: 'Bob', address: 'bob@example.test' };
  const carol = { name: 'Carol', address: 'carol@example.test' };
  const original = headers({ from: [customer], to: [info, bob], cc: [carol, { name: '', address: 'JOERG@customer.test' }] });

  it('replies to From', () => {
    expect(replyRecipients('reply', original, ['alice@example.test'], 'info@example.test')).toEqual({ to: [customer], cc: [] });
  });

  it('replies to Reply-To when present', () => {
    const replyTo = [{ name: 'Support', address: 'support@customer.test' }];
    expect(replyRecipients('reply', { ...original, replyTo }, [], 'info@example.test').to).toEqual(replyTo);
  });

  it('replies to the original To when answering one’s own sent mail', () => {
    const sent = headers({ from: [{ name: 'Info', address: 'INFO@example.test' }], to: [customer], cc: [bob] });
    expect(replyRecipients('reply', sent, ['alice@example.test'], 'info@example.test')).toEqual({ to: [customer], cc: [] });
    expect(replyRecipients('reply', sent, ['info@example.test'], 'alice@example.test').to).toEqual([customer]);
    expect(replyRecipients('replyAll', sent, ['alice@example.test'], 'info@example.test')).toEqual({ to: [customer], cc: [bob] });
  });

  it('replies to all: To and Cc in Cc, without the person’s addresses and without duplicates of To', () => {
    expect(replyRecipients('replyAll', original, ['alice@example.test', 'Info@Example.test'], 'info@example.test')).toEqual({
      to: [customer],
      cc: [bob, carol],
    });
  });

  it('drops the From address even when it is not among the person’s own', () => {
    expect(replyRecipients('replyAll', original, [], 'bob@example.test').cc).toEqual([info, carol]);
  });

  it('dedupes case-insensitively, keeping the first name', () => {
    const h = headers({ from: [customer], to: [{ name: 'Dana', address: 'dana@x.test' }], cc: [{ name: 'D.', address: 'DANA@x.test' }] });
    expect(replyRecipients('replyAll', h, [], 'me@example.test').cc).toEqual([{ name: 'Dana', address: 'dana@x.test' }]);
  });

  it('skips entries without an address', () => {
    const h = headers({ from: [{ name: 'Nobody', address: '' }, customer], cc: [{ name: 'x', address: ' ' }] });
    expect(replyRecipients('replyAll', h, [], 'me@example.test')).toEqual({ to: [customer], cc: [] });
  });

  it('is empty when the original has no sender at all', () => {
    expect(replyRecipients('replyAll', headers({}), [], 'me@example.test')).toEqual({ to: [], cc: [] });
  });
});

describe('quoteText', () => {
  it('quotes each line below the attribution, with a blank line above for the reply', () => {
    expect(quoteText('Hallo,\r\n\r\nGroet\n> eerder\n', 'On 1 May, Jörg wrote:')).toBe(
      '\nOn 1 May, Jörg wrote:\n> Hallo,\n>\n> Groet\n>> eerder',
    );
  });
  it('quotes an empty original as one empty quoted line', () => {
    expect(quoteText('', 'A wrote:')).toBe('\nA wrote:\n>');
  });
});

describe('quoteHtml', () => {
  it('puts the sanitised original in a cite blockquote and escapes the attribution', () => {
    expect(quoteHtml('<p>Hi <b>there</b></p>', 'Op 1 mei schreef "Jörg" <joerg@customer.test> & co:')).toBe(
      '<p><br></p><p>Op 1 mei schreef &quot;Jörg&quot; &lt;joerg@customer.test&gt; &amp; co:</p><blockquote type="cite"><p>Hi <b>there</b></p></blockquote>',
    );
  });
  it('escapes single quotes too', () => {
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });
});

describe('formatAddress', () => {
  it('shows name and address, or the bare address', () => {
    expect(formatAddress({ name: 'Jörg Müller', address: 'joerg@customer.test' })).toBe('Jörg Müller <joerg@customer.test>');
    expect(formatAddress({ name: ' ', address: 'a@x.test' })).toBe('a@x.test');
    expect(formatAddress({ name: 'A@X.test', address: 'a@x.test' })).toBe('a@x.test');
  });
});

describe('forwardHeaderText', () => {
  const labels = { header: 'Doorgestuurd bericht', from: 'Van', date: 'Datum', subject: 'Onderwerp', to: 'Aan', cc: 'Cc' };
  const formatDate = (ms: number): string => new Date(ms).toISOString();
  it('lists From, Date, Subject, To and Cc of the original', () => {
    const h = headers({
      from: [{ name: 'Jörg', address: 'joerg@customer.test' }],
      to: [{ name: '', address: 'info@example.test' }, { name: 'Bob', address: 'bob@example.test' }],
      cc: [{ name: '', address: 'carol@example.test' }],
      subject: 'Offerte — ü',
      date: Date.UTC(2024, 4, 1, 10, 0),
    });
    expect(forwardHeaderText(h, labels, formatDate)).toBe(
      '---------- Doorgestuurd bericht ---------\n' +
        'Van: Jörg <joerg@customer.test>\n' +
        'Datum: 2024-05-01T10:00:00.000Z\n' +
        'Onderwerp: Offerte — ü\n' +
        'Aan: info@example.test, Bob <bob@example.test>\n' +
        'Cc: carol@example.test\n',
    );
  });
  it('leaves out Cc when there is none and tolerates missing headers', () => {
    const text = forwardHeaderText(headers({}), { ...labels, header: 'Forwarded message' }, () => 'x');
    expect(text).toBe('---------- Forwarded message ---------\nVan:\nDatum: x\nOnderwerp:\nAan:\n');
  });
});
