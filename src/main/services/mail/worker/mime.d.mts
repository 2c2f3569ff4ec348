import type { Address, MessageBody } from '../../../../shared/model';
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
export function splitSource(bytes: Uint8Array, maxBodyBytes: number): Promise<{ root: BodyNode | null; bodies: Record<string, Uint8Array> }>;
export function parseDraftSource(bytes: Uint8Array): Promise<{
  from: Address[];
  to: Address[];
  cc: Address[];
  bcc: Address[];
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  draftId: string | null;
  origin: string | null;
  attachments: { filename: string; contentType: string; content: Uint8Array }[];
}>;
