/**
 * One row of the message list: sender, date, subject, snippet, and unread/flag/attachment marks.
 * The sender, subject and snippet are a stranger's text: each is a bidi isolate (issue #10 §3).
 * A row is a drag source (issue #12 §2) and carries its position for the row menu.
 */
import type { DragEvent, MouseEvent } from 'react';
import { Isolated } from '../../components/Isolated';
import { answeredFlag, forwardedFlag, type MessageRow as Row } from '../../db/rows';
import type { ListRow } from '../../db/queries/messages';
import { useI18n } from '../../i18n/useI18n';
import { senderName } from './senderName';
import { DeletionNote } from './deletions/DeletionNote';

interface MessageRowProps {
  row: ListRow | undefined;
  /** In a unified view: the mailbox the message belongs to; in search results also its folder (issue #13 §1). */
  mailbox?: { address: string; color: string; folder?: string | undefined } | undefined;
  index: number;
  count: number;
  top: number;
  height: number;
  active: boolean;
  selected: boolean;
  onClick(event: MouseEvent): void;
  onDragStart(event: DragEvent): void;
}


/** A DOM id unique across folders and accounts (a unified list mixes UIDs of many folders). */
export function rowDomId(row: Pick<Row, 'accountId' | 'folderPath' | 'uid'>): string {
  let hash = 0x811c9dc5;
  const folder = `${row.accountId}\u0000${row.folderPath}`;
  for (let i = 0; i < folder.length; i++) hash = Math.imul(hash ^ folder.charCodeAt(i), 0x01000193) >>> 0;
  return `message-${hash.toString(36)}-${row.uid}`;
}

export function MessageRow({ row, mailbox, index, count, top, height, active, selected, onClick, onDragStart }: MessageRowProps) {
  const { t, fmt } = useI18n();
  const position = { transform: `translateY(${top}px)`, height };
  if (!row) {
    // Not loaded yet: a placeholder keeps the scroll height honest.
    return <div className="message-row message-row--placeholder" role="presentation" style={position} />;
  }
  const sender = senderName(row.from) || t('messages.unknownSender');
  const subject = row.subject.trim() || t('messages.noSubject');
  const unread = row.unread === 1;
  const flagged = row.flagged === 1;
  // Issue #4 §5: set by whoever answered, so every member of a shared mailbox sees it (RFC 9051 §2.3.2).
  const answered = row.flags.includes(answeredFlag);
  const forwarded = row.flags.includes(forwardedFlag);
  const domId = rowDomId(row);
  const descriptionId = `${domId}-description`;
  const states = [
    mailbox ? (mailbox.folder ? t('searchResults.inFolder', { mailbox: mailbox.address, folder: mailbox.folder }) : t('messages.inMailbox', { mailbox: mailbox.address })) : null,
    unread ? t('messages.unread') : null,
    flagged ? t('messages.flagged') : null,
    answered ? t('messages.answered') : null,
    forwarded ? t('messages.forwarded') : null,
    row.hasAttachments ? t('messages.hasAttachments') : null,
    (row.conversationSize ?? 1) > 1 ? t('conversation.count', { count: row.conversationSize ?? 1 }) : null,
    fmt.fullDate(row.date),
  ].filter(Boolean);
  const classes = ['message-row', mailbox && 'has-mailbox', unread && 'is-unread', selected && 'is-selected', active && 'is-active'];
  return (
    <div
      id={domId}
      role="option"
      aria-label={t('messages.rowName', { sender, subject })}
      aria-describedby={descriptionId}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      className={classes.filter(Boolean).join(' ')}
      style={position}
      data-index={index}
      draggable
      onClick={onClick}
      // Shift+click chooses a range: without this the browser also selects the rows' text.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      onDragStart={onDragStart}
    >
      <span className="message-row__unread-dot" aria-hidden="true" />
      <Isolated className="message-row__sender" text={sender} />
      <span className="message-row__marks">
        {(row.conversationSize ?? 1) > 1 && (
          <span className="message-row__conversation" aria-hidden="true">
            {fmt.number(row.conversationSize ?? 1)}
          </span>
        )}
        {answered && (
          <svg className="icon icon--small" viewBox="0 0 24 24" role="img" aria-label={t('messages.answered')}>
            <path d="M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11Z" />
          </svg>
        )}
        {forwarded && (
          <svg className="icon icon--small" viewBox="0 0 24 24" role="img" aria-label={t('messages.forwarded')}>
            <path d="M14 9V5l7 7-7 7v-4.1c-5 0-8.5 1.6-11 5.1 1-5 4-10 11-11Z" />
          </svg>
        )}
        {row.hasAttachments && (
          <svg className="icon icon--small" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10h-1.5Z" />
          </svg>
        )}
        {flagged && (
          <svg className="icon icon--small icon--flag" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M5 21V4h9l.4 2H20v10h-7l-.4-2H7v7H5Z" />
          </svg>
        )}
      </span>
      <time className="message-row__date" dateTime={new Date(row.date).toISOString()}>
        {fmt.listDate(row.date)}
      </time>
      <Isolated className="message-row__subject" text={subject} />
      {/* Issue #12 §7: in a shared Trash, who deleted it from where instead of the snippet. */}
      <DeletionNote accountId={row.accountId} folderPath={row.folderPath} uid={row.uid} className="message-row__snippet" fallback={<Isolated className="message-row__snippet" text={row.snippet} />} />
      {mailbox && (
        <span className="message-row__mailbox" aria-hidden="true">
          <span className="mailbox-swatch" style={{ backgroundColor: mailbox.color }} />
          <Isolated text={mailbox.folder ? t('searchResults.where', { mailbox: mailbox.address, folder: mailbox.folder }) : mailbox.address} />
        </span>
      )}
      <span id={descriptionId} className="visually-hidden">
        {states.join(', ')}
      </span>
    </div>
  );
}
