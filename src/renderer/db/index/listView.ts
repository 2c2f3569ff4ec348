/**
 * How a person looks at a list (issue #12 §6): filters, a sort and the conversation switch. A
 * view is part of a MessageSource; the default view (no filter, newest first, no conversations)
 * is the plain folder or unified index itself, so it costs nothing.
 */

export const listFilters = ['unread', 'flagged', 'attachments', 'toMe'] as const;
export type ListFilter = (typeof listFilters)[number];

export const sortKeys = ['date', 'sender', 'subject', 'size'] as const;
export type SortKey = (typeof sortKeys)[number];

export interface ListView {
  filters: ListFilter[];
  sort: { by: SortKey; descending: boolean };
  conversations: boolean;
}

export const defaultListView: ListView = { filters: [], sort: { by: 'date', descending: true }, conversations: false };

export function isDefaultView(view: ListView | undefined): boolean {
  return !view || (view.filters.length === 0 && view.sort.by === 'date' && view.sort.descending && !view.conversations);
}

/** The view in one canonical shape (filters deduplicated, in a fixed order), whatever was stored. */
export function normaliseView(value: unknown): ListView {
  const raw = (value ?? {}) as Partial<ListView>;
  const filters = listFilters.filter((filter) => Array.isArray(raw.filters) && raw.filters.includes(filter));
  const by = sortKeys.find((key) => key === raw.sort?.by) ?? 'date';
  const descending = typeof raw.sort?.descending === 'boolean' ? raw.sort.descending : by === 'date';
  return { filters, sort: { by, descending }, conversations: raw.conversations === true };
}

/** A short stable text for a view (part of the source's tag); '' for the default view. */
export function viewTag(view: ListView | undefined): string {
  if (!view || isDefaultView(view)) return '';
  const { filters, sort, conversations } = normaliseView(view);
  return `${filters.join('+')}/${sort.by}${sort.descending ? '-' : '+'}${conversations ? '/c' : ''}`;
}

/** The view a `viewTag` stands for. */
export function viewOfTag(tag: string): ListView {
  const [filters = '', sort = '', conversations] = tag.split('/');
  const by = sort.slice(0, -1);
  return normaliseView({ filters: filters.split('+'), sort: { by, descending: sort.endsWith('-') }, conversations: conversations === 'c' });
}

/** Whether the view needs what only the summaries hold (pages, not heads). */
export function needsFacts(view: ListView): boolean {
  return view.sort.by !== 'date' || view.filters.includes('attachments') || view.filters.includes('toMe');
}
