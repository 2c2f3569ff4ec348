/**
 * Opening the composer: works out the situation from the store and the cache, lets the From
 * rules pick (with the person's remembered overrides), builds the starting message and puts
 * the session in the store. Failures become worded notices, never a half-open composer.
 */
import { chooseFrom, sendableIdentities, type FromChoice, type FromSituation } from '../../../shared/compose';
import type { ApiError } from '../../../shared/api';
import type { MessageBody } from '../../../shared/model';
import type { ComposeIntent, Identity, OutgoingMessage } from '../../../shared/model/compose';
import { api } from '../../api';
import { sanitizeMailHtml } from '../../components/sanitize';
import { db } from '../../db/db';
import { cacheBody } from '../../db/localChanges';
import { getMessage } from '../../db/pages/messageRows';
import { loadFromMemory } from '../../db/queries/fromMemory';
import type { MessageKey } from '../../db/rows';
import { describeError, toApiError } from '../../i18n/errors';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { answerDraft, emptyMessage, type DraftDeps } from './composeDraft';
import { editorHtml } from './editorContent';
import { buildSituation, reopenedSituation } from './situation';
import { ownMailboxId } from '../../../shared/mailboxIds';

class ComposeError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

async function unwrap<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>): Promise<T> {
  const result = await promise.catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
  if (!result.ok) throw new ComposeError(result.error);
  return result.value;
}

/** The identities from the store, asking main once when they have not arrived yet. */
export async function ensureIdentities(): Promise<Identity[]> {
  const known = useStore.getState().identities;
  if (known) return known;
  const identities = await unwrap(api.call('identities.list', {}));
  useStore.getState().setIdentities(identities);
  return identities;
}

function draftDeps(): DraftDeps {
  const { t, fmt } = currentI18n();
  return { t, fmt, sanitize: (html, inlineImages) => sanitizeMailHtml(html, { inlineImages }).html };
}

async function mailboxIdOf(accountId: string, folderPath: string): Promise<string> {
  return (await db.folders.get([accountId, folderPath]))?.mailboxId ?? ownMailboxId(accountId);
}

/** The mailbox of the folder selected in the tree (null in unified views and the Outbox). */
async function selectedMailboxId(): Promise<string | null> {
  const { selectedAccountId, selectedFolderPath } = useStore.getState();
  if (!selectedAccountId || !selectedFolderPath) return null;
  return mailboxIdOf(selectedAccountId, selectedFolderPath);
}

function fail(error: unknown): void {
  const { t } = currentI18n();
  const apiError = error instanceof ComposeError ? error.apiError : toApiError(error);
  useStore.getState().pushToast('error', t('compose.openFailed', { error: describeError(t, apiError) }));
}

function noIdentity(): void {
  const { t } = currentI18n();
  useStore.getState().pushToast('error', t('compose.noIdentity'));
}

function pick(identities: Identity[], situation: FromSituation, choice: FromChoice | null): Identity | null {
  const sendable = sendableIdentities(identities);
  return sendable.find((i) => i.id === choice?.identityId) ?? sendable.find((i) => i.accountId === situation.accountId) ?? sendable[0] ?? null;
}

/** "New message": from the selected mailbox's address when it is a shared one (issue #4 §3). */
export async function composeNew(): Promise<void> {
  try {
    const state = useStore.getState();
    const identities = await ensureIdentities();
    const accountId = state.selectedAccountId ?? state.selectedMessage?.[0] ?? state.accounts?.[0]?.id ?? identities[0]?.accountId;
    if (!accountId) return noIdentity();
    const situation: FromSituation = { intent: 'new', accountId, selectedMailboxId: await selectedMailboxId(), original: null };
    const choice = chooseFrom(identities, situation, await loadFromMemory(db));
    const identity = pick(identities, situation, choice);
    if (!identity) return noIdentity();
    const message = emptyMessage(identity.accountId, identity.id);
    useStore.getState().openComposer({ message, situation, choice, initialHtml: '' });
  } catch (error) {
    fail(error);
  }
}

/** The original's body: from the cache, else fetched from main (and cached for next time). */
async function originalBody(key: MessageKey): Promise<MessageBody> {
  const cached = await db.bodies.get(key);
  if (cached) return cached;
  const [accountId, folderPath, uid] = key;
  const body = await unwrap(api.call('message.body', { accountId, folderPath, uid }));
  await cacheBody(db, key, body);
  return body;
}

/** Reply, reply all, forward, forward as attachment of a cached message. */
export async function composeAnswer(intent: Exclude<ComposeIntent, 'new'>, key: MessageKey): Promise<void> {
  try {
    const [accountId, folderPath] = key;
    const [row, body, identities, memory, mailboxId, selected] = await Promise.all([
      getMessage(db, key),
      originalBody(key),
      ensureIdentities(),
      loadFromMemory(db),
      mailboxIdOf(accountId, folderPath),
      selectedMailboxId(),
    ]);
    const situation = buildSituation({ intent, accountId, selectedMailboxId: selected, original: { mailboxId, headers: body.headers } });
    const choice = chooseFrom(identities, situation, memory);
    const identity = pick(identities, situation, choice);
    if (!identity) return noIdentity();
    const own = identities.filter((i) => i.accountId === accountId).map((i) => i.address);
    const start = answerDraft(intent, { body, size: row?.size ?? 0 }, identity, own, draftDeps());
    useStore.getState().openComposer({ message: start.message, situation, choice, initialHtml: start.initialHtml });
  } catch (error) {
    fail(error);
  }
}

/**
 * Opens an existing message (a draft, one taken back from the outbox, one saved before a
 * crash). `previous` keeps the situation the composer had, e.g. after "Undo".
 */
export async function reopen(message: OutgoingMessage, previous?: { situation: FromSituation; choice: FromChoice | null }): Promise<void> {
  try {
    const identities = await ensureIdentities();
    let situation = previous?.situation;
    let choice = previous?.choice ?? null;
    if (!situation) {
      const origin = message.origin;
      const originMailbox = origin ? await mailboxIdOf(origin.accountId, origin.folderPath) : null;
      situation = reopenedSituation(message, originMailbox, await selectedMailboxId());
      const ruled = chooseFrom(identities, situation, await loadFromMemory(db));
      // The draft's own From stands; the rules' pick still tells rememberFrom what the default was.
      choice = { identityId: message.identityId, reason: 'own', ruleIdentityId: ruled?.ruleIdentityId ?? ruled?.identityId };
    }
    const initialHtml = message.html === null ? null : editorHtml(message.html);
    useStore.getState().openComposer({ message, situation, choice, initialHtml });
  } catch (error) {
    fail(error);
  }
}

/** "Edit draft" on a message in a Drafts folder (also one another member saved, issue #4 §1). */
export async function editDraft(key: MessageKey): Promise<void> {
  const [accountId, folderPath, uid] = key;
  try {
    const message = await unwrap(api.call('drafts.open', { accountId, folderPath, uid }));
    await reopen(message);
  } catch (error) {
    fail(error);
  }
}
