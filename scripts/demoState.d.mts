// Types for scripts/demoState.mjs.
export interface DemoPaths {
  stateDir: string;
  profile: string;
}
export function demoPaths(root: string): DemoPaths;
export function removeDemoState(paths: DemoPaths): void;
export function shutdownOnce(options: {
  stopApp?: (() => Promise<void>) | null;
  stopStack?: (() => Promise<void>) | null;
  paths: DemoPaths;
  log?: (message: string) => void;
}): () => Promise<void>;
