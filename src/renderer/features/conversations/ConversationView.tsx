/**
 * The open message's conversation in the reader (issue #12 §4): every message oldest first —
 * the customer's mail and the team's answers from the mailbox's Sent folder — each under a
 * heading with who wrote it ("Bob on behalf of Info") and when. Older ones are one line (sender, date, snippet) that opens
 * on click or Enter (a disclosure button in the heading, WAI-ARIA APG accordion); the open
 * message and the newest start expanded. A message outside the list's folder says where it is
 * ("In Sent"). Who answered (issue #4 §5) is shown under each message it concerns.
 */
import { useState, type ReactNode } from 'react';
import { displayName, senderDisplay } from '../../../shared/compose';
import { Isolated, isolatedSentence } from '../../components/Isolated';
import { useFolders } from '../../db/queries/folders';
import type { MessageKey, MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { folderDisplayName } from '../mail/folderNames';
import { senderName } from '../mail/senderName';
import './conversation.css';

const tagOf = (row: Pick<MessageRow, 'accountId' | 'folderPath' | 'uid'>) => `${row.accountId}\u0000${row.folderPath}\u0000${row.uid}`;

export interface ConversationViewProps {
  /** The open message (the list's selection). */
  open: MessageKey;
  /** The conversation, oldest first (more than one message). */
  rows: readonly MessageRow[];
  /** What an expanded message shows under its heading (header fields, answers, body). */
  renderMessage(row: MessageRow, isOpen: boolean): ReactNode;
}

export function ConversationView({ open, rows, renderMessage }: ConversationViewProps) {
  const { t, fmt } = useI18n();
  const openTag = open.join('\u0000');
  const openRow = rows.find((row) => tagOf(row) === openTag);
  const newest = rows.reduce<MessageRow | undefined>((best, row) => (!best || row.date >= best.date ? row : best), undefined);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([openTag, ...(newest ? [tagOf(newest)] : [])]));
  const folders = useFolders(open[0]);
  const folderName = (path: string) => {
    const folder = folders?.find((f) => f.path === path);
    return folder ? folderDisplayName(folder, t) : path;
  };
  const toggle = (tag: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(tag)) next.add(tag);
      return next;
    });
  const subject = (openRow ?? rows[0])?.subject.trim() || t('messages.noSubject');

  return (
    <section className="conversation" aria-label={t('conversation.region')}>
      <header className="conversation__header">
        <h2 id="reader-subject" className="reader__subject" dir="auto">
          <Isolated text={subject} />
        </h2>
        <p className="conversation__count">{t('conversation.count', { count: rows.length })}</p>
      </header>
      <ol className="conversation__messages">
        {rows.map((row) => {
          const tag = tagOf(row);
          const isOpen = tag === openTag;
          const isExpanded = expanded.has(tag);
          const headingId = `conversation-${row.folderPath}-${row.uid}`.replace(/[^\w-]/g, '_');
          // The person who wrote it: "Bob on behalf of Info" for a team answer (RFC 5322 §3.6.2).
          const shown = senderDisplay(row.from, row.sender);
          const who =
            shown?.kind === 'onBehalf'
              ? isolatedSentence((p) => t('reader.onBehalf', p), { sender: displayName(shown.sender), from: displayName(shown.from) })
              : [<Isolated key="from" text={senderName(row.from) || row.from[0]?.address || t('conversation.noSender')} />];
          const elsewhere = row.folderPath !== open[1];
          return (
            <li key={tag} className={`conversation__message${isOpen ? ' is-open' : ''}${isExpanded ? ' is-expanded' : ''}`}>
              <article aria-labelledby={headingId}>
                <h3 className="conversation__heading">
                  <button type="button" id={headingId} className="conversation__toggle" aria-expanded={isExpanded} onClick={() => toggle(tag)}>
                    <span className="conversation__who">{who}</span>
                    <time className="conversation__date" dateTime={new Date(row.date).toISOString()}>
                      {fmt.fullDate(row.date)}
                    </time>
                    {elsewhere && <span className="conversation__folder">{isolatedSentence((p) => t('conversation.inFolder', p), { folder: folderName(row.folderPath) })}</span>}
                  </button>
                </h3>
                {isExpanded ? (
                  <div className="conversation__content">{renderMessage(row, isOpen)}</div>
                ) : (
                  <p className="conversation__snippet" dir="auto">
                    <Isolated text={row.snippet} />
                  </p>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
