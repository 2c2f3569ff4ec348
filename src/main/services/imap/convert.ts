/**
 * Library values to our types, written against their shape only (no imapflow import), so the
 * conversions are unit-testable.
 */
import type { Address } from '../../../shared/model';
import type { Envelope, ImapCaps } from './types';

export function capsFrom(capabilities: Map<string, boolean | number>, enabled: Set<string>): ImapCaps {
  const all = [...capabilities.keys()].map((c) => c.toUpperCase());
  const has = (name: string) => all.includes(name);
  const qresync = enabled.has('QRESYNC');
  return {
    imap4rev1: has('IMAP4REV1'),
    imap4rev2: has('IMAP4REV2'),
    idle: has('IDLE'),
    // QRESYNC implies CONDSTORE (RFC 7162 §3.2.3).
    condstore: enabled.has('CONDSTORE') || qresync,
    qresync,
    uidplus: has('UIDPLUS'),
    all,
  };
}

/**
 * Message flags as the cache keeps them. `\Recent` is dropped: it belongs to one session (the
 * first to see the message), changes no modseq, and is gone from IMAP4rev2 (RFC 9051 §2.3.2,
 * Appendix E) — cached, it would never be cleared and the cache would differ from the server.
 */
export function flagList(flags: Set<string> | undefined): string[] {
  return flags ? [...flags].filter((flag) => flag.toLowerCase() !== '\\recent') : [];
}

/** Epoch ms of a Date or date string, `null` for nothing or garbage. */
export function toDate(value: Date | string | undefined | null): number | null {
  if (value === undefined || value === null || value === '') return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(time) ? time : null;
}

interface RawAddress {
  name?: string | undefined;
  address?: string | undefined;
}

export function toAddresses(list: RawAddress[] | undefined): Address[] {
  return (list ?? [])
    .filter((a) => a.address || a.name)
    .map((a) => ({ name: a.name ?? '', address: a.address ?? '' }));
}

interface RawEnvelope {
  date?: Date | string | undefined;
  subject?: string | undefined;
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  from?: RawAddress[] | undefined;
  sender?: RawAddress[] | undefined;
  replyTo?: RawAddress[] | undefined;
  to?: RawAddress[] | undefined;
  cc?: RawAddress[] | undefined;
}

export function toEnvelope(raw: RawEnvelope): Envelope {
  return {
    date: toDate(raw.date),
    subject: raw.subject ?? '',
    messageId: raw.messageId || null,
    inReplyTo: raw.inReplyTo || null,
    from: toAddresses(raw.from),
    sender: toAddresses(raw.sender),
    replyTo: toAddresses(raw.replyTo),
    to: toAddresses(raw.to),
    cc: toAddresses(raw.cc),
  };
}
