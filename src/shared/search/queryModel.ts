/**
 * A parsed search (issue #13 §2): what the person typed in Gmail/Outlook style, as data both
 * sides understand. The renderer parses (shared/search/parseQuery.ts) and runs it on the local
 * index; the same value crosses the contract for the server's share (`search.server`), where
 * main turns it into IMAP SEARCH criteria (shared/search/imapCriteria.ts). Pure types + zod.
 *
 * Shape: an AND of clauses, each clause an OR of atoms (Gmail binds OR tighter than the
 * implicit AND: `a OR b c` = (a OR b) AND c). An empty `clauses` matches every message.
 */
import { z } from 'zod';

/** Where a text term looks. `any` = every text column (subject, people, attachment names, snippet, body). */
export const textFields = ['any', 'from', 'to', 'cc', 'subject', 'filename', 'body'] as const;
export type TextField = (typeof textFields)[number];

/** `is:` states. `read` and `unread` are each other's negation; the parser keeps what was typed. */
export const messageStates = ['unread', 'read', 'flagged', 'answered'] as const;
export type MessageState = (typeof messageStates)[number];

export type SearchTerm =
  /**
   * Words as typed (case and diacritics are folded by whoever matches). A plain word matches as a
   * prefix (`fact` finds `factuur`); a phrase (`"exact phrase"`) matches its words in order.
   */
  | { kind: 'text'; field: TextField; value: string; phrase: boolean }
  | { kind: 'is'; state: MessageState }
  | { kind: 'has'; what: 'attachment' }
  /** `in:<folder>`: a folder name or role word (`inbox`, `sent`, `trash`, `postvak in`…) as typed. */
  | { kind: 'in'; folder: string }
  /** `mailbox:<address>`: an address or its start (`info@` finds info@example.test). */
  | { kind: 'mailbox'; address: string }
  /**
   * `before:` / `after:` (and `older_than:` / `newer_than:`): `ms` is the start of the named local
   * day. `after:` matches dates ≥ ms, `before:` dates < ms (Gmail's reading). `text` as typed.
   */
  | { kind: 'date'; op: 'before' | 'after'; ms: number; text: string }
  /** `larger:` / `smaller:` in bytes (`larger:2M`, `larger:500k`). */
  | { kind: 'size'; op: 'larger' | 'smaller'; bytes: number };

export interface QueryAtom {
  term: SearchTerm;
  /** `-word`, `-from:x`, `-is:answered`. */
  negated: boolean;
}

export interface SearchQuery {
  /** AND of clauses; each clause is an OR of its atoms (never empty). */
  clauses: QueryAtom[][];
}

/** Where a search looks (issue #13 §1): default everything the person can see. */
export type SearchScope =
  | { kind: 'all' }
  | { kind: 'mailbox'; mailboxId: string }
  | { kind: 'folder'; accountId: string; folderPath: string };

const boundedText = z.string().min(1).max(500);

export const searchTermSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), field: z.enum(textFields), value: boundedText, phrase: z.boolean() }),
  z.strictObject({ kind: z.literal('is'), state: z.enum(messageStates) }),
  z.strictObject({ kind: z.literal('has'), what: z.literal('attachment') }),
  z.strictObject({ kind: z.literal('in'), folder: boundedText }),
  z.strictObject({ kind: z.literal('mailbox'), address: z.string().min(1).max(320) }),
  z.strictObject({
    kind: z.literal('date'),
    op: z.enum(['before', 'after']),
    ms: z.number().int().min(-8.64e15).max(8.64e15),
    text: z.string().max(100),
  }),
  z.strictObject({ kind: z.literal('size'), op: z.enum(['larger', 'smaller']), bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
]);

export const queryAtomSchema = z.strictObject({ term: searchTermSchema, negated: z.boolean() });

/** Bounded so a hostile or runaway request cannot make main build an enormous SEARCH. */
export const searchQuerySchema = z.strictObject({
  clauses: z.array(z.array(queryAtomSchema).min(1).max(20)).max(40),
});

/** Compile-time check that the schema and the types agree. */
export type SearchQueryInput = z.infer<typeof searchQuerySchema>;
const agree: SearchQuery extends SearchQueryInput ? (SearchQueryInput extends SearchQuery ? true : false) : false = true;
void agree;
