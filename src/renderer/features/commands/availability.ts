/**
 * What may be offered for a set of messages (issue #12 §1 "rights are checked before a task is
 * offered"): the same rules for the keys, the row menu, the reader toolbar and the bulk panel.
 * Each message's folder decides (RFC 4314 §2.1 via folderCapabilities); a selection across
 * folders (a unified view) is offered what every one of its folders allows. Main checks again.
 */
import type { FolderCapabilities } from '../../../shared/rights';
import type { FolderRole } from '../../../shared/model';
import { folderCapabilities } from '../mail/mailboxInfo';

export interface TargetFolder {
  /** MYRIGHTS; null for the person's own folders (all rights). */
  rights: string | null;
  role: FolderRole | null;
}

export interface Offer {
  /** Mark read / unread (s). */
  seen: boolean;
  /** Flag (w). */
  flag: boolean;
  /** Move to…, Archive (r + t + e). */
  move: boolean;
  /** Copy to… (r). */
  copy: boolean;
  archive: boolean;
  junk: boolean;
  notJunk: boolean;
  /** Delete (t + e). */
  delete: boolean;
}

export const nothingOffered: Offer = { seen: false, flag: false, move: false, copy: false, archive: false, junk: false, notJunk: false, delete: false };

/** Folders where "Junk" makes no sense: the person's own words, or what is already thrown away. */
const noJunkRoles: ReadonlySet<FolderRole> = new Set(['junk', 'sent', 'drafts', 'trash']);

export function offerFor(folders: readonly TargetFolder[]): Offer {
  if (folders.length === 0) return nothingOffered;
  return folders
    .map((folder) => offerIn(folderCapabilities(folder.rights), folder.role))
    .reduce((a, b) => Object.fromEntries(Object.keys(a).map((key) => [key, a[key as keyof Offer] && b[key as keyof Offer]])) as unknown as Offer);
}

/**
 * One folder's offer from its capabilities and role; `undefined` role (not read yet) offers
 * nothing that depends on it (Archive, Junk, Not junk) rather than the wrong one.
 */
export function offerIn(caps: FolderCapabilities, role: FolderRole | null | undefined): Offer {
  const move = caps.canMoveOut;
  const known = role !== undefined;
  return {
    seen: caps.canSetSeen,
    flag: caps.canSetFlags,
    move,
    copy: caps.canRead,
    archive: move && known && role !== 'archive',
    junk: move && known && (!role || !noJunkRoles.has(role)),
    notJunk: move && role === 'junk',
    delete: caps.canDelete,
  };
}
