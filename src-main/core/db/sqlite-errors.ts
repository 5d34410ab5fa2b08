// Classifies SQLite failures into the contract's stable error codes.
import { CodedError, type ErrorCode } from '../../../src-common/errors';

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** The contract code for a SQLite error, or undefined when it is not a storage condition we name. */
export function classifySqliteError(error: unknown): ErrorCode | undefined {
  const code = sqliteCode(error);
  if (!code) return undefined;
  if (code.startsWith('SQLITE_FULL') || code === 'SQLITE_IOERR_WRITE' && /no space/i.test(String(error))) {
    return 'DB_DISK_FULL';
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) return 'DB_READONLY';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'DB_BUSY';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'DB_CORRUPT';
  return undefined;
}

/** Re-throws a SQLite error as a CodedError when it has a name in the contract. */
export function rethrowClassified(error: unknown): never {
  const code = classifySqliteError(error);
  if (code) throw new CodedError(code, { sqlite: sqliteCode(error) }, { cause: error });
  throw error;
}
