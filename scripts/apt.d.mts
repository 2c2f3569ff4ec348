// Types for scripts/apt.mjs (plain ESM: the project's one Debian package installer).
export const LOCK_WAIT_MS: number;
export const LOCK_RETRY_MS: number;
export function lockHeld(output: string): boolean;
export function lockWaitArgs(waitMs: number): string[];
export function untilUnlocked(
  attempt: (remainingMs: number) => Promise<{ code: number | null; output: string }>,
  options: {
    what: string;
    waitMs?: number;
    retryMs?: number;
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
    onWait?: (message: string) => void;
  },
): Promise<void>;
export function aptEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function aptGet(
  args: string[],
  options?: { quiet?: boolean; env?: NodeJS.ProcessEnv; timeoutMs?: number; waitMs?: number; log?: (message: string) => void },
): Promise<void>;
export function aptInstall(
  packages: string[],
  options?: { quiet?: boolean; recommends?: boolean; env?: NodeJS.ProcessEnv; log?: (message: string) => void },
): Promise<void>;
