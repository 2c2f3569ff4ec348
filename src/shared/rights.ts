/**
 * Access rights (RFC 4314 §2.1) turned into what the UI may offer. Shared: main decides what a
 * task may do, the renderer what to show; both read the same MYRIGHTS string.
 */
export interface Rights {
  /** l: the folder is visible in LIST. */
  lookup: boolean;
  /** r: SELECT, FETCH, SEARCH, COPY from. */
  read: boolean;
  /** s: keep \Seen across sessions. */
  seen: boolean;
  /** w: flags and keywords other than \Seen and \Deleted. */
  write: boolean;
  /** i: APPEND, COPY/MOVE into. */
  insert: boolean;
  /** p: send mail to the folder's submission address. */
  post: boolean;
  /** k (or obsolete c): create child folders. */
  createMailbox: boolean;
  /** x: delete or rename the folder. */
  deleteMailbox: boolean;
  /** t: set or clear \Deleted. */
  deleteMessages: boolean;
  /** e: EXPUNGE. */
  expunge: boolean;
  /** a: change the ACL (share the folder). */
  admin: boolean;
}

/**
 * Parses a rights string (RFC 4314 §2.1). The obsolete RFC 2086 rights `c` and `d` (§2.1.1)
 * only summarize their members on an RFC 4314 server, which also sends the members (k/x and
 * t/e/x), so they are read as rights only when no RFC 4314 letter is present at all. Then `c`
 * means k and `d` means t+e; `x` belonged to `c` on some old servers and to `d` on others, so it
 * is granted only when both are present. Digits and unknown letters are ignored.
 */
export function parseRights(text: string): Rights {
  const has = (r: string): boolean => text.includes(r);
  const legacy = !/[kxte]/.test(text);
  const c = legacy && has('c');
  const d = legacy && has('d');
  return {
    lookup: has('l'),
    read: has('r'),
    seen: has('s'),
    write: has('w'),
    insert: has('i'),
    post: has('p'),
    createMailbox: has('k') || c,
    deleteMailbox: has('x') || (c && d),
    deleteMessages: has('t') || d,
    expunge: has('e') || d,
    admin: has('a'),
  };
}

export interface FolderCapabilities {
  /** Open the folder and read mail. */
  canRead: boolean;
  /** Mark read/unread in a way that sticks. */
  canSetSeen: boolean;
  /** Flag, tag (keywords). */
  canSetFlags: boolean;
  /** Delete messages: \Deleted + EXPUNGE (t+e); also needed to move them out. */
  canDelete: boolean;
  canMoveOut: boolean;
  /** Move, copy, save or drop messages into the folder. */
  canMoveIn: boolean;
  canCreateSubfolder: boolean;
  /** Delete or rename the folder itself (a rename also needs k on the new parent). */
  canDeleteFolder: boolean;
  canManageSharing: boolean;
  /** Nothing here can change anything in the folder. */
  readOnly: boolean;
}

/**
 * What the UI may offer for a folder (RFC 4314 §4 lists the rights each command needs; MOVE,
 * RFC 6851 §3.3, needs what COPY + STORE \Deleted + EXPUNGE need).
 */
export function capabilitiesFromRights(rights: Rights): FolderCapabilities {
  const canDelete = rights.deleteMessages && rights.expunge;
  return {
    canRead: rights.read,
    canSetSeen: rights.seen,
    canSetFlags: rights.write,
    canDelete,
    canMoveOut: rights.read && canDelete,
    canMoveIn: rights.insert,
    canCreateSubfolder: rights.createMailbox,
    canDeleteFolder: rights.deleteMailbox,
    canManageSharing: rights.admin,
    readOnly: !(rights.seen || rights.write || rights.insert || rights.deleteMessages || rights.expunge),
  };
}
