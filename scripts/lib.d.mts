// Types for scripts/lib.mjs (plain ESM, shared by the scripts and the end-to-end fixtures).
import type { ChildProcess } from 'node:child_process';
import type { MailStack } from '../test/mailstack/mailstack.mjs';

export const root: string;
export function electronBinary(): string | null;
export function build(): void;
export interface HostProcess {
  url: string;
  port: number;
  child: ChildProcess;
  logs: string[];
  stop(): Promise<void>;
}
export function startHostProcess(options: {
  profile: string;
  caFiles?: string[];
  lang?: string;
  env?: Record<string, string>;
}): Promise<HostProcess>;
export function openHostSocket(host: { url: string }): Promise<import('ws').WebSocket>;
export function hostCall(
  host: { url: string },
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
export function stackAccount(
  stack: MailStack,
  user?: string,
  displayName?: string,
): {
  settings: {
    email: string;
    displayName: string;
    username: string;
    imap: { host: string; port: number; security: 'tls' };
    smtp: { host: string; port: number; security: 'starttls' };
  };
  password: string;
};
