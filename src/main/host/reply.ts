/**
 * One contract answer as a WebSocket text frame. JSON.stringify can throw on what a handler
 * returns (a string past V8's limit → RangeError, a BigInt, a cycle) and an answer can be larger
 * than is sensible to send: either way the caller gets a worded `tooLarge` error instead of a
 * rejection that would end the host (issue #10 §5).
 */
import type { Result } from '../../shared/api';

export interface EncodedReply {
  text: string;
  /** Why the real answer was replaced by an error, for the log. */
  refused?: string;
}

export function encodeReply(id: number, result: Result<unknown>, maxChars: number): EncodedReply {
  let text: string | undefined;
  let refused: string;
  try {
    text = JSON.stringify({ id, result });
    refused = text.length > maxChars ? `${text.length} characters, over ${maxChars}` : '';
  } catch (error) {
    refused = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  if (text !== undefined && !refused) return { text };
  const error = { code: 'tooLarge', message: 'The answer is too large to send to the window' };
  return { text: JSON.stringify({ id, result: { ok: false, error } }), refused };
}

/** An event frame, or null when it cannot be serialised (logged by the caller, never thrown). */
export function encodeEvent(event: string, payload: unknown): string | null {
  try {
    return JSON.stringify({ event, payload });
  } catch {
    return null;
  }
}
