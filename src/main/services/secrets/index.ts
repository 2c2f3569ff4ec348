export { MemorySecretStore } from './MemorySecretStore';
export { FileSecretStore } from './FileSecretStore';
export { KeyFileCipher, SecretDecryptError } from './KeyFileCipher';
