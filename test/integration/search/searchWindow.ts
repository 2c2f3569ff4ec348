/**
 * A stand-in window for the search tests (issue #13 §4): connects to the services like a binding
 * does, calls through the real dispatcher, and collects its `search.results` events.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api';
import type { Account } from '../../../src/shared/model';
import type { QueryAtom, SearchQuery, SearchTerm } from '../../../src/shared/search/queryModel';
import type { ServerSearchEvent, ServerSearchFolder } from '../../../src/shared/search/serverSearch';
import { dispatch } from '../../../src/main/rpc/dispatch';
import type { ClientSession, Services } from '../../../src/main/rpc/createServices';
import { settingsFor, type MailStack, type User } from '../services/mailStack';

export type FolderEvent = Extract<ServerSearchEvent, { kind: 'folder' }>;

export class SearchWindow {
  readonly events: ServerSearchEvent[] = [];
  /** Called with each event as it arrives (a test may cancel from here). */
  onEvent: ((event: ServerSearchEvent) => void) | null = null;
  private readonly session: ClientSession;
  private waiters: (() => void)[] = [];

  constructor(services: Services) {
    this.session = services.connect((event, payload) => {
      if (event !== 'search.results') return;
      const result = payload as ServerSearchEvent;
      this.events.push(result);
      this.onEvent?.(result);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await dispatch(this.session.handlers, method, input, {
      onInternalError: (_m, error) => {
        throw error;
      },
    });
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { code: result.error.code });
    return result.value as MethodOutput<M>;
  }

  addAccount(stack: MailStack, user: User): Promise<Account> {
    return this.call('accounts.add', { settings: settingsFor(stack, user), password: stack.users[user].password, rememberPassword: false });
  }

  /** Starts a search and resolves with its events once its `done` arrived. */
  async search(searchId: string, query: SearchQuery, folders: ServerSearchFolder[]): Promise<ServerSearchEvent[]> {
    await this.call('search.server', { searchId, query, folders });
    await this.done(searchId);
    return this.events.filter((e) => e.searchId === searchId);
  }

  /** Waits for the search's `done` (the events are the condition; the deadline only reports a hang). */
  async done(searchId: string, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.events.some((e) => e.searchId === searchId && e.kind === 'done')) {
      if (Date.now() > deadline) throw new Error(`search ${searchId} never ended; events: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1_000).unref();
      });
    }
  }

  close(): Promise<void> {
    return this.session.close();
  }
}

export const atom = (term: SearchTerm, negated = false): QueryAtom => ({ term, negated });
export const text = (value: string, field: Extract<SearchTerm, { kind: 'text' }>['field'] = 'any'): SearchTerm => ({ kind: 'text', field, value, phrase: false });
/** AND of the atoms, one clause each. */
export const all = (...atoms: QueryAtom[]): SearchQuery => ({ clauses: atoms.map((a) => [a]) });

export function folderEvent(events: readonly ServerSearchEvent[], folderPath: string): FolderEvent | undefined {
  return events.find((e): e is FolderEvent => e.kind === 'folder' && e.folderPath === folderPath);
}

export const folder = (accountId: string, folderPath: string, cached: ServerSearchFolder['cached'] = null): ServerSearchFolder => ({ accountId, folderPath, cached });
