// Errors the portal answers with: a stable code (src-common/errors.ts), its HTTP status, a localised message.
import { CodedError, errorMessage, type ErrorCode } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';

const statusByCode: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  FEE_CAP_EXCEEDED: 400,
  PASSWORD_POLICY: 400,
  CURRENT_PASSWORD_INCORRECT: 400,
  UNKNOWN_MUTATION_KIND: 400,
  SIGNATURE_REQUIRED: 400,
  SIGNATURE_INVALID: 400,
  SIGNATURE_UNTRUSTED: 400,
  SIGNATURE_KEY_USAGE: 400,
  SIGNATURE_PARTY_MISMATCH: 400,
  SIGNATURE_MANIFEST_PROOF_INVALID: 400,
  CERT_EXPIRED: 400,
  CERT_NOT_YET_VALID: 400,
  ATTACHMENT_TYPE_MISMATCH: 400,
  ATTACHMENT_HASH_MISMATCH: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  TOKEN_SIGN_IN_CHALLENGE_EXPIRED: 401,
  TOKEN_SIGN_IN_NO_TAX_CODE: 401,
  TOKEN_SIGN_IN_NO_ACCOUNT: 401,
  AUTH_TEMPORARY_PASSWORD_EXPIRED: 401,
  AUTH_ACCOUNT_DISABLED: 403,
  AUTH_PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  BRANCH_FUNCTION_NOT_GRANTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  MUTATION_ID_CONFLICT: 409,
  // The filing names bytes the enterprise has not uploaded yet: upload them, then resend the same filing.
  ATTACHMENT_MISSING: 409,
  PAYLOAD_TOO_LARGE: 413,
  AUTH_ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
};

export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code] ?? 500;
}

/** Thrown by portal services; the error handler turns it into `{ error: { code, message, details } }`. */
export function portalError(code: ErrorCode, details?: unknown): CodedError {
  return new CodedError(code, details);
}

/** The caller's language from Accept-Language: English when it prefers English, Vietnamese otherwise. */
export function languageOf(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(code: ErrorCode, language: Language, details?: unknown): ErrorBody {
  return { error: { code, message: errorMessage(code, language), ...(details === undefined ? {} : { details }) } };
}
