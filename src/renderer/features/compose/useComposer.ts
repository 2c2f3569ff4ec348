/**
 * The composer's state and actions: fields, body (rich or plain), attachments, autosave every
 * few seconds after a change and on close (issue #4 §1), send with the shared-context
 * question (issue #4 §3), open in a window of its own, discard.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { chooseFrom, sendableIdentities, sharedContextWarning } from '../../../shared/compose';
import type { ApiError } from '../../../shared/api';
import type { OutgoingAttachment, OutgoingMessage } from '../../../shared/model/compose';
import { api, browserWindowUrl } from '../../api';
import { db } from '../../db/db';
import { loadFromMemory } from '../../db/queries/fromMemory';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import type { ComposerSession } from '../../store/composeSlice';
import { readAttachments } from './attachmentFiles';
import { addressText, checkAddressFields, type AddressFieldName, type AddressTexts } from './composerFields';
import { textToHtml } from './composeDraft';
import { outgoingHtml, visibleText } from './editorContent';
import { needsSharedQuestion, saveDraft, sendMessage, type DraftStatus } from './sendMessage';

/** Autosave this long after the last change (issue #4 §1: "every few seconds"). */
export const autosaveDelayMs = 3000;

export function useComposer(session: ComposerSession, onClosed: () => void) {
  const { t } = useI18n();
  const { message, situation, choice } = session;
  const identities = useStore((state) => state.identities) ?? [];
  const pushToast = useStore((state) => state.pushToast);
  const [identityId, setIdentityId] = useState(message.identityId);
  const [texts, setTexts] = useState<AddressTexts>({ to: addressText(message.to), cc: addressText(message.cc), bcc: addressText(message.bcc) });
  const [showCopies, setShowCopies] = useState(message.cc.length + message.bcc.length > 0);
  const [subject, setSubject] = useState(message.subject);
  const [attachments, setAttachments] = useState<OutgoingAttachment[]>(message.attachments);
  const [mode, setMode] = useState<'rich' | 'plain'>(session.initialHtml === null ? 'plain' : 'rich');
  const [richSeed, setRichSeed] = useState(session.initialHtml ?? '');
  const [plainText, setPlainText] = useState(message.text);
  const [touched, setTouched] = useState<Partial<Record<AddressFieldName, boolean>>>({});
  const [sendTried, setSendTried] = useState(false);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' });
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [question, setQuestion] = useState<{ chosen: string; shared: string } | null>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  const draftRef = useRef(message.draft);
  const savedVersion = useRef(0);
  const closed = useRef(false);
  const sending = useRef(false);
  /** Send was pressed: no autosave from here on (issue #10 §7; main refuses one anyway). */
  const sent = useRef(false);
  const saving = useRef<Promise<void>>(Promise.resolve());

  const sendable = sendableIdentities(identities);
  const identity = sendable.find((i) => i.id === identityId) ?? null;
  const check = checkAddressFields(texts, t);
  const changed = () => setVersion((v) => v + 1);

  function build(): OutgoingMessage {
    const editor = editorRef.current;
    const rich = mode === 'rich' && editor !== null;
    return {
      ...message,
      accountId: identity?.accountId ?? message.accountId,
      identityId,
      ...check.addresses,
      subject,
      text: rich ? visibleText(editor) : plainText,
      html: rich ? outgoingHtml(editor.innerHTML) : null,
      attachments,
      draft: draftRef.current,
    };
  }

  /** Saves now (one save at a time, so each one names the server copy the previous left). */
  function save(): Promise<void> {
    if (sent.current) return saving.current;
    const at = version;
    const snapshot = build();
    saving.current = saving.current.then(async () => {
      setStatus({ kind: 'saving' });
      const { status: next, server } = await saveDraft({ ...snapshot, draft: draftRef.current });
      if (server) draftRef.current = { folderPath: server.folderPath, uid: server.uid };
      savedVersion.current = Math.max(savedVersion.current, at);
      if (!closed.current) setStatus(next);
    });
    return saving.current;
  }

  const autosave = useEffectEvent(() => {
    if (!closed.current && version > savedVersion.current) void save();
  });
  useEffect(() => {
    if (version === 0) return;
    const timer = setTimeout(autosave, autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [version]);

  function finish() {
    closed.current = true;
    onClosed();
  }

  async function close() {
    if (version > savedVersion.current) await save();
    else await saving.current;
    finish();
  }

  /** One send at a time: a second Send or "Send anyway" (double click, Ctrl+Enter) while one runs must not queue it twice. */
  async function once(work: () => Promise<void>) {
    if (sending.current) return;
    sending.current = true;
    try {
      await work();
    } finally {
      sending.current = false;
    }
  }

  async function doSend() {
    setQuestion(null);
    setBusy(true);
    sent.current = true;
    await saving.current;
    const error: ApiError | null = await sendMessage(build(), situation, choice);
    setBusy(false);
    if (error) {
      sent.current = false;
      pushToast('error', t('compose.sendFailed', { error: describeError(t, error) }));
    } else finish();
  }

  async function send() {
    setSendTried(true);
    if (!check.sendable || !identity) return;
    await once(async () => {
      const warning = sharedContextWarning(identities, situation, identity.id);
      // Asked once per situation: what the memory says now (also after an undo or a reopened draft).
      const remembered = warning ? chooseFrom(identities, situation, await loadFromMemory(db)) : null;
      if (warning && needsSharedQuestion(warning, remembered, identity.id)) setQuestion(warning);
      else await doSend();
    });
  }

  async function discard() {
    closed.current = true;
    await saving.current;
    const result = await api.call('drafts.discard', { id: message.id }).catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
    if (!result.ok) pushToast('error', t('compose.discardFailed', { error: describeError(t, result.error) }));
    onClosed();
  }

  async function openInWindow() {
    await save();
    const route = `compose/${message.id}`;
    const result = await api.call('app.openWindow', { route }).catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
    if (!result.ok && result.error.code !== 'unsupported') {
      pushToast('error', t('compose.windowFailed', { error: describeError(t, result.error) }));
      return;
    }
    if (!result.ok) window.open(browserWindowUrl(route), '_blank');
    finish();
  }

  async function addFiles(files: File[]) {
    const { added, tooLarge, unreadable } = await readAttachments(files);
    if (added.length > 0) {
      setAttachments((list) => [...list, ...added]);
      changed();
    }
    for (const name of tooLarge) pushToast('error', t('compose.fileTooLarge', { filename: name }));
    for (const name of unreadable) pushToast('error', t('compose.fileUnreadable', { filename: name }));
  }

  function switchMode() {
    const editor = editorRef.current;
    if (mode === 'rich') {
      setPlainText(editor ? visibleText(editor) : plainText);
      setMode('plain');
    } else {
      setRichSeed(textToHtml(plainText));
      setMode('rich');
    }
    changed();
  }

  const errorFor = (name: AddressFieldName): string | null => ((touched[name] || sendTried) && check.errors[name]) || null;

  return {
    identity,
    identityId,
    sendable,
    texts,
    showCopies,
    subject,
    attachments,
    mode,
    richSeed,
    plainText,
    status,
    busy,
    question,
    editorRef,
    errorFor,
    setIdentity: (id: string) => (setIdentityId(id), changed()),
    setText: (name: AddressFieldName, value: string) => (setTexts((all) => ({ ...all, [name]: value })), changed()),
    touch: (name: AddressFieldName) => setTouched((all) => ({ ...all, [name]: true })),
    revealCopies: () => setShowCopies(true),
    setSubject: (value: string) => (setSubject(value), changed()),
    setPlainText: (value: string) => (setPlainText(value), changed()),
    removeAttachment: (id: string) => (setAttachments((list) => list.filter((a) => a.id !== id)), changed()),
    bodyChanged: changed,
    addFiles: (files: File[]) => void addFiles(files),
    switchMode,
    send: () => void send(),
    confirmSend: () => void once(doSend),
    cancelQuestion: () => setQuestion(null),
    close: () => void close(),
    discard: () => void discard(),
    openInWindow: () => void openInWindow(),
  };
}

export type ComposerState = ReturnType<typeof useComposer>;
