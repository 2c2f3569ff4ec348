/**
 * A message's parts in order (issue #10 §2): plain text, HTML (sanitised in its own frame) and
 * attached messages shown as messages — their sender, subject and date, then their own parts,
 * under the same sanitising rules. Bodies cached before issue #10 have no `parts`: then the HTML
 * or else the text is shown, as before.
 */
import type { BodyPart } from '../../../shared/model';
import type { BodyRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { MessageFrame } from './MessageFrame';
import { PlainTextBody } from './PlainTextBody';
import { senderName } from './senderName';

export function shownParts(body: BodyRow): BodyPart[] {
  if (body.parts) return body.parts;
  if (body.html) return [{ kind: 'html', html: body.html }];
  return body.text ? [{ kind: 'text', text: body.text }] : [];
}

function AttachedMessage({ part, body, tag }: { part: Extract<BodyPart, { kind: 'message' }>; body: BodyRow; tag: string }) {
  const { t, fmt } = useI18n();
  const subject = part.headers.subject;
  return (
    <section className="attached-message" aria-label={t('reader.attachedMessage', { subject })}>
      <header className="attached-message__header">
        <p className="attached-message__subject">
          <bdi>{subject}</bdi>
        </p>
        <p className="attached-message__meta">
          {t('reader.attachedFrom')}: <bdi>{senderName(part.headers.from)}</bdi>
          {part.headers.from[0]?.address ? (
            <>
              {' <'}
              <bdi>{part.headers.from[0].address}</bdi>
              {'>'}
            </>
          ) : null}
          {part.headers.date > 0 && (
            <>
              {' · '}
              {t('reader.attachedDate')}: <time dateTime={new Date(part.headers.date).toISOString()}>{fmt.fullDate(part.headers.date)}</time>
            </>
          )}
        </p>
      </header>
      <BodyParts parts={part.parts} body={body} tag={`${tag}\u0000${part.partId}`} />
    </section>
  );
}

export function BodyParts({ parts, body, tag }: { parts: BodyPart[]; body: BodyRow; tag: string }) {
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'text') return <PlainTextBody key={index} text={part.text} />;
        if (part.kind === 'html') return <MessageFrame key={index} body={{ ...body, html: part.html }} messageTag={`${tag}\u0000${index}`} />;
        return <AttachedMessage key={index} part={part} body={body} tag={tag} />;
      })}
    </>
  );
}
