// Wrapping the store key: AES-256-GCM under a key from scrypt (passphrase) or HKDF (recovery key).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from 'node:crypto';

export interface WrappedKey {
  iv: string;
  ciphertext: string;
  tag: string;
}

/** Binds a wrapped key to its purpose, so a blob cannot be moved between slots. */
const AAD_PREFIX = 'labordesk-store-key-v1:';

export function wrapKey(storeKey: Buffer, wrappingKey: Buffer, slot: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(AAD_PREFIX + slot));
  const ciphertext = Buffer.concat([cipher.update(storeKey), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns the store key, or null when the wrapping key is wrong (the GCM tag does not verify). */
export function unwrapKey(wrapped: WrappedKey, wrappingKey: Buffer, slot: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(AAD_PREFIX + slot));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  salt: string;
}

/** 2^17 × 8 × 128 B = 128 MiB of memory per guess: slow for an attacker, ~0.3–0.5 s for the user. */
export const DEFAULT_SCRYPT_COST = 2 ** 17;

export function newScryptParams(cost: number = DEFAULT_SCRYPT_COST): ScryptParams {
  return { N: cost, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function deriveFromPassphrase(passphrase: string, params: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

/** The recovery key has 160 random bits, so a fast KDF suffices. */
export function deriveFromRecoveryKey(recoveryKey: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, Buffer.from(salt, 'base64'), 'labordesk-recovery-v1', 32));
}
