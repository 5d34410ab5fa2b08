// Opens the encrypted local store: SQLCipher-compatible cipher, WAL, foreign keys, migrations at open.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { CodedError } from '../../../src-common/errors';
import * as schema from './schema';
import { rethrowClassified } from './sqlite-errors';

export const STORE_KEY_BYTES = 32;
/** SQLCipher 4 page format, so the file opens in stock SQLCipher tools with the same raw key. */
export const STORE_CIPHER = 'sqlcipher';

export type StoreDb = BetterSQLite3Database<typeof schema>;

export interface StoreOptions {
  file: string;
  /** 32 random bytes; passed as a raw key (no passphrase KDF), so opening is fast. */
  key: Buffer | null;
  migrationsDir: string;
}

export interface Store {
  readonly file: string;
  readonly encrypted: boolean;
  readonly sqlite: Database.Database;
  readonly db: StoreDb;
  /** Number of migrations applied. */
  schemaVersion(): number;
  journalMode(): string;
  sizeBytes(): number;
  /** Runs `work` in one write transaction; SQLite failures come out as contract error codes. */
  write<T>(work: () => T): T;
  close(): void;
}

function applyKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== STORE_KEY_BYTES) throw new Error(`store key must be ${STORE_KEY_BYTES} bytes`);
  sqlite.pragma(`cipher = '${STORE_CIPHER}'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** A wrong key only shows on the first read (SQLITE_NOTADB), so read before anything can write. */
function probeKey(sqlite: Database.Database): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new CodedError('DB_KEY_INVALID', undefined, { cause: error });
    }
    rethrowClassified(error);
  }
}

/** Refuses a store whose applied migrations this build does not know (made by a newer app). */
function refuseNewerSchema(sqlite: Database.Database, migrationsDir: string): void {
  const known = readMigrationFiles({ migrationsFolder: migrationsDir });
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return;
  const applied = sqlite.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations').all() as {
    hash: string;
    createdAt: number;
  }[];
  const knownTimes = new Set(known.map((m) => m.folderMillis));
  const unknown = applied.filter((m) => !knownTimes.has(Number(m.createdAt)));
  if (unknown.length > 0 || applied.length > known.length) {
    sqlite.close();
    throw new CodedError('DB_SCHEMA_TOO_NEW', { applied: applied.length, known: known.length });
  }
}

export function openStore(options: StoreOptions): Store {
  const { file, key, migrationsDir } = options;
  const existed = existsSync(file);
  const sqlite = new Database(file, { fileMustExist: existed });
  try {
    if (key) applyKey(sqlite, key);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  probeKey(sqlite);
  refuseNewerSchema(sqlite, migrationsDir);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite.close();
    rethrowClassified(error);
  }
  const db = drizzle(sqlite, { schema });
  try {
    migrate(db, { migrationsFolder: migrationsDir });
  } catch (error) {
    sqlite.close();
    rethrowClassified(error);
  }

  const write = <T>(work: () => T): T => {
    try {
      return sqlite.transaction(work)();
    } catch (error) {
      rethrowClassified(error);
    }
  };

  return {
    file,
    encrypted: key !== null,
    sqlite,
    db,
    schemaVersion: () =>
      (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n,
    journalMode: () => String(sqlite.pragma('journal_mode', { simple: true })),
    sizeBytes: () =>
      ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0),
    write,
    close: () => sqlite.close(),
  };
}
