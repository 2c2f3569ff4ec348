import { describe, expect, it } from 'vitest';
import { isWithin, resultPath, submitFolderName } from '../../../../../../src/renderer/features/mail/folderManagement/folderNameTask';

describe('folder name tasks', () => {
  it('sends createFolder and renameFolder through tasks.queue and takes main’s path for the result', async () => {
    const sent: unknown[] = [];
    const api = {
      call: async (method: string, input: unknown) => {
        sent.push([method, input]);
        return { ok: true as const, value: { undo: null, folderPath: 'shared/info@example.test/Archive/Leveranciers' } };
      },
    };
    const created = await submitFolderName(api as never, { kind: 'create', accountId: 'a', parentPath: 'shared/info@example.test/Archive', delimiter: '/' }, 'Leveranciers');
    expect(created).toEqual({ ok: true, folderPath: 'shared/info@example.test/Archive/Leveranciers' });
    expect(sent).toEqual([
      ['tasks.queue', { task: { type: 'createFolder', accountId: 'a', parentPath: 'shared/info@example.test/Archive', name: 'Leveranciers' } }],
    ]);
  });

  it('hands back the refusal, also when the call itself throws', async () => {
    const refused = { call: async () => ({ ok: false as const, error: { code: 'serverRefused', message: 'NO [ALREADYEXISTS]' } }) };
    expect(await submitFolderName(refused as never, { kind: 'rename', accountId: 'a', folderPath: 'Projects', delimiter: '/' }, 'Old')).toEqual({
      ok: false,
      error: { code: 'serverRefused', message: 'NO [ALREADYEXISTS]' },
    });
    const broken = {
      call: async () => {
        throw new Error('socket closed');
      },
    };
    expect(await submitFolderName(broken as never, { kind: 'rename', accountId: 'a', folderPath: 'Projects', delimiter: '/' }, 'Old')).toEqual({
      ok: false,
      error: { code: 'internal', message: 'socket closed' },
    });
  });

  it('works out the new path when main does not say, under the same parent', () => {
    expect(resultPath({ kind: 'rename', accountId: 'a', folderPath: 'Projects/Alpha', delimiter: '/' }, 'Beta', { undo: null })).toBe('Projects/Beta');
    expect(resultPath({ kind: 'rename', accountId: 'a', folderPath: 'Projects', delimiter: '/' }, 'Work', undefined)).toBe('Work');
    expect(resultPath({ kind: 'create', accountId: 'a', parentPath: null, delimiter: '.' }, 'Work', undefined)).toBe('Work');
    expect(resultPath({ kind: 'create', accountId: 'a', parentPath: 'INBOX', delimiter: '.' }, 'Work', undefined)).toBe('INBOX.Work');
  });

  it('knows which open folder a rename or delete takes along: the folder and those under it, not its namesakes', () => {
    expect(isWithin('Projects', 'Projects', '/')).toBe(true);
    expect(isWithin('Projects/Alpha', 'Projects', '/')).toBe(true);
    expect(isWithin('Projects 2026', 'Projects', '/')).toBe(false);
    expect(isWithin('ProjectsX/Alpha', 'Projects', '/')).toBe(false);
  });
});
