/**
 * The ONE place that touches imapflow internals: `exec()`, its IDLE hooks and its mailbox-name
 * codec. Everything else in imap/ext builds on runCommand().
 *
 * What we rely on, read in node_modules/imapflow/dist/esm/imap-flow.js (2.10.2):
 * - `exec(command, attributes, { untagged })` (l. 546) queues one tagged command and resolves
 *   `{ response, next }` on OK via resolveParked() (l. 695): the reader loop stays parked until
 *   `next()` is called, so every path below must call it or the connection stalls.
 * - NO/BAD reject with an Error carrying `responseStatus`, `responseText` and the parsed tagged
 *   `response` (settleRequest(), l. 1086-1150); a NO/BAD without a tag has no `response`
 *   (rejectTaglessCompletion(), l. 813). Lost connections reject with `code` and no NO/BAD.
 * - Untagged handlers are keyed by the upper-case keyword (or, for `* 12 FETCH`, the word after
 *   the number, l. 566-583), apply only while our command is the one in flight (l. 585-600),
 *   and an exception thrown by one is only logged (l. 985-1000): we record it and throw later.
 * - A response code is `attributes[0].section` on an empty ATOM (l. 904-913): `OK [MODIFIED 7]`.
 * - `exec()` does not end an IDLE; public commands go through run() (l. 3450), which awaits
 *   `preCheck()` (the DONE, commands/idle.js l. 56-105) and re-arms `autoidle()` (l. 2174)
 *   afterwards. We do the same, or a command sent while idling would wait for the IDLE to end.
 * - Mailbox names go through imapflow's own codec (`imapflow/lib/tools.js`, a typed subpath
 *   export; encodePath/decodePath/normalizePath, tools.js l. 334-387), so they match list().
 * A future imapflow that changes any of these shapes makes runCommand throw
 * ImapExtError('imapflowChanged') instead of misreading the server.
 */
import type { ImapFlow } from 'imapflow';
import { decodePath, encodePath, normalizePath } from 'imapflow/lib/tools.js';
import { ImapExtError, isRecord, tokenText, type ImapAttribute } from './imapValues';

export { ImapExtError, type ImapAttribute };

/** What the command compiler accepts: tokens, lists, and bare strings/numbers (quoted). */
export type CommandArg = string | number | Buffer | null | { type: 'ATOM' | 'STRING' | 'LITERAL' | 'SEQUENCE'; value: string | Buffer } | CommandArg[];

export interface UntaggedResponse {
  /** The keyword, or the number of `* 12 FETCH …` (then `attributes[0]` is the keyword). */
  command: string;
  attributes: ImapAttribute[];
}

/** Parsers per untagged keyword, by what they return; anything but undefined is collected. */
export type UntaggedParsers<R> = { [K in keyof R]: (response: UntaggedResponse) => R[K] };

export interface CommandResult<R = Record<never, never>> {
  status: 'OK' | 'NO' | 'BAD';
  /** Response code atom, upper case (RFC 9051 §7.1): MODIFIED, OVERQUOTA, NOPERM, METADATA … */
  code?: string;
  /** The code's arguments as text: `[MODIFIED 1:5]` → ['1:5']. */
  codeArgs: string[];
  text: string;
  untagged: { [K in keyof R]: Exclude<R[K], undefined>[] };
}

interface FlowInternals {
  exec?: unknown;
  preCheck?: unknown;
  autoidle?: unknown;
}

const changed = (what: string): ImapExtError =>
  new ImapExtError('imapflowChanged', `imapflow's internal exec() no longer looks as expected (${what}); check imap/ext/rawCommand.ts against the installed version`);

/**
 * Sends one command and returns the server's answer. NO and BAD are results, not exceptions
 * (callers decide; see expectOk). Connection errors are rethrown untouched, so imapErrors can
 * classify them. A parser that throws makes the whole call throw ImapExtError('protocol').
 */
export async function runCommand<R = Record<never, never>>(
  client: ImapFlow,
  command: string,
  attributes: CommandArg[] | false,
  options: { untagged?: UntaggedParsers<R> } = {},
): Promise<CommandResult<R>> {
  const flow = client as unknown as FlowInternals;
  if (typeof flow.exec !== 'function') throw changed('exec is not a function');
  if (flow.preCheck !== undefined && flow.preCheck !== false && typeof flow.preCheck !== 'function') throw changed('preCheck');
  if (typeof flow.autoidle !== 'function') throw changed('autoidle is not a function');

  const parsers: Record<string, (response: UntaggedResponse) => unknown> = options.untagged ?? {};
  const collected: Record<string, unknown[]> = {};
  let parseError: unknown = null;
  const handlers: Record<string, (raw: unknown) => Promise<void>> = {};
  for (const [name, parse] of Object.entries(parsers)) {
    collected[name] = [];
    handlers[name.toUpperCase()] = async (raw) => {
      try {
        if (!isRecord(raw) || typeof raw.command !== 'string' || (raw.attributes !== undefined && !Array.isArray(raw.attributes))) {
          throw changed(`untagged ${name} response shape`);
        }
        const value = parse({ command: raw.command, attributes: (raw.attributes ?? []) as ImapAttribute[] });
        if (value !== undefined) collected[name]!.push(value);
      } catch (error) {
        parseError ??= error;
      }
    };
  }

  let status: CommandResult['status'];
  let tagged: unknown;
  if (typeof flow.preCheck === 'function') await (flow.preCheck as () => Promise<void>).call(client);
  try {
    const answer: unknown = await (flow.exec as (c: string, a: unknown, o: unknown) => Promise<unknown>).call(client, command, attributes, { untagged: handlers });
    const next = isRecord(answer) ? answer.next : undefined;
    if (typeof next === 'function') next();
    if (!isRecord(answer) || typeof next !== 'function' || !isRecord(answer.response)) throw changed('resolved value');
    status = 'OK';
    tagged = answer.response;
  } catch (error) {
    const e = error as { responseStatus?: unknown; response?: unknown; responseText?: unknown } | null;
    if (e?.responseStatus !== 'NO' && e?.responseStatus !== 'BAD') throw error;
    status = e.responseStatus;
    tagged = e.response ?? { attributes: [{ type: 'TEXT', value: typeof e.responseText === 'string' ? e.responseText : '' }] };
  } finally {
    (flow.autoidle as () => void).call(client);
  }
  if (parseError instanceof ImapExtError) throw parseError;
  if (parseError) throw new ImapExtError('protocol', `Could not read the server's answer to ${command}: ${String((parseError as Error).message ?? parseError)}`);
  return { status, ...responseCode(tagged), untagged: collected as CommandResult<R>['untagged'] };
}

/** Code, code arguments and text of a tagged status response (RFC 9051 §7.1). */
export function responseCode(response: unknown): Pick<CommandResult, 'code' | 'codeArgs' | 'text'> {
  if (!isRecord(response) || (response.attributes !== undefined && !Array.isArray(response.attributes))) throw changed('tagged response');
  const attributes = (response.attributes ?? []) as ImapAttribute[];
  const first = attributes[0];
  const section = first && !Array.isArray(first) && first.value === '' && Array.isArray(first.section) ? first.section : null;
  const text = attributes
    .filter((a) => a && !Array.isArray(a) && a.type === 'TEXT')
    .map((a) => tokenText(a).trim())
    .join(' ');
  if (!section?.length) return { codeArgs: [], text };
  const [name, ...args] = section.map((a) => (Array.isArray(a) ? a.map((x) => tokenText(x)).join(' ') : tokenText(a)));
  return { code: name?.toUpperCase(), codeArgs: args, text };
}

/** Throws ImapExtError for NO/BAD, naming what was attempted. */
export function expectOk<T extends CommandResult<unknown>>(result: T, what: string): T {
  if (result.status === 'OK') return result;
  const code = result.code ? `[${result.code}] ` : '';
  throw new ImapExtError(result.status === 'NO' ? 'refused' : 'badCommand', `${what}: the server said ${code}${result.text}`.trim(), result.code);
}

export function hasCapability(client: ImapFlow, name: string): boolean {
  return client.capabilities.has(name.toUpperCase());
}

export function requireCapability(client: ImapFlow, name: string, what: string): void {
  if (!hasCapability(client, name)) throw new ImapExtError('unsupported', `The server does not support ${what} (no ${name} capability)`);
}

/** A mailbox name for the wire: modified UTF-7 unless UTF8=ACCEPT is on (RFC 9051 §5.1.3). */
export function mailboxArg(client: ImapFlow, path: string): string {
  return encodePath(client, path);
}

/** A mailbox name from the wire, decoded and spelled the way imapflow's list() spells it. */
export function mailboxFromWire(client: ImapFlow, raw: string): string {
  return normalizePath(client, decodePath(client, raw));
}
