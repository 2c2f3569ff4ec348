/**
 * What the services offer outside themselves besides the contract's handlers (those are bound in
 * src/main/rpc/createServices.ts): the secret stores the bindings choose from, the sync tuning.
 */
export type { SyncTuning } from './sync/tuning';
export { FileSecretStore, KeyFileCipher, MemorySecretStore } from './secrets';
