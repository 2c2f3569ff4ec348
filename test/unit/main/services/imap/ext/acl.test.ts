import { describe, expect, it } from 'vitest';
import { capabilitiesFromRights, parseRights } from '../../../../../../src/main/services/imap/ext/acl';

describe('parseRights (RFC 4314 §2.1)', () => {
  it('reads Dovecot full rights, where c and d only summarize k/x and t/e', () => {
    expect(parseRights('lrwstipekxacd')).toEqual({
      lookup: true, read: true, seen: true, write: true, insert: true, post: true,
      createMailbox: true, deleteMailbox: true, deleteMessages: true, expunge: true, admin: true,
    });
  });

  it('reads a read-only member (lr)', () => {
    const r = parseRights('lr');
    expect(Object.entries(r).filter(([, v]) => v).map(([k]) => k)).toEqual(['lookup', 'read']);
  });

  it('does not let a summary d grant rights an RFC 4314 server left out', () => {
    // d is present because x is; t and e are not granted (§2.1.1).
    const r = parseRights('lrxd');
    expect(r).toMatchObject({ deleteMailbox: true, deleteMessages: false, expunge: false });
  });

  it('expands the obsolete c and d of an RFC 2086 server (§2.1.1)', () => {
    expect(parseRights('lrswipcda')).toMatchObject({ createMailbox: true, deleteMessages: true, expunge: true, deleteMailbox: true });
    // x was part of c on some servers and of d on others: only both together grant it.
    expect(parseRights('lrswipd')).toMatchObject({ createMailbox: false, deleteMessages: true, expunge: true, deleteMailbox: false });
    expect(parseRights('lrswipc')).toMatchObject({ createMailbox: true, deleteMessages: false, deleteMailbox: false });
  });

  it('ignores digits and unknown letters', () => {
    expect(parseRights('lr0z9')).toEqual(parseRights('lr'));
  });
});

describe('capabilitiesFromRights', () => {
  const caps = (s: string) => capabilitiesFromRights(parseRights(s));

  it('offers nothing that changes the folder to a read-only member', () => {
    expect(caps('lr')).toEqual({
      canRead: true, canSetSeen: false, canSetFlags: false, canDelete: false, canMoveOut: false, canMoveIn: false,
      canCreateSubfolder: false, canDeleteFolder: false, canManageSharing: false, readOnly: true,
    });
  });

  it('needs both t and e to delete or move messages out', () => {
    expect(caps('lrt')).toMatchObject({ canDelete: false, canMoveOut: false, readOnly: false });
    expect(caps('lre')).toMatchObject({ canDelete: false, canMoveOut: false });
    expect(caps('lrte')).toMatchObject({ canDelete: true, canMoveOut: true });
    expect(caps('lte')).toMatchObject({ canDelete: true, canMoveOut: false });
  });

  it('maps i to moving in, w to flags, s to seen', () => {
    expect(caps('lri')).toMatchObject({ canMoveIn: true, canSetFlags: false, canSetSeen: false, readOnly: false });
    expect(caps('lrw')).toMatchObject({ canSetFlags: true, canMoveIn: false });
    expect(caps('lrs')).toMatchObject({ canSetSeen: true, readOnly: false });
  });

  it('gives full rights every capability', () => {
    expect(Object.values(caps('lrwstipekxacd'))).toEqual([true, true, true, true, true, true, true, true, true, false]);
  });
});
