import type { Address, MessageBody, OutgoingMessage } from '../../../../shared/model';
import type { BodyNode } from '../bodyStructure';

export type HeaderFields = MessageBody['headers'];
export interface ParsedLike {
  headers: Map<string, unknown>;
  headerLines: { key: string; line: string }[];
  [key: string]: unknown;
}

import type { ParsedMail } from 'mailparser';

export function parseMail(source: Buffer, options?: Record<string, unknown>): Promise<ParsedMail>;
export function addresses(value: unknown): Address[];
export function references(value: string | string[] | undefined): string[];
export function validTime(date: Date | undefined): number | null;
export function authResults(lines: readonly { key: string; line: string }[]): string[];
export function headerFields(parsed: unknown): HeaderFields;
export function parseHeader(bytes: Uint8Array): Promise<HeaderFields>;
/** `content`: the text or the HTML; `text`: an HTML part's text (html-to-text), else null. */
export function decodeText(part: { type: string; parameters?: Record<string, string>; encoding: string; raw: Uint8Array }): Promise<{ content: string; text: string | null }>;
export function defaultName(contentType: string): string;
export function splitSource(bytes: Uint8Array, maxBodyBytes: number): Promise<{ root: BodyNode | null; bodies: Record<string, Uint8Array> }>;
/** A draft's content as the composer needs it back (issue #4 §1: reopen a draft, also another member's). */
export interface ParsedDraft<Bytes extends Uint8Array = Uint8Array>
  extends Pick<OutgoingMessage, 'to' | 'cc' | 'bcc' | 'subject' | 'text' | 'html' | 'inReplyTo' | 'references'> {
  from: Address[];
  /** `X-Postvak-Draft-Id`: the composer's id, so a reopened draft keeps replacing the same copy. */
  draftId: string | null;
  /** `X-Postvak-Origin` as written (see smtp/mimeBuild.ts); validated by the caller. */
  origin: string | null;
  attachments: { filename: string; contentType: string; content: Bytes }[];
}
export function parseDraftSource(bytes: Uint8Array): Promise<ParsedDraft>;
