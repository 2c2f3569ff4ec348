/** in:/mailbox:/scope → engine folder lists and the server's folder order (issue #13 §1, §2, §4). */
import { describe, expect, it } from 'vitest';
import type { Folder, FolderRole, Mailbox } from '../../../../src/shared/model';
import { parseQuery } from '../../../../src/shared/search/parseQuery';
import { buildFolderCatalog, needsServer, resolveQuery, type FolderCatalog } from '../../../../src/renderer/search/resolve';
import type { FolderRef } from '../../../../src/renderer/search/engine/engineTypes';
import { app as enApp } from '../../../../src/renderer/i18n/en/app';
import { app as nlApp } from '../../../../src/renderer/i18n/nl/app';

const mailbox = (id: string, address: string, prefix: string, displayName = address): Mailbox =>
  ({ id, address, prefix, displayName }) as Mailbox;
const folder = (mailboxId: string, path: string, role: FolderRole | null = null, selectable = true, delimiter = '/'): Folder & {
  cursor: { uidValidity: number; uidNext: number } | null;
} =>
  ({
    accountId: 'acc1',
    mailboxId,
    path,
    name: path.split(delimiter).pop() ?? path,
    delimiter,
    role,
    selectable,
    cursor: { uidValidity: 1, uidNext: 10 },
  }) as Folder & { cursor: { uidValidity: number; uidNext: number } };

const own = 'acc1:own';
const info = 'acc1:shared:info@example.test';
const catalog: FolderCatalog = buildFolderCatalog(
  [mailbox(own, 'alice@example.test', '', 'Alice'), mailbox(info, 'info@example.test', 'shared/info@example.test/', 'Info')],
  [
    folder(own, 'INBOX', 'inbox'),
    folder(own, 'Sent', 'sent'),
    folder(own, 'Trash', 'trash'),
    folder(own, 'Junk', 'junk'),
    folder(own, 'Klanten', null, false),
    folder(own, 'Klanten/Acme'),
    folder(own, 'Klanten/Bakkerij Café'),
    folder(own, 'Facturen'),
    folder(own, 'Sent-2019'),
    folder(info, 'shared/info@example.test/INBOX', 'inbox'),
    folder(info, 'shared/info@example.test/Verzonden items', 'sent'),
    folder(info, 'shared/info@example.test/Archief', 'archive'),
    folder(info, 'shared/info@example.test/Prullenbak', 'trash'),
    folder(info, 'shared/info@example.test/Agenda', 'calendar'),
  ],
);
const parse = (text: string) => parseQuery(text, { locale: 'nl-NL', now: Date.UTC(2026, 11, 7), timeZone: 'Europe/Amsterdam' });
const all = { kind: 'all' } as const;
const paths = (refs: FolderRef[]): string[] => refs.map((r) => r.folderPath);
/** The folders a one-atom query's in:/mailbox: resolved to. */
const named = (text: string): string[] => {
  const term = resolveQuery(parse(text), all, catalog).engine.clauses[0]?.[0]?.term;
  if (!term) throw new Error('no atom');
  if (term.kind !== 'folders') throw new Error(`not a folder atom: ${term.kind}`);
  return paths(term.folders);
};

describe('resolveQuery: in:', () => {
  it.each([
    ['in:inbox', ['INBOX', 'shared/info@example.test/INBOX']],
    ['in:"Postvak IN"', ['INBOX', 'shared/info@example.test/INBOX']],
    ['in:postvak-in', ['INBOX', 'shared/info@example.test/INBOX']],
    ['in:sent', ['Sent', 'shared/info@example.test/Verzonden items']],
    ['in:verzonden', ['Sent', 'shared/info@example.test/Verzonden items']],
    ['in:"verzonden items"', ['Sent', 'shared/info@example.test/Verzonden items']],
    ['in:trash', ['Trash', 'shared/info@example.test/Prullenbak']],
    ['in:prullenbak', ['Trash', 'shared/info@example.test/Prullenbak']],
    ['in:archive', ['shared/info@example.test/Archief']],
    ['in:ARCHIEF', ['shared/info@example.test/Archief']],
    ['in:spam', ['Junk']],
  ])('%s names role folders in English and Dutch', (text, expected) => {
    expect(named(text)).toEqual(expected);
  });

  it('matches names and paths case- and diacritic-insensitively', () => {
    expect(named('in:facturen')).toEqual(['Facturen']);
    expect(named('in:"klanten/bakkerij cafe"')).toEqual(['Klanten/Bakkerij Café']);
    expect(named('in:acme')).toEqual(['Klanten/Acme']);
  });

  it('allows a prefix of the last segment, and prefers exact matches', () => {
    expect(named('in:fact')).toEqual(['Facturen']);
    expect(named('in:klanten/ac')).toEqual(['Klanten/Acme']);
    expect(named('in:kla/acme')).toEqual([]);
    expect(named('in:sent')).not.toContain('Sent-2019');
    expect(named('in:sent-')).toEqual(['Sent-2019']);
  });

  it('names each role folder by the name the folder tree shows it under, in English and Dutch', () => {
    const roles: FolderRole[] = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash', 'all', 'flagged', 'calendar'];
    const tree = buildFolderCatalog(
      [mailbox(own, 'alice@example.test', '')],
      roles.map((role) => folder(own, `X-${role}`, role)),
    );
    for (const dictionary of [enApp, nlApp]) {
      for (const role of roles) {
        const shown = dictionary[`folders.role.${role}`];
        const term = resolveQuery(parse(`in:"${shown}"`), all, tree).engine.clauses[0]?.[0]?.term;
        expect(term, shown).toEqual({ kind: 'folders', folders: [{ accountId: 'acc1', folderPath: `X-${role}` }] });
      }
    }
  });

  it('takes three letters of a role word as its start, in English and Dutch', () => {
    expect(named('in:prull')).toEqual(['Trash', 'shared/info@example.test/Prullenbak']);
    expect(named('in:verz')).toEqual(['Sent', 'shared/info@example.test/Verzonden items']);
    expect(named('in:dr')).toEqual([]);
  });

  it('reads a first segment naming the mailbox as qualifying the folder', () => {
    expect(named('in:info@/inbox')).toEqual(['shared/info@example.test/INBOX']);
    expect(named('in:"Info/postvak in"')).toEqual(['shared/info@example.test/INBOX']);
    expect(named('in:alice@example.test/sent')).toEqual(['Sent']);
    expect(named('in:info@/klanten')).toEqual([]);
  });

  it('turns an in: that names nothing into a folder list that matches nothing', () => {
    const r = resolveQuery(parse('in:nergens'), all, catalog);
    expect(r.engine.clauses).toEqual([[{ term: { kind: 'folders', folders: [] }, negated: false }]]);
    expect(r.serverFolders).toEqual([]);
  });
});

describe('resolveQuery: mailbox:', () => {
  it('matches an address, its start, or the label', () => {
    const infoFolders = catalog.filter((e) => e.mailboxId === info).map((e) => e.path);
    expect(named('mailbox:info@example.test')).toEqual(infoFolders);
    expect(named('mailbox:info@')).toEqual(infoFolders);
    expect(named('mailbox:INFO')).toEqual(infoFolders);
    expect(named('mailbox:alice')).toEqual(catalog.filter((e) => e.mailboxId === own).map((e) => e.path));
    expect(named('mailbox:sales@')).toEqual([]);
  });
});

describe('resolveQuery: scope', () => {
  it('leaves everything to the index for scope all (it holds only this person’s cache)', () => {
    expect(resolveQuery(parse('x'), all, catalog).engine.folders).toBeNull();
  });

  it('lists the mailbox’s folders for scope mailbox, and the folder for scope folder', () => {
    expect(paths(resolveQuery(parse('x'), { kind: 'mailbox', mailboxId: info }, catalog).engine.folders ?? [])).toEqual(
      catalog.filter((e) => e.mailboxId === info).map((e) => e.path),
    );
    expect(resolveQuery(parse('x'), { kind: 'folder', accountId: 'acc1', folderPath: 'Facturen' }, catalog).engine.folders).toEqual([
      { accountId: 'acc1', folderPath: 'Facturen' },
    ]);
    expect(resolveQuery(parse('x'), { kind: 'mailbox', mailboxId: 'acc1:shared:sales@example.test' }, catalog).engine.folders).toEqual([]);
  });

  it('passes the other terms through unchanged, dates without their text', () => {
    const r = resolveQuery(parse('from:jan OR is:unread after:2026-12-01 -larger:1M'), all, catalog);
    expect(r.engine.clauses).toEqual([
      [
        { term: { kind: 'text', field: 'from', value: 'jan', phrase: false }, negated: false },
        { term: { kind: 'is', state: 'unread' }, negated: false },
      ],
      [{ term: { kind: 'date', op: 'after', ms: Date.UTC(2026, 10, 30, 23) }, negated: false }],
      [{ term: { kind: 'size', op: 'larger', bytes: 1024 ** 2 }, negated: true }],
    ]);
  });
});

describe('resolveQuery: serverFolders', () => {
  const server = (text: string, scope: Parameters<typeof resolveQuery>[1] = all, current?: FolderRef): string[] =>
    resolveQuery(parse(text), scope, catalog, current).serverFolders.map((e) => e.path);

  it('asks selectable folders, Inboxes first, without Trash and Junk, never a calendar (events, not mail)', () => {
    expect(server('offerte')).toEqual([
      'INBOX',
      'shared/info@example.test/INBOX',
      'Sent',
      'Klanten/Acme',
      'Klanten/Bakkerij Café',
      'Facturen',
      'Sent-2019',
      'shared/info@example.test/Verzonden items',
      'shared/info@example.test/Archief',
    ]);
  });

  it('leaves a calendar out also when the scope is its mailbox', () => {
    expect(server('offerte', { kind: 'mailbox', mailboxId: info })).not.toContain('shared/info@example.test/Agenda');
  });

  it('puts the folder on screen first', () => {
    expect(server('offerte', all, { accountId: 'acc1', folderPath: 'Facturen' }).slice(0, 3)).toEqual([
      'Facturen',
      'INBOX',
      'shared/info@example.test/INBOX',
    ]);
  });

  it('narrows to in:/mailbox: standing alone in a clause, and leaves out -in:', () => {
    expect(server('offerte mailbox:info@')).toEqual([
      'shared/info@example.test/INBOX',
      'shared/info@example.test/Verzonden items',
      'shared/info@example.test/Archief',
    ]);
    expect(server('offerte in:inbox')).toEqual(['INBOX', 'shared/info@example.test/INBOX']);
    expect(server('offerte mailbox:info@ -in:archief')).toEqual(['shared/info@example.test/INBOX', 'shared/info@example.test/Verzonden items']);
  });

  it('does not narrow by an in: inside an OR clause', () => {
    expect(server('in:facturen OR from:jan')).toHaveLength(9);
  });

  it('asks Trash when in: names it or the scope is that folder', () => {
    expect(server('offerte in:prullenbak')).toEqual(['Trash', 'shared/info@example.test/Prullenbak']);
    expect(server('offerte', { kind: 'folder', accountId: 'acc1', folderPath: 'Trash' })).toEqual(['Trash']);
  });

  it('keeps to the scope', () => {
    expect(server('offerte', { kind: 'mailbox', mailboxId: own })).not.toContain('shared/info@example.test/INBOX');
    expect(server('offerte in:inbox', { kind: 'mailbox', mailboxId: info })).toEqual(['shared/info@example.test/INBOX']);
  });
});

describe('buildFolderCatalog', () => {
  it('leaves out folders of mailboxes it was not given (hidden, or not this person’s)', () => {
    const c = buildFolderCatalog([mailbox(own, 'alice@example.test', '')], [folder(own, 'INBOX', 'inbox'), folder('acc1:shared:sales@example.test', 'shared/sales@example.test/INBOX', 'inbox')]);
    expect(c.map((e) => e.path)).toEqual(['INBOX']);
  });
});

describe('needsServer', () => {
  it.each([
    ['offerte', true],
    ['"levering morgen"', true],
    ['body:levering', true],
    ['filename:factuur.pdf', true],
    ['from:jan', true],
    ['subject:offerte is:unread', true],
    ['is:unread -is:answered after:1-12-2026', false],
    ['in:inbox is:unread larger:1M', false],
    ['is:unread OR levering', true],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(needsServer(parse(text))).toBe(expected);
  });
});
