/** Issue #10 §3: a notification's names and subject are bidi isolates (FSI … PDI). */
import { describe, expect, it } from 'vitest';
import { i18nFor } from '../../../../src/renderer/i18n/i18n';
import { newMailText } from '../../../../src/renderer/sync/notifyNewMail';
import type { NewMail } from '../../../../src/renderer/sync/newMail';

const mail: NewMail = {
  key: ['a1', 'INBOX', 7],
  mailboxId: 'a1:own',
  mailboxAddress: 'info@example.test',
  sender: 'attacker\u202E',
  subject: 'factuur\u202Efdp.exe',
};

describe('new-mail notification text', () => {
  it('isolates the sender, so its override ends before the words after it', () => {
    const { t } = i18nFor('en', null);
    expect(newMailText(mail, t)).toEqual({
      title: '\u2068info@example.test\u2069 — New message from \u2068attacker\u202E\u2069',
      body: '\u2068factuur\u202Efdp.exe\u2069',
    });
  });

  it('keeps the plain words for an unknown sender and no subject, in Dutch too', () => {
    const { t } = i18nFor('nl', null);
    const text = newMailText({ ...mail, sender: '', subject: '' }, t, 5);
    expect(text.body).toBe(t('messages.noSubject'));
    expect(text.title).toBe('\u2068info@example.test\u2069 — 5 nieuwe berichten');
  });
});
