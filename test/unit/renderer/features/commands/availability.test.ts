/** Issue #12 §1, §5: what the keys, the row menu and the toolbar offer follows the folders' rights (RFC 4314). */
import { describe, expect, it } from 'vitest';
import { offerFor } from '../../../../../src/renderer/features/commands/availability';

describe('what a selection is offered', () => {
  it('everything in an own Inbox (all rights)', () => {
    expect(offerFor([{ rights: null, role: 'inbox' }])).toEqual({
      seen: true,
      flag: true,
      move: true,
      copy: true,
      archive: true,
      junk: true,
      notJunk: false,
      delete: true,
    });
  });

  it('only copying to a read-only member (carol in info@: lr)', () => {
    expect(offerFor([{ rights: 'lr', role: 'inbox' }])).toEqual({
      seen: false,
      flag: false,
      move: false,
      copy: true,
      archive: false,
      junk: false,
      notJunk: false,
      delete: false,
    });
  });

  it('Not junk instead of Junk in a Junk folder, no Archive in the Archive', () => {
    const junk = offerFor([{ rights: null, role: 'junk' }]);
    expect([junk.junk, junk.notJunk]).toEqual([false, true]);
    expect(offerFor([{ rights: null, role: 'archive' }]).archive).toBe(false);
  });

  it('a selection across folders gets what every folder allows', () => {
    const mixed = offerFor([
      { rights: null, role: 'inbox' },
      { rights: 'lrs', role: 'inbox' },
    ]);
    expect([mixed.seen, mixed.flag, mixed.delete, mixed.move]).toEqual([true, false, false, false]);
  });

  it('nothing for a folder whose rights are not known yet', () => {
    expect(Object.values(offerFor([{ rights: '', role: null }])).some(Boolean)).toBe(false);
    expect(Object.values(offerFor([])).some(Boolean)).toBe(false);
  });
});
