/**
 * Every method rejects bad input with `invalidInput` before any handler runs. Iterates over the
 * contract's method names, so a new method without a case here fails to compile (the record
 * below is keyed by MethodName) and a new handler cannot skip validation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames, type MethodName } from '../../../src/shared/api';
import { dispatch, type Handlers } from '../../../src/main/rpc/dispatch';
import { createServices, MemorySecretStore, type Services } from '../../../src/main/rpc/createServices';

const settings = {
  email: 'alice@example.test',
  displayName: 'Alice',
  username: 'alice@example.test',
  imap: { host: 'imap.example.test', port: 993, security: 'tls' },
  smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' },
};

const outgoing = {
  id: 'draft-0001',
  accountId: 'a',
  identityId: 'a:own',
  to: [{ name: 'Customer', address: 'customer@example.test' }],
  cc: [],
  bcc: [],
  subject: 'Hello',
  text: 'Hi',
  html: null,
  attachments: [],
  inReplyTo: null,
  references: [],
  origin: null,
  draft: null,
};

/** A valid event (calendar.save near misses change one field of it). */
const calendarEvent = {
  uid: 'event-1@example.test',
  summary: 'Site visit',
  location: '',
  description: '',
  start: { dateTime: '2026-12-07T10:00:00', timeZone: 'Europe/Amsterdam' },
  end: { dateTime: '2026-12-07T11:00:00', timeZone: 'Europe/Amsterdam' },
  allDay: false,
  alarms: [],
  sequence: 0,
  created: 0,
  lastModified: 0,
  createdBy: null,
  lastModifiedBy: null,
  extraProperties: [],
  recurrence: null,
  exceptions: { excluded: [], overrides: {} },
};

/** Inputs that are almost right: one field wrong, so nested validation is exercised too. */
const nearMisses: Record<MethodName, unknown[]> = {
  'app.info': [{ verbose: true }],
  'app.openExternal': [{ url: 42 }, { url: 'x'.repeat(9000) }, { url: 'https://a.test', extra: 1 }],
  'accounts.list': [{ all: true }],
  'app.openWindow': [{ route: 'settings' }, { route: 'compose/../../etc' }, { route: 'compose/abc' }],
  'accounts.guess': [{ email: 'not-an-email' }, { email: `${'a'.repeat(320)}@example.test` }],
  'accounts.test': [
    { settings, password: '' },
    { settings: { ...settings, imap: { ...settings.imap, port: 0 } }, password: 'x' },
    { settings: { ...settings, imap: { ...settings.imap, host: 'evil host;rm' } }, password: 'x' },
  ],
  'accounts.add': [
    { settings, password: 'x' },
    { settings: { ...settings, smtp: { ...settings.smtp, security: 'ssl' } }, password: 'x', rememberPassword: true },
    { settings: { ...settings, password: 'x' }, password: 'x', rememberPassword: true },
  ],
  'accounts.update': [{ id: '', settings, rememberPassword: true }, { id: 'a', settings, password: '', rememberPassword: true }],
  'accounts.remove': [{ id: '' }, { id: 'x'.repeat(65) }],
  'mailboxes.setHidden': [
    { accountId: 'a', mailboxId: 'a:shared:info@example.test' },
    { accountId: 'a', mailboxId: '', hidden: true },
    { accountId: 'a', mailboxId: 'a:own', hidden: 'yes' },
  ],
  'mailboxes.setOffline': [
    { accountId: 'a', mailboxId: 'a:own' },
    { accountId: 'a', mailboxId: 'a:own', days: -1 },
    { accountId: 'a', mailboxId: 'a:own', days: 3651 },
    { accountId: 'a', mailboxId: 'a:own', days: 7.5 },
  ],
  'mailboxes.addManual': [
    { accountId: 'a', prefix: '', address: 'info@example.test', displayName: 'Info' },
    { accountId: 'a', prefix: 'Shared/info/', address: 'not an address', displayName: 'Info' },
    { accountId: 'a', prefix: 'Shared/info/', address: 'info@example.test', displayName: 'x'.repeat(201) },
  ],
  'mailboxes.setRoute': [{ accountId: 'a' }, { accountId: 'a', address: 'not an address' }, { accountId: '', address: 'info@example.test' }],
  'mailboxes.removeManual': [{ accountId: 'a' }, { accountId: '', mailboxId: 'a:manual:x/' }, { accountId: 'a', mailboxId: 'x'.repeat(601) }],
  'app.setBadge': [{ count: -1 }, { count: 1.5 }, { count: '3' }, { count: 2_000_000 }],
  'sync.start': [
    { accountId: 'a' },
    { accountId: 'a', cursors: [{ path: 'INBOX', uidValidity: 1, uidNext: 1, highestModseq: '12x', count: 0 }] },
    { accountId: 'a', cursors: [{ path: 'INBOX', uidValidity: -1, uidNext: 1, highestModseq: '1', count: 0 }] },
  ],
  'sync.ack': [{ batchId: '' }, { batchId: 7 }],
  'sync.stop': [{}],
  'sync.focus': [{ accountId: 'a' }, { accountId: 'a', folderPath: '' }, { accountId: 'a', folderPath: 'x'.repeat(1001) }, { accountId: 'a', folderPath: 'INBOX', extra: 1 }],
  'message.body': [
    { accountId: 'a', folderPath: 'INBOX', uid: 0 },
    { accountId: 'a', folderPath: 'INBOX', uid: 1.5 },
    { accountId: 'a', folderPath: '', uid: 1 },
  ],
  'message.saveAttachment': [
    { accountId: 'a', folderPath: 'INBOX', uid: 1, partId: '../1' },
    { accountId: 'a', folderPath: 'INBOX', uid: 1, partId: '1 (BODY[])' },
    { accountId: 'a', folderPath: 'INBOX', uid: 1 },
  ],
  'message.remoteImages': [
    { accountId: 'a', folderPath: 'INBOX', uid: 1, urls: 'http://a.test/x.png' },
    { accountId: 'a', folderPath: 'INBOX', uid: 1, urls: Array(101).fill('http://a.test/x.png') },
    { urls: ['http://a.test/x.png'] },
  ],
  'tasks.queue': [
    { task: { type: 'explode' } },
    { task: { type: 'setFlags', accountId: 'a', folderPath: 'INBOX', uids: [], add: ['\\Seen'], remove: [] } },
    { task: { type: 'setFlags', accountId: 'a', folderPath: 'INBOX', uids: [1], add: ['\\Seen) (\\Deleted'], remove: [] } },
    { task: { type: 'setFlags', accountId: 'a', folderPath: 'INBOX', uids: [2 ** 32], add: [], remove: [] } },
    { task: { type: 'delete', accountId: 'a', folderPath: 'INBOX', uids: [] } },
    { task: { type: 'delete', accountId: 'a', folderPath: '', uids: [1] } },
    { task: { type: 'delete', accountId: 'a', folderPath: 'INBOX', uids: [1], expunge: true } },
    { task: { type: 'send', message: outgoing, delaySeconds: 61 } },
    { task: { type: 'send', message: { ...outgoing, bcc: [{ name: 'x', address: 'a b@c' }] }, delaySeconds: 5 } },
  ],
  'deletions.list': [{ accountId: 'a' }, { accountId: 'a', folderPath: '' }, { accountId: 'a', folderPath: 'Trash', uid: 1 }],
  'files.save': [{ suggestedName: '', dataBase64: 'AA==' }, { suggestedName: 'a.txt' }],
  'identities.list': [{ accountId: 'a' }],
  'identities.update': [
    { accountId: 'a', entries: [{ address: 'not an address' }] },
    { accountId: 'a', entries: [{ address: 'sales@example.test', sendMode: 'always' }] },
    { accountId: 'a', entries: [{ address: 'sales@example.test', sentCopies: 'nowhere' }] },
    { accountId: '', entries: [] },
  ],
  'identities.import': [{ accountId: 'a' }, { accountId: 'a', json: 7 }],
  'drafts.save': [
    { message: { ...outgoing, id: 'short' } },
    { message: { ...outgoing, to: [{ name: '', address: 'nope' }] } },
    { message: { ...outgoing, inReplyTo: 'no-brackets@x' } },
    { message: { ...outgoing, attachments: [{ kind: 'data', id: 'a1', filename: 'x', contentType: 'text/plain', size: 1, dataBase64: '!!' }] } },
    { message: { ...outgoing, attachments: [{ kind: 'part', id: 'a1', filename: 'x', contentType: 'text/plain', size: 1, source: { accountId: 'a', folderPath: 'INBOX', uid: 1, partId: '1 BODY[]' } }] } },
    { message: { ...outgoing, extra: true } },
  ],
  'drafts.open': [{ accountId: 'a', folderPath: 'Drafts', uid: 0 }, { accountId: 'a', folderPath: '' , uid: 1 }],
  'drafts.local': [{ all: true }],
  'drafts.discard': [{ id: '' }, {}],
  'outbox.list': [{ state: 'sent' }],
  'outbox.retry': [{ id: '' }, { id: 3 }],
  'outbox.cancel': [{}, { id: 'x'.repeat(65) }],
  'message.answers': [{ accountId: 'a', folderPath: 'INBOX' }, { accountId: 'a', folderPath: 'INBOX', uid: -1 }],
  'calendar.ensure': [{ accountId: 'a' }, { accountId: 'a', mailboxId: '' }, { accountId: 'a', mailboxId: 'a:own', create: true }],
  'calendar.save': [
    { accountId: 'a', folderPath: 'Calendar', event: calendarEvent },
    { accountId: 'a', folderPath: 'Calendar', event: { ...calendarEvent, uid: 'has space' }, base: null },
    { accountId: 'a', folderPath: 'Calendar', event: { ...calendarEvent, start: { dateTime: '2026-12-07T10:00:00', timeZone: 'Mars/Olympus' } }, base: null },
    { accountId: 'a', folderPath: 'Calendar', event: { ...calendarEvent, start: { dateTime: '2026-12-07 10:00', timeZone: 'UTC' } }, base: null },
    { accountId: 'a', folderPath: 'Calendar', event: { ...calendarEvent, recurrence: { freq: 'hourly' } }, base: null },
    { accountId: 'a', folderPath: 'Calendar', event: { ...calendarEvent, alarms: [{ minutesBefore: 15 }] }, base: null },
    { accountId: 'a', folderPath: 'Calendar', event: { ...calendarEvent, injected: '<script>' }, base: null },
    { accountId: 'a', folderPath: 'Calendar', event: calendarEvent, base: { imapUid: 0, modseq: '5' } },
    { accountId: 'a', folderPath: 'Calendar', event: calendarEvent, base: { imapUid: 3, modseq: '-1' } },
    { accountId: 'a', folderPath: '', event: calendarEvent, base: null },
  ],
  'calendar.delete': [
    { accountId: 'a', folderPath: 'Calendar' },
    { accountId: 'a', folderPath: 'Calendar', base: null },
    { accountId: 'a', folderPath: 'Calendar', base: { imapUid: 3, modseq: 7 } },
    { accountId: 'a', folderPath: 'Calendar', base: { imapUid: 2 ** 33, modseq: '7' } },
    { accountId: 'a', folderPath: 'Calendar', base: { imapUid: 3, modseq: '7' }, eventUid: '' },
  ],
  'calendar.import': [
    { accountId: 'a', folderPath: 'Calendar', ics: '' },
    { accountId: 'a', folderPath: 'Calendar' },
    { accountId: 'a', folderPath: 'Calendar', ics: 'x'.repeat(20 * 1024 * 1024 + 1) },
  ],
  'calendar.export': [
    { accountId: 'a', folderPath: 'Calendar', eventUid: '' },
    { accountId: 'a', folderPath: 'Calendar', eventUid: 42 },
    { accountId: '', folderPath: 'Calendar' },
  ],
  'search.server': [
    { searchId: 's1', query: { clauses: [] }, folders: [] },
    { searchId: '', query: { clauses: [] }, folders: [{ accountId: 'a', folderPath: 'INBOX', cached: null }] },
    { searchId: 's1', query: { clauses: [[{ term: { kind: 'text', field: 'everywhere', value: 'x', phrase: false }, negated: false }]] }, folders: [{ accountId: 'a', folderPath: 'INBOX', cached: null }] },
    { searchId: 's1', query: { clauses: [[]] }, folders: [{ accountId: 'a', folderPath: 'INBOX', cached: null }] },
    { searchId: 's1', query: { clauses: Array.from({ length: 41 }, () => [{ term: { kind: 'is', state: 'unread' }, negated: false }]) }, folders: [{ accountId: 'a', folderPath: 'INBOX', cached: null }] },
  ],
  'search.cancel': [{ searchId: '' }, { searchId: 'x'.repeat(65) }, {}],
  'search.offlineTexts': [
    { accountId: 'a', folderPath: 'INBOX', afterUid: -1, limit: 10 },
    { accountId: 'a', folderPath: 'INBOX', afterUid: 0, limit: 201 },
    { accountId: 'a', folderPath: '', afterUid: 0, limit: 10 },
  ],
};

const garbage: unknown[] = [42, 'string', true, [], [1, 2], { __proto__: { polluted: true }, unexpected: 1 }];

let dir: string;
let services: Services;
let handlers: Handlers;
const openExternal = vi.fn(async () => undefined);
const saveFile = vi.fn(async () => true);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postvak-contract-'));
  services = createServices({
    profileDir: dir,
    secrets: new MemorySecretStore(),
    extraCa: [],
    appVersion: '0.0.0-test',
    host: 'browser',
    systemLocale: 'nl-NL',
    openExternal,
    saveFile,
  });
  handlers = services.connect(() => undefined).handlers;
});

afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('contract validation', () => {
  it('has a handler for every method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
  });

  it('leaves files.save out when the host has no save dialog', async () => {
    const other = createServices({
      profileDir: dir,
      secrets: new MemorySecretStore(),
      extraCa: [],
      appVersion: '0',
      host: 'browser',
      systemLocale: '',
      openExternal,
    });
    const h = other.connect(() => undefined).handlers;
    expect(h['files.save']).toBeUndefined();
    expect(await dispatch(h, 'files.save', { suggestedName: 'a', dataBase64: '' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    await other.close();
  });

  describe.each(methodNames.map((m) => [m]))('%s', (method) => {
    it.each([...garbage, ...nearMisses[method]].map((input, i) => [i, input]))('rejects input #%i', async (_i, input) => {
      const spy = vi.fn();
      const guarded: Handlers = Object.fromEntries(Object.entries(handlers).map(([k, fn]) => [k, (...a: unknown[]) => (spy(k), (fn as (...x: unknown[]) => unknown)(...a))]));
      const result = await dispatch(guarded, method, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
      expect(spy).not.toHaveBeenCalled();
    });
  });

  it('app.openWindow: unsupported in the browser host, passed to the host that has windows', async () => {
    expect(await dispatch(handlers, 'app.openWindow', { route: 'compose/abcdefgh12' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const openWindow = vi.fn(async () => undefined);
    const electron = createServices({ profileDir: dir, secrets: new MemorySecretStore(), extraCa: [], appVersion: '0', host: 'electron', systemLocale: '', openExternal, openWindow });
    const h = electron.connect(() => undefined).handlers;
    expect(await dispatch(h, 'app.openWindow', { route: 'compose/abcdefgh12' })).toEqual({ ok: true, value: null });
    expect(openWindow).toHaveBeenCalledWith('compose/abcdefgh12');
    await electron.close();
  });

  it('rejects an unknown method', async () => {
    expect(await dispatch(handlers, 'accounts.drop', {})).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
  });

  it('refuses to open non-web links, before calling the host', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'ms-settings:']) {
      expect(await dispatch(handlers, 'app.openExternal', { url })).toMatchObject({ ok: false, error: { code: 'notPermitted' } });
    }
    expect(await dispatch(handlers, 'app.openExternal', { url: 'not a url' })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(openExternal).not.toHaveBeenCalled();
    expect(await dispatch(handlers, 'app.openExternal', { url: 'mailto:bob@example.test' })).toEqual({ ok: true, value: null });
    expect(openExternal).toHaveBeenCalledWith('mailto:bob@example.test');
  });

  it('refuses security none for a remote host in every account method', async () => {
    const plain = { ...settings, imap: { host: 'mail.example.test', port: 143, security: 'none' } };
    expect(await dispatch(handlers, 'accounts.test', { settings: plain, password: 'x' })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await dispatch(handlers, 'accounts.add', { settings: plain, password: 'x', rememberPassword: false })).toMatchObject({
      ok: false,
      error: { code: 'invalidInput' },
    });
  });

  it('answers app.info from the options', async () => {
    expect(await dispatch(handlers, 'app.info', {})).toEqual({
      ok: true,
      value: { version: '0.0.0-test', host: 'browser', platform: process.platform, systemLocale: 'nl-NL' },
    });
  });

  it('saves base64 data through the host and refuses data that is not base64', async () => {
    expect(await dispatch(handlers, 'files.save', { suggestedName: '../a.txt', dataBase64: Buffer.from('hoi').toString('base64') })).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(saveFile).toHaveBeenCalledWith('_a.txt', Buffer.from('hoi'));
    expect(await dispatch(handlers, 'files.save', { suggestedName: 'a', dataBase64: 'not base64!' })).toMatchObject({
      ok: false,
      error: { code: 'invalidInput' },
    });
  });
});
