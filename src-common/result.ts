// The Result envelope every boundary returns: values or coded errors, never thrown stack traces.
import type { ErrorCode } from './errors';

export interface AppError {
  code: ErrorCode;
  /** Text in the user's language (see errors.ts); the code is what programs match on. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
