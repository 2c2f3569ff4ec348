/**
 * Calm warnings under the reader's header where the sender is not what it seems (issue #10 §3):
 * a name that is another address, a name mixing alphabets, mail claiming one of the person's own
 * addresses that their server says failed authentication. The judging is pure
 * (src/shared/mail/senderTrust.ts); this reads what it needs and says it in the person's language.
 */
import { useMemo } from 'react';
import { senderWarnings, trustedAuthservIds, type SenderWarning } from '../../../shared/mail/senderTrust';
import { isolatedSentence } from '../../components/Isolated';
import { useCachedBody } from '../../db/queries/bodies';
import type { MessageKey, MessageRow } from '../../db/rows';
import type { Language, Translate } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import './trust.css';

function scriptNames(codes: readonly string[], language: Language): string {
  const names = new Intl.DisplayNames([language], { type: 'script', fallback: 'code' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}

function sentence(warning: SenderWarning, t: Translate, language: Language) {
  switch (warning.kind) {
    case 'nameIsOtherAddress':
      return isolatedSentence((p) => t('reader.warnNameIsOtherAddress', p), { claimed: warning.claimed, actual: warning.actual });
    case 'mixedScripts':
      return isolatedSentence((p) => t('reader.warnMixedScripts', { ...p, scripts: scriptNames(warning.scripts, language) }), { word: warning.word });
    case 'ownAddressFailed':
      return isolatedSentence((p) => t('reader.warnOwnAddressFailed', { ...p, method: warning.method.toUpperCase() }), { address: warning.address });
  }
}

export function SenderWarnings({ message }: { message: MessageRow }) {
  const { t, language } = useI18n();
  const { accountId, folderPath, uid } = message;
  const key = useMemo<MessageKey>(() => [accountId, folderPath, uid], [accountId, folderPath, uid]);
  const body = useCachedBody(key);
  const accounts = useStore((state) => state.accounts);
  const identities = useStore((state) => state.identities);
  const chosenIds = useStore((state) => state.authservIds[accountId]);
  const warnings = useMemo(() => {
    const account = accounts?.find((a) => a.id === accountId);
    const ownAddresses = [...(accounts ?? []).map((a) => a.email), ...(identities ?? []).map((i) => i.address)];
    return senderWarnings({
      from: message.from,
      // Bodies cached before issue #10 have no authResults: nothing to judge there.
      authResults: body?.headers.authResults ?? [],
      ownAddresses,
      trustedAuthservIds: account ? trustedAuthservIds(account, chosenIds) : [],
    });
  }, [accounts, identities, chosenIds, accountId, message.from, body]);
  if (warnings.length === 0) return null;
  return (
    <ul className="sender-warnings" aria-label={t('reader.senderCheck')}>
      {warnings.map((warning) => (
        <li key={warning.kind}>{sentence(warning, t, language)}</li>
      ))}
    </ul>
  );
}
