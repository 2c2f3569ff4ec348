/**
 * Subject, sender, recipients and date of the open message. A Sender other than the From
 * (RFC 5322 §3.6.2) is shown as Outlook does: "Ger on behalf of Ontvangstgebouw 32" (issue #4 §7).
 */
import { displayName, senderDisplay } from '../../../shared/compose';
import type { Address } from '../../../shared/model';
import type { MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';

function formatAddresses(addresses: readonly Address[]): string {
  return addresses.map((a) => (a.name.trim() ? `${a.name.trim()} <${a.address}>` : a.address)).join(', ');
}

export function ReaderHeader({ message }: { message: MessageRow }) {
  const { t, fmt } = useI18n();
  const shown = senderDisplay(message.from, message.sender);
  const from =
    shown?.kind === 'onBehalf'
      ? t('reader.onBehalf', { sender: displayName(shown.sender), from: displayName(shown.from) })
      : formatAddresses(message.from);
  const rows: [string, string][] = [
    [t('reader.from'), from],
    [t('reader.to'), formatAddresses(message.to)],
    [t('reader.cc'), formatAddresses(message.cc)],
  ];
  return (
    <header className="reader__header">
      <h2 id="reader-subject" className="reader__subject">
        {message.subject.trim() || t('messages.noSubject')}
      </h2>
      <dl className="reader__meta">
        {rows
          .filter(([, value]) => value !== '')
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
    </header>
  );
}
