// The OS keychain for the vault, from Electron's safeStorage; null when it would not really protect.
import type { SafeStorage } from 'electron';
import type { OsKeychain } from '../core/core.types';

/**
 * Must run after `app` is ready (safeStorage answers false before that on Linux). Linux's
 * `basic_text` backend only obfuscates with a hard-coded password, so it counts as no keychain and
 * the vault asks for a passphrase instead (as Signal Desktop does).
 */
export function createOsKeychain(safeStorage: SafeStorage, platform: NodeJS.Platform): OsKeychain | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    encrypt: (secret) => safeStorage.encryptString(secret),
    decrypt: (blob) => safeStorage.decryptString(blob),
  };
}
