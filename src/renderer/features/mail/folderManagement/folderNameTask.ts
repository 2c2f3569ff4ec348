/**
 * New folder and Rename as tasks (issue #12 §6), sent straight through the one channel
 * (`tasks.queue`) rather than runAction: the dialog stays open on a refusal and shows the
 * server's words under the name, so the person can change the name and try again. The tree
 * follows by itself once main's folder list changes (a `folders` sync batch).
 */
import type { ApiError, PostvakApi, TaskOutcome } from '../../../../shared/api';
import { toApiError } from '../../../i18n/errors';

export type NameRequest =
  | { kind: 'create'; accountId: string; parentPath: string | null; delimiter: string }
  | { kind: 'rename'; accountId: string; folderPath: string; delimiter: string };

export type NameResult = { ok: true; folderPath: string } | { ok: false; error: ApiError };

/** Where the folder ends up: main's answer, else its parent path + delimiter + name. */
export function resultPath(request: NameRequest, name: string, outcome: TaskOutcome | undefined): string {
  if (outcome?.folderPath) return outcome.folderPath;
  const parent = request.kind === 'create' ? request.parentPath : parentOf(request.folderPath, request.delimiter);
  return parent === null ? name : `${parent}${request.delimiter}${name}`;
}

function parentOf(path: string, delimiter: string): string | null {
  const at = delimiter ? path.lastIndexOf(delimiter) : -1;
  return at < 0 ? null : path.slice(0, at);
}

export async function submitFolderName(api: Pick<PostvakApi, 'call'>, request: NameRequest, name: string): Promise<NameResult> {
  const task =
    request.kind === 'create'
      ? { type: 'createFolder' as const, accountId: request.accountId, parentPath: request.parentPath, name }
      : { type: 'renameFolder' as const, accountId: request.accountId, folderPath: request.folderPath, name };
  try {
    const result = await api.call('tasks.queue', { task });
    return result.ok ? { ok: true, folderPath: resultPath(request, name, result.value) } : { ok: false, error: result.error };
  } catch (thrown) {
    return { ok: false, error: toApiError(thrown) };
  }
}

/** Whether `path` is `folder` or lies under it (a rename or delete of a parent moves its children too). */
export function isWithin(path: string, folder: string, delimiter: string): boolean {
  return path === folder || path.startsWith(`${folder}${delimiter}`);
}
