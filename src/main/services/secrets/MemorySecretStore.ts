/** Secrets for this run only: what the browser host uses when nothing should touch the disk. */
import type { SecretStore } from '../types';

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  /** Nothing here outlives the process, whatever `persist` asks. */
  async set(key: string, value: string, _persist: boolean): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}
