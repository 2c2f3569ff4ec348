/**
 * What the box's suggestions draw on (issue #13 §2: values after `from:`, `to:`, `in:`,
 * `mailbox:`): the folder names and mailbox addresses the person can search, and the addresses
 * of recent correspondents — read from the newest page of each Inbox (senders) and Sent folder
 * (recipients), a few hundred summaries at most, once when the box is first used and again
 * after a minute. Never the whole cache: suggestions are a convenience, not an index.
 */
import { db } from '../../db/db';
import type { PostvakDb } from '../../db/schema';
import type { SuggestionContext } from '../../../shared/search/suggestions';

export type SuggestionSources = Pick<SuggestionContext, 'folders' | 'mailboxes' | 'recentAddresses'>;

const freshForMs = 60_000;
const maxAddresses = 200;
let cached: { at: number; value: Promise<SuggestionSources> } | null = null;

export async function loadSuggestionSources(database: PostvakDb): Promise<SuggestionSources> {
  const [mailboxes, folders] = await Promise.all([database.mailboxes.toArray(), database.folders.toArray()]);
  const visible = mailboxes.filter((mailbox) => !mailbox.hidden);
  const visibleIds = new Set(visible.map((mailbox) => mailbox.id));
  const searchable = folders.filter((folder) => folder.selectable && visibleIds.has(folder.mailboxId));
  const correspondents = searchable.filter((folder) => folder.role === 'inbox' || folder.role === 'sent');
  const pages = await Promise.all(
    correspondents.map(async (folder) => ({
      sent: folder.role === 'sent',
      page: await database.pages.where('[accountId+folderPath+startUid]').between([folder.accountId, folder.path, 0], [folder.accountId, folder.path, Infinity]).last(),
    })),
  );
  const seen: { address: string; date: number }[] = [];
  for (const { sent, page } of pages) {
    for (const item of page?.items ?? []) {
      for (const person of sent ? [...item.to, ...item.cc] : item.from) if (person.address) seen.push({ address: person.address, date: item.date });
    }
  }
  seen.sort((a, b) => b.date - a.date);
  const own = new Set(visible.map((mailbox) => mailbox.address.toLowerCase()));
  const recentAddresses = [...new Set(seen.map((entry) => entry.address.toLowerCase()))].filter((address) => !own.has(address)).slice(0, maxAddresses);
  return {
    folders: [...new Set(searchable.map((folder) => folder.name))],
    mailboxes: visible.filter((mailbox) => !mailbox.public).map((mailbox) => mailbox.address),
    recentAddresses,
  };
}

/** The sources, read at most once a minute (the box asks on focus and as the person types). */
export function suggestionSources(now = Date.now()): Promise<SuggestionSources> {
  if (!cached || now - cached.at > freshForMs) cached = { at: now, value: loadSuggestionSources(db).catch(() => ({ folders: [], mailboxes: [], recentAddresses: [] })) };
  return cached.value;
}
