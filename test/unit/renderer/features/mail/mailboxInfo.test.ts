import { describe, expect, it } from 'vitest';
import { folderCapabilities, isReadOnly, mailboxColor, mailboxPalette, quotaUsage, quotaWarning } from '../../../../../src/renderer/features/mail/mailboxInfo';
import { createTranslator } from '../../../../../src/renderer/i18n/translate';

const en = createTranslator('en', 'en-US');
const nl = createTranslator('nl', 'nl-NL');
const info = (usedKiB: number, limitKiB = 51_200) => ({ address: 'info@example.test', quota: { usedKiB, limitKiB } });

describe('quota wording', () => {
  it('says nothing below 80 % or without a quota', () => {
    expect(quotaWarning(info(40_000), en)).toBeNull();
    expect(quotaWarning({ address: 'info@example.test', quota: null }, en)).toBeNull();
  });

  it('warns at 80 and 90 % as a status, at 95 % and full as an alert, explaining what happens', () => {
    expect(quotaWarning(info(41_000), en)).toEqual({
      level: 'warn80',
      urgent: false,
      text: 'info@example.test is 80% full. When it is full, sending from it stops first, then incoming mail bounces back to the senders.',
    });
    expect(quotaWarning(info(46_700), en)).toMatchObject({ level: 'warn90', urgent: false });
    expect(quotaWarning(info(46_700), en)?.text).toMatch(/^info@example\.test is 91% full\./);
    expect(quotaWarning(info(49_000), en)).toMatchObject({ level: 'warn95', urgent: true });
    expect(quotaWarning(info(51_200), en)).toMatchObject({ level: 'full', urgent: true });
    expect(quotaWarning(info(51_200), en)?.text).toContain('100% full. Sending from it has stopped');
  });

  it('warns in Dutch too', () => {
    expect(quotaWarning(info(46_700), nl)?.text).toBe(
      'info@example.test is voor 91% vol. Als hij vol is, stopt eerst het verzenden ervanuit en daarna gaat binnenkomende mail terug naar de afzenders.',
    );
  });

  it('shows use in binary megabytes, as servers count them', () => {
    expect(quotaUsage(info(12_595).quota, en, 'en-US')).toBe('12.3 MB of 50 MB used');
    expect(quotaUsage(info(12_595).quota, nl, 'nl-NL')).toBe('12,3 MB van 50 MB gebruikt');
    expect(quotaUsage(null, en, 'en-US')).toBeNull();
  });
});

describe('rights → what is offered', () => {
  it('offers everything in own folders (null rights)', () => {
    expect(folderCapabilities(null)).toMatchObject({ canSetSeen: true, canSetFlags: true, canDelete: true, readOnly: false });
  });

  it('offers nothing with lr (carol in info@), only read state with lrs', () => {
    expect(folderCapabilities('lr')).toMatchObject({ canSetSeen: false, canSetFlags: false, canDelete: false, readOnly: true });
    expect(isReadOnly('lr')).toBe(true);
    expect(folderCapabilities('lrs')).toMatchObject({ canSetSeen: true, canSetFlags: false, canDelete: false });
    expect(isReadOnly('lrs')).toBe(false);
    expect(folderCapabilities('lrswt')).toMatchObject({ canSetFlags: true, canDelete: false });
    expect(folderCapabilities('lrste')).toMatchObject({ canDelete: true });
  });
});

describe('mailboxColor', () => {
  it('is stable per mailbox and drawn from the palette', () => {
    const ids = ['a:own', 'a:shared:info@example.test', 'a:shared:sales@example.test', 'b:own'];
    const colors = ids.map(mailboxColor);
    expect(colors).toEqual(ids.map(mailboxColor));
    expect(colors.every((color) => (mailboxPalette as readonly string[]).includes(color))).toBe(true);
    expect(new Set(colors).size).toBeGreaterThan(1);
  });
});
