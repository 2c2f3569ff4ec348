/**
 * Checks a folder name typed for New folder / Rename (issue #12 §6) before the server sees it,
 * so the person learns at once what to change. The server still decides (its refusal is shown
 * in its own words): these are only the rules every IMAP server shares.
 */
export type FolderNameProblem =
  | { key: 'folderName.empty' }
  | { key: 'folderName.delimiter'; delimiter: string }
  | { key: 'folderName.reserved' }
  | { key: 'folderName.tooLong' }
  | { key: 'folderName.duplicate'; name: string }
  | { key: 'folderName.unchanged' };

export interface FolderNameContext {
  /** The hierarchy delimiter (RFC 9051 §6.3.9 LIST): a name is one level, so it cannot hold it. */
  delimiter: string;
  /** Names of the folders already beside it (under the same parent). */
  siblings: readonly string[];
  /** The folder's name today, when renaming. */
  current?: string;
}

/** The same limit as the contract (api.ts `folderName`). */
export const maxFolderNameLength = 200;

/**
 * `*` and `%` are LIST wildcards (RFC 9051 §6.3.9) and control characters are not allowed in
 * mailbox names; the contract refuses them too. Names differing only in case count as the same:
 * INBOX is case-insensitive (RFC 9051 §5.1) and many servers store folders on case-insensitive
 * file systems, so two such folders would only confuse.
 */
export function folderNameProblem(typed: string, context: FolderNameContext): FolderNameProblem | null {
  const name = typed.trim();
  if (name === '') return { key: 'folderName.empty' };
  if (context.delimiter !== '' && name.includes(context.delimiter)) return { key: 'folderName.delimiter', delimiter: context.delimiter };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\u0000-\u001f\u007f*%]/.test(name)) return { key: 'folderName.reserved' };
  if (name.length > maxFolderNameLength) return { key: 'folderName.tooLong' };
  if (context.current !== undefined && name === context.current) return { key: 'folderName.unchanged' };
  const folded = name.toLowerCase();
  const clash = context.siblings.find((sibling) => sibling.toLowerCase() === folded && sibling !== context.current);
  return clash === undefined ? null : { key: 'folderName.duplicate', name: clash };
}
