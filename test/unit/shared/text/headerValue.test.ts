/** Issue #10 §6: CR/LF never reaches a header from any input. */
import { describe, expect, it } from 'vitest';
import { accountSettingsSchema } from '../../../../src/shared/api';
import { addressSchema, identityConfigEntrySchema, outgoingAttachmentSchema } from '../../../../src/shared/composeSchemas';
import { headerText, isHeaderSafe } from '../../../../src/shared/text/headerValue';

describe('headerText', () => {
  it('folds every run of CR/LF to one space and drops other controls, keeping TAB and any language', () => {
    expect(headerText('Evil\r\nBcc: x@y.z')).toBe('Evil Bcc: x@y.z');
    expect(headerText('a\r\r\n\nb\rc\nd')).toBe('a b c d');
    expect(headerText('nul\u0000 esc\u001b del\u007f\ttab')).toBe('nul esc del\ttab');
    expect(headerText('Zoë — € 🎉 שלום')).toBe('Zoë — € 🎉 שלום');
    expect(isHeaderSafe('ok')).toBe(true);
    expect(isHeaderSafe('no\nway')).toBe(false);
  });
});

describe('the contract folds CR/LF in text that becomes a header', () => {
  it('in a recipient name, an identity name, a file name and an account display name', () => {
    expect(addressSchema.parse({ name: 'Info\r\nX-Injected: 1', address: 'info@example.test' }).name).toBe('Info X-Injected: 1');
    expect(identityConfigEntrySchema.parse({ address: 'info@example.test', displayName: 'Info\nX: 1' }).displayName).toBe('Info X: 1');
    const file = outgoingAttachmentSchema.parse({ kind: 'data', id: 'f1', filename: 'a\r\nb.pdf', contentType: 'application/pdf', size: 1, dataBase64: 'QQ==' });
    expect(file.filename).toBe('a b.pdf');
    const account = accountSettingsSchema.parse({
      email: 'alice@example.test',
      displayName: 'Alice\r\nX-Postvak-Author: forged',
      username: 'alice',
      imap: { host: 'imap.example.test', port: 993, security: 'tls' },
      smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' },
    });
    expect(account.displayName).toBe('Alice X-Postvak-Author: forged');
  });
});
