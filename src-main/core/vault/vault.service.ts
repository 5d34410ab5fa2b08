// The store key's life: created once, wrapped by the OS keychain or a passphrase, and by a recovery key.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { PASSPHRASE_MIN_LENGTH } from '../../../src-common/contract';
import { CodedError } from '../../../src-common/errors';
import type { StoreKeySource } from '../core.types';
import { STORE_KEY_BYTES } from '../db/store';
import {
  deriveFromPassphrase,
  deriveFromRecoveryKey,
  newScryptParams,
  unwrapKey,
  wrapKey,
  DEFAULT_SCRYPT_COST,
} from './key-wrap';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from './recovery-key';
import { readVaultFile, writeVaultFile, type VaultFile } from './vault-file';

export type KeyProtection = 'os-keychain' | 'passphrase' | 'config';
export type UnlockMethod = 'passphrase' | 'recovery-key';

export interface VaultOptions {
  /** Path of vault.json. */
  file: string;
  source: StoreKeySource;
  scryptCost?: number;
}

export class VaultService {
  private readonly scryptCost: number;

  constructor(private readonly options: VaultOptions) {
    this.scryptCost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
  }

  osKeychainAvailable(): boolean {
    return this.options.source.kind === 'vault' && this.options.source.osKeychain !== null;
  }

  isSetUp(): boolean {
    return this.options.source.kind === 'fixed' || existsSync(this.options.file);
  }

  unlockMethods(): UnlockMethod[] {
    if (this.options.source.kind === 'fixed') return [];
    const vault = readVaultFile(this.options.file);
    if (!vault) return [];
    return vault.passphrase ? ['passphrase', 'recovery-key'] : ['recovery-key'];
  }

  protection(): KeyProtection {
    if (this.options.source.kind === 'fixed') return 'config';
    const vault = readVaultFile(this.options.file);
    return vault?.osKeychain && this.osKeychainAvailable() ? 'os-keychain' : 'passphrase';
  }

  /** The key without asking the user: from config, or from the OS keychain. Null means "ask". */
  tryAutoUnlock(): Buffer | null {
    const source = this.options.source;
    if (source.kind === 'fixed') return source.storeKey;
    const vault = readVaultFile(this.options.file);
    if (!vault?.osKeychain || !source.osKeychain) return null;
    try {
      const key = Buffer.from(source.osKeychain.decrypt(Buffer.from(vault.osKeychain.blob, 'base64')), 'base64');
      return key.length === STORE_KEY_BYTES ? key : null;
    } catch {
      // The keychain lost the secret (new OS install, another user): fall back to the recovery key.
      return null;
    }
  }

  /**
   * Creates the store key and its wrapped forms. `openStore` is called with the new key before the
   * call returns; if it fails, vault.json is removed again so a retry starts clean.
   */
  setup(passphrase: string | undefined, openStore: (key: Buffer) => void): { recoveryKey: string } {
    const source = this.options.source;
    if (source.kind === 'fixed' || existsSync(this.options.file)) throw new CodedError('STORE_ALREADY_SET_UP');
    if (!source.osKeychain && (!passphrase || passphrase.length < PASSPHRASE_MIN_LENGTH)) {
      throw new CodedError('VAULT_PASSPHRASE_REQUIRED');
    }
    const storeKey = randomBytes(STORE_KEY_BYTES);
    const recoveryKey = newRecoveryKey();
    const recoverySalt = randomBytes(16).toString('base64');
    const vault: VaultFile = {
      version: 1,
      recovery: { salt: recoverySalt, wrapped: wrapKey(storeKey, deriveFromRecoveryKey(recoveryKey, recoverySalt), 'recovery') },
    };
    if (source.osKeychain) {
      vault.osKeychain = { blob: source.osKeychain.encrypt(storeKey.toString('base64')).toString('base64') };
    }
    if (passphrase) {
      const kdf = newScryptParams(this.scryptCost);
      vault.passphrase = { kdf, wrapped: wrapKey(storeKey, deriveFromPassphrase(passphrase, kdf), 'passphrase') };
    }
    writeVaultFile(this.options.file, vault);
    try {
      openStore(storeKey);
    } catch (error) {
      rmSync(this.options.file, { force: true });
      throw error;
    }
    return { recoveryKey: formatRecoveryKey(recoveryKey) };
  }

  /** Unwraps the key with what the user typed; after a recovery, re-protects it with the OS keychain. */
  unlock(secret: { passphrase: string } | { recoveryKey: string }): Buffer {
    const source = this.options.source;
    const vault = source.kind === 'vault' ? readVaultFile(this.options.file) : null;
    if (!vault || source.kind !== 'vault') throw new CodedError('STORE_ALREADY_SET_UP');
    let key: Buffer | null = null;
    if ('passphrase' in secret) {
      if (vault.passphrase) {
        key = unwrapKey(vault.passphrase.wrapped, deriveFromPassphrase(secret.passphrase, vault.passphrase.kdf), 'passphrase');
      }
    } else {
      const recovery = parseRecoveryKey(secret.recoveryKey);
      if (recovery) key = unwrapKey(vault.recovery.wrapped, deriveFromRecoveryKey(recovery, vault.recovery.salt), 'recovery');
      if (key && source.osKeychain) {
        writeVaultFile(this.options.file, {
          ...vault,
          osKeychain: { blob: source.osKeychain.encrypt(key.toString('base64')).toString('base64') },
        });
      }
    }
    if (!key) throw new CodedError('VAULT_UNLOCK_FAILED');
    return key;
  }
}
