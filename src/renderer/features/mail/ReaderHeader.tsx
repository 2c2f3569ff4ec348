/**
 * Subject, sender, recipients and date of the open message. A Sender other than the From
 * (RFC 5322 §3.6.2) is shown as Outlook does: "Ger on behalf of Ontvangstgebouw 32" (issue #4 §7).
 * Every name and the subject are bidi isolates, so an override in a name cannot run on over
 * the real address after it (issue #10 §3); calm warnings say where the sender is not what it
 * seems (SenderWarnings).
 */
import { Fragment, type ReactNode } from 'react';
import { displayName, senderDisplay } from '../../../shared/compose';
import type { Address } from '../../../shared/model';
import { Isolated, isolatedSentence } from '../../components/Isolated';
import type { MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { SenderWarnings } from './SenderWarnings';

/** `Name <address>` with the name and the address each isolated, or the bare address. */
export function AddressText({ address }: { address: Address }) {
  const name = address.name.trim();
  if (!name) return <Isolated text={address.address} />;
  return (
    <>
      <Isolated text={name} /> &lt;
      <Isolated text={address.address} />
      &gt;
    </>
  );
}

function addressList(addresses: readonly Address[]): ReactNode {
  if (addresses.length === 0) return null;
  return addresses.map((a, i) => (
    <Fragment key={`${i}:${a.address}`}>
      {i > 0 && ', '}
      <AddressText address={a} />
    </Fragment>
  ));
}

/**
 * `inConversation`: one message of a conversation (issue #12 §4) — the conversation shows the
 * subject once and names each message by its own heading, so only the fields are shown here.
 */
export function ReaderHeader({ message, inConversation = false }: { message: MessageRow; inConversation?: boolean }) {
  const { t, fmt } = useI18n();
  const shown = senderDisplay(message.from, message.sender);
  const from =
    shown?.kind === 'onBehalf'
      ? isolatedSentence((p) => t('reader.onBehalf', p), { sender: displayName(shown.sender), from: displayName(shown.from) })
      : addressList(message.from);
  const rows: [string, ReactNode][] = [
    [t('reader.from'), from],
    [t('reader.to'), addressList(message.to)],
    [t('reader.cc'), addressList(message.cc)],
  ];
  return (
    <header className="reader__header">
      {!inConversation && (
        <h2 id="reader-subject" className="reader__subject" dir="auto">
          <Isolated text={message.subject.trim() || t('messages.noSubject')} />
        </h2>
      )}
      <dl className="reader__meta">
        {rows
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <div key={label} className="reader__meta-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        <div className="reader__meta-row">
          <dt>{t('reader.date')}</dt>
          <dd>
            <time dateTime={new Date(message.date).toISOString()}>{fmt.fullDate(message.date)}</time>
          </dd>
        </div>
      </dl>
      <SenderWarnings message={message} />
    </header>
  );
}
