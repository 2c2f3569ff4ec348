import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../../../src/shared/model';
import { buildFolderTree, visibleNodes, type TreeNode } from '../../../../../src/renderer/features/mail/folderTree';
import { createTranslator } from '../../../../../src/renderer/i18n/translate';
import { folder } from '../../db/fixtures';

const collator = new Intl.Collator('en', { numeric: true });

function labels(nodes: TreeNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? [n.label, labels(n.children)] : n.label));
}

const folders: Folder[] = [
  folder('Zebra'),
  folder('Trash', undefined, { role: 'trash' }),
  folder('Projects'),
  folder('Projects/Beta'),
  folder('Projects/Alpha'),
  folder('INBOX'),
  folder('INBOX/Sent', undefined, { role: 'sent' }),
  folder('INBOX/Receipts'),
  folder('Drafts', undefined, { role: 'drafts' }),
  folder('archive', undefined, { role: 'archive' }),
  folder('Junk', undefined, { role: 'junk' }),
  folder('shared', undefined, { selectable: false }),
  folder('shared/info@example.test', undefined, { selectable: false }),
  folder('shared/info@example.test/INBOX', undefined, { role: 'inbox' }),
  folder('shared/info@example.test/Sent', undefined, { role: 'sent' }),
  folder('shared/info@example.test/Offers'),
];

describe('buildFolderTree', () => {
  it('lists role folders first in a fixed order with localized names, then the rest nested by name', () => {
    const tree = buildFolderTree(folders, { INBOX: 3 }, createTranslator('nl', 'nl-NL'), collator);
    expect(labels(tree)).toEqual([
      ['Postvak IN', ['Receipts']],
      'Concepten',
      'Verzonden',
      'Archief',
      'Ongewenst',
      'Prullenbak',
      ['Projects', ['Alpha', 'Beta']],
      ['shared', [['info@example.test', ['INBOX', 'Verzonden', 'Offers']]]],
      'Zebra',
    ]);
    expect(tree[0]).toMatchObject({ path: 'INBOX', unread: 3, selectable: true });
  });

  it('walks only expanded branches for keyboard navigation', () => {
    const tree = buildFolderTree(folders, {}, createTranslator('en', 'en-US'), collator);
    const projects = tree.find((n) => n.path === 'Projects')!;
    const collapsedAll = visibleNodes(tree, new Set());
    expect(collapsedAll.map((v) => v.node.label)).toEqual(['Inbox', 'Drafts', 'Sent', 'Archive', 'Junk', 'Trash', 'Projects', 'shared', 'Zebra']);
    const open = visibleNodes(tree, new Set([projects.key]));
    const alpha = open.find((v) => v.node.label === 'Alpha')!;
    expect(alpha).toMatchObject({ level: 2, parent: projects });
  });
});
