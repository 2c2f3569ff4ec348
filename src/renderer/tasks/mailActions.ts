/**
 * Mail actions as the person sees them (issue #12 §1, /work/tasks-api.md §2): one action — a
 * selection archived, a folder emptied — becomes one or more tasks (actionTasks.ts), changes the
 * cache at once (optimistic.ts), and gets ONE notice in the person's language: "Moved 12
 * messages to Archive — Undo", "Moving 10,000 messages…" while it runs over a second, or the
 * refusal in words with everything put back. `undoLast` (Ctrl+Z and the notice's Undo button)
 * runs the reverse tasks the same way. Confirmations are not asked here: the UI asks first.
 */
import type { TaskOutcome } from '../../shared/api';
import { api } from '../api';
import { db } from '../db/db';
import { folderDisplayName } from '../features/mail/folderNames';
import { currentI18n } from '../i18n/useI18n';
import type { Translate } from '../i18n/types';
import { useStore } from '../store';
import { actionLabel, errorWords, labelFolder } from './actionLabels';
import { byFolder, isMessageAction, tasksOf, type MailAction } from './actionTasks';
import { runTasks, type TaskDeps } from './runTasks';
import { rememberUndo, takeUndo, undoWindowMs } from './undoMemory';

export type { MailAction } from './actionTasks';

export interface ActionOptions {
  /**
   * No notice and no undo on success (a message marked read because it was opened): the undo
   * of the person's last action stays. A refusal is still said.
   */
  quiet?: boolean;
  /** Called once the cache shows the change (the rows have left the list; bench, issue #12). */
  onApplied?: () => void;
}

/** After this long a task's notice says it is still running (issue #12 §1). */
export const slowTaskMs = 1000;

const deps: TaskDeps = { db, api };

/**
 * The folder a label names, as the tree names it (folderNames.ts) — with its mailbox when the
 * messages came from another one ("Archive in info@example.test": each mailbox has an Archive).
 */
async function folderName(action: MailAction, t: Translate): Promise<string> {
  const target = labelFolder(action);
  if (!target) return '';
  const folder = await db.folders.get([target.accountId, target.folderPath]).catch(() => undefined);
  if (!folder) return target.folderPath.split('/').at(-1) ?? target.folderPath;
  const mailbox = await db.mailboxes.get(folder.mailboxId).catch(() => undefined);
  const name = folderDisplayName(folder, t, mailbox?.prefix ?? '');
  const sources = isMessageAction(action) ? byFolder(action.keys) : [];
  const from = await db.folders.bulkGet(sources.map((source): [string, string] => [source.accountId, source.folderPath])).catch(() => []);
  const elsewhere = from.some((source) => source !== undefined && source.mailboxId !== folder.mailboxId);
  return elsewhere && mailbox ? t('task.folderInMailbox', { folder: name, mailbox: mailbox.address }) : name;
}

/** Shows `text` after `slowTaskMs` unless `done` comes first; returns the notice's id getter. */
function whileSlow(text: () => Promise<string> | string) {
  let finished = false;
  let id: number | null = null;
  const timer = setTimeout(() => {
    void Promise.resolve(text()).then((words) => {
      if (!finished) id = useStore.getState().pushToast('info', words, { sticky: true });
    });
  }, slowTaskMs);
  return {
    done(): number | null {
      finished = true;
      clearTimeout(timer);
      return id;
    },
  };
}

export async function runAction(action: MailAction, options: ActionOptions = {}): Promise<{ ok: boolean; outcomes: TaskOutcome[] }> {
  const tasks = tasksOf(action);
  if (tasks.length === 0) return { ok: true, outcomes: [] };
  const { t } = currentI18n();
  // The name is read once the rows are gone: its read would otherwise queue the cache write
  // (both touch the folders table) and delay the moment the list changes.
  let named: Promise<string> | null = null;
  const name = () => (named ??= folderName(action, t));
  const slow = options.quiet ? { done: () => null } : whileSlow(async () => actionLabel(t, 'running', action, await name()));
  const run = await runTasks(deps, tasks, () => {
    void name();
    options.onApplied?.();
  });
  const progress = slow.done();
  const store = useStore.getState();
  if (!run.ok && run.error) {
    // What was accepted can still be undone with Ctrl+Z; the notice is the refusal.
    if (!options.quiet) rememberUndo(run.undo);
    store.replaceToast(progress, 'error', actionLabel(t, 'failed', action, await name(), run.error));
    return { ok: false, outcomes: run.outcomes };
  }
  if (options.quiet) return { ok: true, outcomes: run.outcomes };
  const entry = rememberUndo(run.undo);
  // Done, but something around it was not (a shared delete's record): said with the result.
  const warning = run.outcomes.find((outcome) => outcome.warning)?.warning;
  const label = actionLabel(t, 'done', action, await name());
  const text = warning ? `${label}. ${errorWords(t, warning)}` : label;
  const toastId = store.replaceToast(progress, 'info', text, {
    durationMs: undoWindowMs,
    ...(entry ? { action: { label: t('task.undo'), run: () => void undoLast(entry.id) } } : {}),
  });
  if (entry) entry.toastId = toastId;
  return { ok: true, outcomes: run.outcomes };
}

/**
 * Undoes the last action (Ctrl+Z within the undo window, or the notice's button for its own
 * action): its reverse tasks, the last first, applied to the cache the same way. Returns
 * whether anything was undone.
 */
export async function undoLast(id?: number): Promise<boolean> {
  const { t } = currentI18n();
  const store = useStore.getState();
  const entry = takeUndo(Date.now(), id);
  if (!entry) {
    store.announce(t('task.nothingToUndo'));
    return false;
  }
  if (entry.toastId !== undefined) store.dismissToast(entry.toastId);
  const slow = whileSlow(() => t('task.undoing'));
  const run = await runTasks(deps, entry.tasks);
  const progress = slow.done();
  if (run.ok) store.replaceToast(progress, 'info', t('task.undone'));
  else store.replaceToast(progress, 'error', t('task.undoFailed', { error: errorWords(t, run.error ?? { code: 'unknown', message: '' }) }));
  return run.ok;
}
