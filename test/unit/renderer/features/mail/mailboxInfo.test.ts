import { describe, expect, it } from 'vitest';
import { colourOf, folderCapabilities, isReadOnly, mailboxColor, mailboxColours, mailboxPalette, quotaUsage, quotaWarning } from '../../../../../src/renderer/features/mail/mailboxInfo';
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
    // Issue #10 §9: Dovecot shows a shared mailbox's quota only to its owner.
    expect(quotaUsage(null, en, 'en-US')).toBe('storage use not shown by your server');
    expect(quotaUsage(null, nl, 'nl-NL')).toBe('opslaggebruik niet getoond door je server');
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

describe('mailboxColours', () => {
  const own = (account: string) => ({ id: `${account}:own`, kind: 'own' as const, address: `${account}@example.test` });
  const shared = (address: string, account = 'a') => ({ id: `${account}:shared:${address}`, kind: 'shared' as const, address });
  /** Shared mailboxes whose preferred colour is the same as `like`'s: the collisions the hash alone gives. */
  function sameHashAs(like: string, count: number): ReturnType<typeof shared>[] {
    const found: ReturnType<typeof shared>[] = [];
    for (let i = 0; found.length < count; i++) {
      const candidate = shared(`team${i}@example.test`);
      if (mailboxColor(candidate.id) === mailboxColor(like)) found.push(candidate);
    }
    return found;
  }

  it('gives two mailboxes whose hash colours collide different colours, the own mailbox keeping its own', () => {
    const [info] = sameHashAs('bob:own', 1);
    const colours = mailboxColours([info!, own('bob')]);
    expect(colours.get('bob:own')).toBe(mailboxColor('bob:own'));
    expect(colours.get(info!.id)).not.toBe(colours.get('bob:own'));
  });

  it('keeps all colours distinct up to the size of the palette, and only then repeats', () => {
    const mailboxes = [own('bob'), ...sameHashAs('bob:own', 7)];
    const colours = mailboxColours(mailboxes);
    expect(new Set(colours.values()).size).toBe(8);
    expect([...colours.values()].every((colour) => (mailboxPalette as readonly string[]).includes(colour))).toBe(true);
    const nine = mailboxColours([...mailboxes, shared('zz@example.test')]);
    expect(nine.size).toBe(9);
    expect(new Set(nine.values()).size).toBe(8);
  });

  it('gives the others in address order: the first of two colliding shared mailboxes keeps its preferred colour', () => {
    const [first, second] = sameHashAs('nobody', 2).sort((a, b) => a.address.localeCompare(b.address));
    for (const input of [[first!, second!], [second!, first!]]) {
      const colours = mailboxColours(input);
      expect(colours.get(first!.id)).toBe(mailboxColor(first!.id));
      expect(colours.get(second!.id)).not.toBe(colours.get(first!.id));
    }
  });

  it('is stable: the same input in any order gives the same colours, and an unrelated mailbox changes no one', () => {
    const mailboxes = [own('bob'), shared('info@example.test', 'bob'), shared('sales@example.test', 'bob')];
    const colours = mailboxColours(mailboxes);
    expect(mailboxColours([...mailboxes].reverse())).toEqual(colours);
    // A newcomer whose preferred colour no one holds takes it and leaves the others as they were.
    const holding = new Set(colours.values());
    let newcomer = shared('new0@example.test', 'bob');
    for (let i = 1; holding.has(mailboxColor(newcomer.id)); i++) newcomer = shared(`new${i}@example.test`, 'bob');
    const after = mailboxColours([...mailboxes, newcomer]);
    for (const mailbox of mailboxes) expect(after.get(mailbox.id)).toBe(colours.get(mailbox.id));
    expect(after.get(newcomer.id)).toBe(mailboxColor(newcomer.id));
  });

  it('falls back to the preferred colour for a mailbox it was not given', () => {
    expect(colourOf(new Map(), 'x:own')).toBe(mailboxColor('x:own'));
  });
});
