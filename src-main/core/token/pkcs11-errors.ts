// PKCS#11 return values (CKR_*) -> the contract's stable error codes. pkcs11js reports them as a
// Pkcs11Error whose message starts with the CKR_ name and whose `code` is the numeric value.
import { CodedError, type ErrorCode } from '../../../src-common/errors';

const byCkr: Record<string, ErrorCode> = {
  CKR_PIN_INCORRECT: 'TOKEN_PIN_INCORRECT',
  CKR_PIN_INVALID: 'TOKEN_PIN_INCORRECT',
  CKR_PIN_LEN_RANGE: 'TOKEN_PIN_INCORRECT',
  CKR_PIN_LOCKED: 'TOKEN_PIN_LOCKED',
  CKR_PIN_EXPIRED: 'TOKEN_PIN_LOCKED',
  CKR_DEVICE_REMOVED: 'TOKEN_REMOVED',
  CKR_TOKEN_NOT_PRESENT: 'TOKEN_REMOVED',
  CKR_DEVICE_ERROR: 'TOKEN_REMOVED',
  CKR_SESSION_HANDLE_INVALID: 'TOKEN_REMOVED',
  CKR_SESSION_CLOSED: 'TOKEN_REMOVED',
  CKR_CRYPTOKI_NOT_INITIALIZED: 'TOKEN_REMOVED',
  CKR_SLOT_ID_INVALID: 'TOKEN_REMOVED',
  CKR_TOKEN_NOT_RECOGNIZED: 'TOKEN_NOT_FOUND',
  CKR_KEY_HANDLE_INVALID: 'TOKEN_KEY_NOT_FOUND',
  CKR_OBJECT_HANDLE_INVALID: 'TOKEN_KEY_NOT_FOUND',
};

/** The numeric values, for errors that carry only a code. */
const ckrNames: Record<number, string> = {
  0xa0: 'CKR_PIN_INCORRECT',
  0xa1: 'CKR_PIN_INVALID',
  0xa2: 'CKR_PIN_LEN_RANGE',
  0xa3: 'CKR_PIN_EXPIRED',
  0xa4: 'CKR_PIN_LOCKED',
  0x32: 'CKR_DEVICE_REMOVED',
  0xe0: 'CKR_TOKEN_NOT_PRESENT',
  0x30: 'CKR_DEVICE_ERROR',
  0xb3: 'CKR_SESSION_HANDLE_INVALID',
  0xb0: 'CKR_SESSION_CLOSED',
  0x190: 'CKR_CRYPTOKI_NOT_INITIALIZED',
  0x03: 'CKR_SLOT_ID_INVALID',
  0x60: 'CKR_KEY_HANDLE_INVALID',
  0x82: 'CKR_OBJECT_HANDLE_INVALID',
  0xe1: 'CKR_TOKEN_NOT_RECOGNIZED',
};

/** The CKR_ name of a PKCS#11 failure, or null for anything else. */
export function ckrNameOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const message = (error as { message?: unknown }).message;
  const fromMessage = typeof message === 'string' ? /\b(CKR_[A-Z_]+)\b/.exec(message)?.[1] : undefined;
  if (fromMessage) return fromMessage;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? (ckrNames[code] ?? null) : null;
}

export interface PinState {
  countLow: boolean;
  finalTry: boolean;
}

/**
 * A PKCS#11 failure as a coded error; other errors pass through unchanged. The PIN-retry flags read
 * from the token after a wrong PIN travel in `details` (never the PIN).
 */
export function toTokenError(error: unknown, pinState?: PinState): unknown {
  // The library was finalised and unloaded under a running batch: for the batch, the token is gone.
  if (error instanceof Error && /module not loaded/i.test(error.message)) {
    return new CodedError('TOKEN_REMOVED', { reason: 'library unloaded' }, { cause: error });
  }
  const name = ckrNameOf(error);
  const code = name ? byCkr[name] : undefined;
  if (!code) return error;
  const details: Record<string, unknown> = { ckr: name };
  if (code === 'TOKEN_PIN_INCORRECT' && pinState) Object.assign(details, pinState);
  return new CodedError(code, details, { cause: error });
}
