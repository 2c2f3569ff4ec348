/** Secrets at rest through the operating system's keychain (Keychain, DPAPI, libsecret/kwallet). */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/types';

/**
 * On Linux without a keyring Electron falls back to `basic_text`, a hard-coded key: that is
 * plain text in all but name, so we refuse to persist there and keep passwords for the session.
 */
export function safeStorageCipher(): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
