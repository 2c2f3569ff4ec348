/**
 * Restore from Trash to where each message was deleted from (issue #12 §7), by the mailbox's
 * deletion records.
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { TaskDeps } from './runTask';

type Restore = Extract<Task, { type: 'restore' }>;

export function runRestore(_ctx: TaskDeps, task: Restore): Promise<TaskOutcome> {
  return Promise.reject(new AppError('unsupported', `Restoring from ${task.folderPath} is not available yet`));
}
