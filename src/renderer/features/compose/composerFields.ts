/** The composer's address fields as text and their checks before sending (issue #4 §4). */
import { formatAddress, parseAddressField } from '../../../shared/compose';
import type { Address } from '../../../shared/model';
import type { Translate } from '../../i18n/types';

export type AddressFieldName = 'to' | 'cc' | 'bcc';
export type AddressTexts = Record<AddressFieldName, string>;

export function addressText(list: readonly Address[]): string {
  return list.map(formatAddress).join(', ');
}

export interface FieldCheck {
  addresses: Record<AddressFieldName, Address[]>;
  /** Words per field for what is wrong; only fields with a problem. */
  errors: Partial<Record<AddressFieldName, string>>;
  /** Nothing invalid and at least one recipient. */
  sendable: boolean;
}

export function checkAddressFields(texts: AddressTexts, t: Translate): FieldCheck {
  const addresses = { to: [], cc: [], bcc: [] } as Record<AddressFieldName, Address[]>;
  const errors: FieldCheck['errors'] = {};
  for (const name of ['to', 'cc', 'bcc'] as const) {
    const parsed = parseAddressField(texts[name]);
    addresses[name] = parsed.addresses;
    if (parsed.invalid.length > 0) {
      errors[name] = t('compose.invalidAddresses', { count: parsed.invalid.length, addresses: parsed.invalid.map((p) => `“${p}”`).join(', ') });
    }
  }
  const none = addresses.to.length + addresses.cc.length + addresses.bcc.length === 0;
  if (none && !errors.to) errors.to = t('compose.noRecipients');
  return { addresses, errors, sendable: Object.keys(errors).length === 0 };
}
