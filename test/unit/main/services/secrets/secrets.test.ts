import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, KeyFileCipher, MemorySecretStore } from '../../../../../src/main/services/secrets';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postvak-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const password = 'correct horse battery staple ✓';

describe('KeyFileCipher', () => {
  it('creates a 32-byte key readable by the owner only, and reuses it', async () => {
    const keyFile = join(dir, 'sub', 'secrets.key');
    const a = new KeyFileCipher(keyFile);
    const info = await stat(keyFile);
    expect(info.mode & 0o777).toBe(0o600);
    expect((await readFile(keyFile)).length).toBe(32);
    const b = new KeyFileCipher(keyFile);
    expect(b.decrypt(a.encrypt(password))).toBe(password);
  });

  it('never produces the same ciphertext twice and does not contain the plaintext', () => {
    const cipher = new KeyFileCipher(join(dir, 'k'));
    const one = cipher.encrypt(password);
    const two = cipher.encrypt(password);
    expect(one.equals(two)).toBe(false);
    expect(one.includes(Buffer.from(password))).toBe(false);
  });

  it('refuses data altered at rest or encrypted with another key', () => {
    const cipher = new KeyFileCipher(join(dir, 'k1'));
    const other = new KeyFileCipher(join(dir, 'k2'));
    const data = cipher.encrypt(password);
    const tampered = Buffer.from(data);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.decrypt(tampered)).toThrow(/cannot be decrypted/);
    expect(() => other.decrypt(data)).toThrow(/cannot be decrypted/);
    expect(() => cipher.decrypt(Buffer.from('short'))).toThrow(/unknown format/);
  });

  it('rejects a key file of the wrong size', async () => {
    await writeFile(join(dir, 'bad.key'), 'too short');
    expect(() => new KeyFileCipher(join(dir, 'bad.key'))).toThrow(/32-byte/);
  });
});

describe('FileSecretStore', () => {
  it('stores remembered secrets encrypted, in a 0600 file that never holds the password bytes', async () => {
    const file = join(dir, 'secrets.json');
    const store = new FileSecretStore(file, new KeyFileCipher(join(dir, 'secrets.key')));
    await store.set('account:1:password', password, true);
    const raw = await readFile(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(raw.includes(Buffer.from(password))).toBe(false);
    expect(raw.toString('utf8')).not.toContain(Buffer.from(password).toString('base64'));
    const reopened = new FileSecretStore(file, new KeyFileCipher(join(dir, 'secrets.key')));
    expect(await reopened.get('account:1:password')).toBe(password);
  });

  it('keeps secrets that should not be remembered in memory only', async () => {
    const file = join(dir, 'secrets.json');
    const cipher = new KeyFileCipher(join(dir, 'secrets.key'));
    const store = new FileSecretStore(file, cipher);
    await store.set('a', password, false);
    expect(await store.get('a')).toBe(password);
    expect(await new FileSecretStore(file, cipher).get('a')).toBeNull();
  });

  it('moves a secret out of the file when it is no longer to be remembered', async () => {
    const file = join(dir, 'secrets.json');
    const cipher = new KeyFileCipher(join(dir, 'secrets.key'));
    const store = new FileSecretStore(file, cipher);
    await store.set('a', password, true);
    await store.set('a', password, false);
    expect(await store.get('a')).toBe(password);
    expect(JSON.parse(await readFile(file, 'utf8')).secrets).toEqual({});
  });

  it('deletes from memory and file', async () => {
    const file = join(dir, 'secrets.json');
    const store = new FileSecretStore(file, new KeyFileCipher(join(dir, 'secrets.key')));
    await store.set('a', 'one', true);
    await store.set('b', 'two', false);
    await store.delete('a');
    await store.delete('b');
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBeNull();
  });

  it('loses no write when many land at once', async () => {
    const store = new FileSecretStore(join(dir, 'secrets.json'), new KeyFileCipher(join(dir, 'secrets.key')));
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, `v${i}`, true)));
    const reopened = new FileSecretStore(join(dir, 'secrets.json'), new KeyFileCipher(join(dir, 'secrets.key')));
    for (let i = 0; i < 20; i += 1) expect(await reopened.get(`k${i}`)).toBe(`v${i}`);
  });

  it('treats a secret that no longer decrypts (key lost) as absent', async () => {
    const file = join(dir, 'secrets.json');
    await new FileSecretStore(file, new KeyFileCipher(join(dir, 'old.key'))).set('a', password, true);
    expect(await new FileSecretStore(file, new KeyFileCipher(join(dir, 'new.key'))).get('a')).toBeNull();
  });

  it('treats an unreadable file as holding no secrets, and replaces it on the next save', async () => {
    const file = join(dir, 'secrets.json');
    await writeFile(file, '{"version":1,"secr');
    const store = new FileSecretStore(file, new KeyFileCipher(join(dir, 'secrets.key')));
    expect(await store.get('a')).toBeNull();
    await store.set('a', 'x', true);
    expect(await store.get('a')).toBe('x');
  });

  it('leaves no temporary files behind', async () => {
    const store = new FileSecretStore(join(dir, 'secrets.json'), new KeyFileCipher(join(dir, 'secrets.key')));
    await store.set('a', 'x', true);
    await store.set('b', 'y', true);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).sort()).toEqual(['secrets.json', 'secrets.key']);
  });
});

describe('MemorySecretStore', () => {
  it('gets, sets and deletes', async () => {
    const store = new MemorySecretStore();
    expect(await store.get('x')).toBeNull();
    await store.set('x', 'y', true);
    expect(await store.get('x')).toBe('y');
    await store.delete('x');
    expect(await store.get('x')).toBeNull();
  });
});
