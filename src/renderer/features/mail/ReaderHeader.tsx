/** Subject, sender, recipients and date of the open message. */
import type { Address } from '../../../shared/model';
import type { MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';

function formatAddresses(addresses: readonly Address[]): string {
  return addresses.map((a) => (a.name.trim() ? `${a.name.trim()} <${a.address}>` : a.address)).join(', ');
}

export function ReaderHeader({ message }: { message: MessageRow }) {
  const { t, fmt } = useI18n();
  const rows: [string, string][] = [
    [t('reader.from'), formatAddresses(message.from)],
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
