// Types for test/mailstack/cyrus.mjs (plain ESM, no build step).
import type { Delivery, MailStack } from './mailstack.mjs';

/** A Cyrus stack: the MailStack fields the tests use, plus what is Cyrus's own. */
export interface CyrusStack extends Omit<MailStack, 'dovecot' | 'lmtpSocket' | 'authSocket' | 'mailUid' | 'mailGid' | 'pids'> {
  kind: 'cyrus';
  cyrus: { admin: string; adminPassword: string; imapdConf: string; pidFile: string; lmtpSocket: string };
  pids: { cyrus?: number; postfix?: number; watchdog?: number };
}

/** The public folder every stack has (alice and bob full rights, carol read-only). */
export const PUBLIC_FOLDER: string;

export function startCyrusStack(options?: { trackingPort?: number; seed?: boolean; watchdog?: boolean }): Promise<CyrusStack>;
export function stopCyrusStack(stack: CyrusStack | string | undefined | null): Promise<void>;
export function loadCyrusStack(stateDirOrFile: string): CyrusStack;
export function resetCyrusMailboxes(stack: CyrusStack, options?: { trackingPort?: number; now?: number | Date }): Promise<{ totalMs: number }>;
export function deliverCyrus(
  stack: CyrusStack,
  message: { from: string; to: string | string[]; raw: string | Buffer; timeoutMs?: number; wait?: boolean },
): Promise<{ messageId: string; deliveries: Delivery[] }>;
export function waitForCyrusMessage(stack: CyrusStack, user: string, messageId: string, options?: { timeoutMs?: number }): Promise<Delivery>;
