/**
 * Authentication-Results (RFC 8601) read into what the reader needs: who made the statement
 * (the authserv-id, §2.2) and each method's result (§2.2 resinfo, §2.7 methods). Comments
 * (RFC 5322 §3.2.2 CFWS, nested parentheses) are dropped and quoted strings kept whole.
 */
import { normalHost } from '../loginBinding';

export interface AuthResult {
  /** Lower case: `spf`, `dkim`, `dmarc`, `arc` … (RFC 8601 §2.7, IANA registry). */
  method: string;
  /** Lower case: `pass`, `fail`, `softfail`, `none`, `neutral`, `temperror`, `permerror`, `policy`. */
  result: string;
}

export interface AuthResultsHeader {
  /** Lower case, without a trailing dot. */
  authservId: string;
  results: AuthResult[];
}

/** The value without comments; quoted strings (which may hold parentheses) left as they are. */
function withoutComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quoted) {
      out += c;
      if (c === '\\' && i + 1 < value.length) out += value[++i];
      else if (c === '"') quoted = false;
    } else if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    } else if (c === '(') {
      depth = 1;
      out += ' ';
    } else {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

/** Splits at `;` outside quoted strings. */
function splitStatements(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quoted && c === '\\' && i + 1 < value.length) {
      current += c + value[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim());
}

/** One header value; null when it has no authserv-id. `none` (§2.2 no-result) gives no results. */
export function parseAuthResults(raw: string): AuthResultsHeader | null {
  const [head = '', ...rest] = splitStatements(withoutComments(raw.replace(/\r?\n[ \t]*/g, ' ')));
  // authserv-id [ authres-version ]: the id is a value (token or quoted-string, §2.2).
  const idMatch = /^(?:"((?:[^"\\]|\\.)*)"|([^\s"]+))/.exec(head);
  const authservId = normalHost((idMatch?.[1] ?? idMatch?.[2] ?? '').replace(/\\(.)/g, '$1'));
  if (!authservId) return null;
  const results: AuthResult[] = [];
  for (const statement of rest) {
    // method [ "/" version ] "=" result, then reason and properties which are not needed here.
    const m = /^([A-Za-z0-9_-]+)\s*(?:\/\s*\d+\s*)?=\s*([A-Za-z0-9_-]+)/.exec(statement);
    if (m) results.push({ method: (m[1] as string).toLowerCase(), result: (m[2] as string).toLowerCase() });
  }
  return { authservId, results };
}
