import { describe, expect, it } from 'vitest';
import { folderRole, sortFolders, type SortableFolder } from '../../../../../src/main/services/sync/folderRoles';

const role = (path: string, flags: string[] = [], delimiter = '/', shared: string[] = ['shared/']) =>
  folderRole({ path, delimiter, flags }, shared);

describe('folderRole from special-use attributes (RFC 6154)', () => {
  it.each([
    ['\\Sent', 'sent'],
    ['\\Drafts', 'drafts'],
    ['\\Trash', 'trash'],
    ['\\Junk', 'junk'],
    ['\\Archive', 'archive'],
    ['\\All', 'all'],
    ['\\Flagged', 'flagged'],
    ['\\Inbox', 'inbox'],
    ['\\sent', 'sent'],
  ])('%s → %s', (flag, expected) => {
    expect(role('Whatever Name', ['\\HasNoChildren', flag])).toBe(expected);
  });

  it('prefers the attribute over the name', () => {
    expect(role('Sent', ['\\Trash'])).toBe('trash');
    expect(role('Projects/Old', ['\\Archive'])).toBe('archive');
  });
});

describe('folderRole from names', () => {
  it.each([
    ['INBOX', 'inbox'],
    ['Inbox', 'inbox'],
    ['inbox', 'inbox'],
    ['Sent', 'sent'],
    ['Sent Items', 'sent'],
    ['Sent Messages', 'sent'],
    ['Verzonden', 'sent'],
    ['Verzonden items', 'sent'],
    ['VERZONDEN ITEMS', 'sent'],
    ['Drafts', 'drafts'],
    ['Concepten', 'drafts'],
    ['Trash', 'trash'],
    ['Prullenbak', 'trash'],
    ['Verwijderde items', 'trash'],
    ['Deleted Items', 'trash'],
    ['Deleted Messages', 'trash'],
    ['Junk', 'junk'],
    ['Spam', 'junk'],
    ['Junk E-mail', 'junk'],
    ['Ongewenste e-mail', 'junk'],
    ['Archive', 'archive'],
    ['Archief', 'archive'],
  ])('%s → %s', (name, expected) => {
    expect(role(name)).toBe(expected);
  });

  it('maps folders directly under INBOX (the INBOX.Sent layout)', () => {
    expect(role('INBOX.Sent', [], '.')).toBe('sent');
    expect(role('INBOX.Verzonden items', [], '.')).toBe('sent');
    expect(role('INBOX/Prullenbak')).toBe('trash');
  });

  it('does not map ordinary folders or deeper look-alikes', () => {
    expect(role('Projects')).toBeNull();
    expect(role('Projects/Sent')).toBeNull();
    expect(role('INBOX/Projects/Trash')).toBeNull();
    expect(role('Sentimental')).toBeNull();
    expect(role('INBOX/INBOX')).toBeNull();
  });

  it('maps folders of a shared mailbox, where Dovecot reports no special-use', () => {
    expect(role('shared/info@example.test/INBOX')).toBe('inbox');
    expect(role('shared/info@example.test/Sent')).toBe('sent');
    expect(role('shared/info@example.test/Verzonden items')).toBe('sent');
    expect(role('shared/info@example.test/INBOX/Drafts')).toBe('drafts');
    expect(role('shared/info@example.test/Projects/Sent')).toBeNull();
    // The mailbox root itself has no role, whatever its name.
    expect(role('shared/Archive')).toBeNull();
    expect(role('shared')).toBeNull();
  });

  it('maps a top-level folder named like a role only when no shared prefix claims it', () => {
    expect(folderRole({ path: 'shared/Sent', delimiter: '/', flags: [] }, [])).toBeNull();
    expect(folderRole({ path: 'Sent', delimiter: '/', flags: [] }, [])).toBe('sent');
  });

  it('handles a flat namespace (no delimiter)', () => {
    expect(folderRole({ path: 'Sent', delimiter: '', flags: [] })).toBe('sent');
  });
});

describe('sortFolders', () => {
  const f = (path: string, role: SortableFolder['role'] = null): SortableFolder => {
    const i = path.lastIndexOf('/');
    return { path, name: i < 0 ? path : path.slice(i + 1), parentPath: i < 0 ? null : path.slice(0, i), role };
  };

  it('puts Inbox, Drafts, Sent, Archive, Junk, Trash first, then the rest alphabetically', () => {
    const sorted = sortFolders([
      f('Zeta'),
      f('Trash', 'trash'),
      f('alpha'),
      f('Junk', 'junk'),
      f('Sent', 'sent'),
      f('INBOX', 'inbox'),
      f('Archive', 'archive'),
      f('Drafts', 'drafts'),
      f('Beta'),
    ]);
    expect(sorted.map((x) => x.path)).toEqual(['INBOX', 'Drafts', 'Sent', 'Archive', 'Junk', 'Trash', 'alpha', 'Beta', 'Zeta']);
  });

  it('places children right after their parent, sorted the same way', () => {
    const sorted = sortFolders([
      f('Projects/b'),
      f('INBOX/Sub', null),
      f('Projects'),
      f('Projects/a'),
      f('INBOX', 'inbox'),
      f('Projects/a/deep'),
      f('Sent', 'sent'),
      f('shared'),
      f('shared/info@example.test'),
      f('shared/info@example.test/Sent', 'sent'),
      f('shared/info@example.test/INBOX', 'inbox'),
    ]);
    expect(sorted.map((x) => x.path)).toEqual([
      'INBOX',
      'INBOX/Sub',
      'Sent',
      'Projects',
      'Projects/a',
      'Projects/a/deep',
      'Projects/b',
      'shared',
      'shared/info@example.test',
      'shared/info@example.test/INBOX',
      'shared/info@example.test/Sent',
    ]);
  });

  it('sorts numbers naturally and treats an orphan as top level', () => {
    const sorted = sortFolders([f('Year 10'), f('Year 9'), f('Gone/Orphan')]);
    expect(sorted.map((x) => x.path)).toEqual(['Gone/Orphan', 'Year 9', 'Year 10']);
  });

  it('keeps every folder exactly once', () => {
    const input = [f('a'), f('a/b'), f('a/b/c'), f('d', 'trash'), f('INBOX', 'inbox')];
    const sorted = sortFolders(input);
    expect(new Set(sorted.map((x) => x.path)).size).toBe(input.length);
    expect(sorted).toHaveLength(input.length);
  });
});
