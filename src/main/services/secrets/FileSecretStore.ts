/**
 * Secrets encrypted with a SecretCipher in one JSON file (mode 0600, replaced atomically).
 * Secrets the user did not ask to remember stay in memory and never reach the file.
 */
import type { SecretCipher, SecretStore } from '../types';
import { atomicWrite, readIfExists } from '../io/atomicWrite';

interface SecretFile {
  version: 1;
  /** key → base64 of the cipher's output. */
  secrets: Record<string, string>;
}

export class FileSecretStore implements SecretStore {
  private readonly memory = new Map<string, string>();
  /** Serialises read-modify-write cycles so two quick `set`s cannot lose one another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  async get(key: string): Promise<string | null> {
    const inMemory = this.memory.get(key);
    if (inMemory !== undefined) return inMemory;
    const stored = (await this.read()).secrets[key];
    if (stored === undefined) return null;
    // A secret that no longer decrypts (key file lost) counts as absent: the user is asked again.
    try {
      return this.cipher.decrypt(Buffer.from(stored, 'base64'));
    } catch {
      return null;
    }
  }

  async set(key: string, value: string, persist: boolean): Promise<void> {
    await this.update((secrets) => {
      if (persist) {
        this.memory.delete(key);
        secrets[key] = this.cipher.encrypt(value).toString('base64');
      } else {
        this.memory.set(key, value);
        delete secrets[key];
      }
    });
  }

  async delete(key: string): Promise<void> {
    this.memory.delete(key);
    await this.update((secrets) => {
      delete secrets[key];
    });
  }

  private update(change: (secrets: Record<string, string>) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const content = await this.read();
      const before = JSON.stringify(content.secrets);
      change(content.secrets);
      if (JSON.stringify(content.secrets) === before) return;
      await atomicWrite(this.file, JSON.stringify(content), 0o600);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<SecretFile> {
    const raw = await readIfExists(this.file);
    const secrets: Record<string, string> = Object.create(null);
    if (!raw) return { version: 1, secrets };
    let parsed: Partial<SecretFile>;
    try {
      parsed = JSON.parse(raw.toString('utf8')) as Partial<SecretFile>;
    } catch {
      // Unreadable (edited by hand?): its secrets are lost either way; the user is asked again.
      return { version: 1, secrets };
    }
    for (const [k, v] of Object.entries(parsed?.secrets ?? {})) {
      if (typeof v === 'string') secrets[k] = v;
    }
    return { version: 1, secrets };
  }
}
