import { describe, expect, it } from 'vitest';
import { createTranslator, dictionaries } from '../../../../src/renderer/i18n/translate';
import { actionLabel, labelKind, type LabelKind } from '../../../../src/renderer/tasks/actionLabels';
import type { MailAction } from '../../../../src/renderer/tasks/actionTasks';
import type { MessageKey } from '../../../../src/renderer/db/rows';

const en = createTranslator('en', 'en-GB');
const nl = createTranslator('nl', 'nl-NL');
const keys = (count: number, folderPath = 'INBOX'): MessageKey[] => Array.from({ length: count }, (_, index) => ['a', folderPath, index + 1]);

describe('action labels', () => {
  it('say what a move did, in English and Dutch, with the plural the number needs', () => {
    const move = (count: number): MailAction => ({ kind: 'move', keys: keys(count), to: { accountId: 'a', folderPath: 'Archive' } });
    expect(actionLabel(en, 'done', move(12), 'Archive')).toBe('Moved 12 messages to Archive');
    expect(actionLabel(en, 'done', move(1), 'Archive')).toBe('Moved 1 message to Archive');
    expect(actionLabel(nl, 'done', move(12), 'Archief')).toBe('12 berichten verplaatst naar Archief');
    expect(actionLabel(nl, 'done', move(1), 'Archief')).toBe('1 bericht verplaatst naar Archief');
    expect(actionLabel(en, 'running', move(10_000), 'Archive')).toBe('Moving 10,000 messages to Archive…');
    expect(actionLabel(nl, 'running', move(10_000), 'Archief')).toBe('10.000 berichten worden verplaatst naar Archief…');
  });

  it('count each message once, across folders', () => {
    const action: MailAction = { kind: 'setFlags', keys: [...keys(2), ...keys(1, 'shared/info/INBOX'), ...keys(2)], add: ['\\Seen'], remove: [] };
    expect(actionLabel(en, 'done', action, '')).toBe('Marked 3 messages as read');
    expect(actionLabel(nl, 'done', action, '')).toBe('3 berichten gemarkeerd als gelezen');
  });

  it('name the kind of flag change', () => {
    const flags = (add: string[], remove: string[]): LabelKind => labelKind({ kind: 'setFlags', keys: keys(1), add, remove });
    expect([flags(['\\Seen'], []), flags([], ['\\Seen']), flags(['\\Flagged'], []), flags([], ['\\Flagged']), flags(['$Junk'], [])]).toEqual([
      'read',
      'unread',
      'flag',
      'unflag',
      'flags',
    ]);
    expect(actionLabel(en, 'done', { kind: 'delete', keys: keys(1) }, '')).toBe('Deleted 1 message');
    expect(actionLabel(en, 'done', { kind: 'delete', keys: keys(3), permanent: true }, '')).toBe('Deleted 3 messages for good');
    expect(actionLabel(en, 'done', { kind: 'emptyFolder', accountId: 'a', folderPath: 'Trash' }, 'Trash')).toBe('Emptied Trash');
    expect(actionLabel(nl, 'done', { kind: 'emptyFolder', accountId: 'a', folderPath: 'Trash' }, 'Prullenbak')).toBe('Prullenbak geleegd');
    expect(actionLabel(nl, 'done', { kind: 'renameFolder', accountId: 'a', folderPath: 'Klanten', name: 'Relaties' }, 'Klanten')).toBe(
      'Naam van Klanten gewijzigd in Relaties',
    );
  });

  it('say a refusal in our words and the server’s', () => {
    const action: MailAction = { kind: 'archive', keys: keys(2) };
    expect(actionLabel(en, 'failed', action, '', { code: 'notPermitted', message: 'You may not delete in info@example.test' })).toMatch(
      /^Could not archive 2 messages: .+ The server said: “You may not delete in info@example.test”$/,
    );
    expect(actionLabel(nl, 'failed', action, '', { code: 'offline', message: 'socket closed' })).toMatch(/^2 berichten konden niet worden gearchiveerd: /);
    expect(actionLabel(nl, 'failed', action, '', { code: 'offline', message: 'socket closed' })).not.toContain('socket closed');
  });

  it('exist for every kind and phase in both languages, each filled in without a placeholder left', () => {
    const kinds: LabelKind[] = [
      'read', 'unread', 'flag', 'unflag', 'flags', 'move', 'copy', 'archive', 'junk', 'notJunk', 'restore', 'delete',
      'deletePermanent', 'markFolderRead', 'emptyFolder', 'createFolder', 'renameFolder', 'deleteFolder',
    ];
    for (const phase of ['done', 'running', 'failed']) {
      for (const kind of kinds) {
        const key = `task.${phase}.${kind}` as keyof typeof dictionaries.en;
        expect(dictionaries.en[key], key).toBeDefined();
        expect(dictionaries.nl[key], key).not.toEqual(dictionaries.en[key]);
      }
    }
  });
});
