/**
 * AES-256-GCM with a random key kept in its own 0600 file, for the browser host (Electron uses
 * safeStorage, which asks the OS keychain).
 *
 * What this protects against: a secrets file that is copied, synced or backed up without the key
 * file next to it, and a casual `grep` through the profile. What it does NOT protect against: a
 * local attacker running with the user's rights, who can read the key file as easily as the
 * secrets — only an OS keychain helps there, and the browser host has none.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretCipher } from '../types';

const VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
const TAG_BYTES = 16;

export class SecretDecryptError extends Error {
  readonly code = 'secretUnreadable';
}

export class KeyFileCipher implements SecretCipher {
  private readonly key: Buffer;

  /**
   * Loads the key, creating it if missing (mode 0600; `wx` never overwrites a key another
   * process created meanwhile). Synchronous: it runs once at start-up, before anything is served.
   */
  constructor(keyFile: string) {
    this.key = checkKey(loadOrCreateKey(keyFile), keyFile);
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Buffer): string {
    if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) {
      throw new SecretDecryptError('Stored secret has an unknown format');
    }
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      // GCM authentication failed: another key, or the file was altered.
      throw new SecretDecryptError('Stored secret cannot be decrypted with this key');
    }
  }
}

function checkKey(key: Buffer, keyFile: string): Buffer {
  if (key.length !== KEY_BYTES) throw new SecretDecryptError(`Key file ${keyFile} is not a ${KEY_BYTES}-byte key`);
  return key;
}

function loadOrCreateKey(keyFile: string): Buffer {
  try {
    return readFileSync(keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    fd = openSync(keyFile, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(keyFile);
    throw error;
  }
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}
