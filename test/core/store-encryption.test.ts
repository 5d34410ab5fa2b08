// The encrypted store: no plaintext on disk, wrong key refused with the file untouched, migrations idempotent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src-main/core/index';
import { openStore } from '../../src-main/core/db/store';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createTestCore, expectOk, migrationsDir, newStoreKey, removeTempDirs, tempDir } from '../helpers/temp-core';

afterEach(removeTempDirs);

const MARKER = 'Nguyễn Văn Đức bí mật PLAINTEXT-MARKER-7731';

function containsMarker(file: string): boolean {
  if (!existsSync(file)) return false;
  const bytes = readFileSync(file);
  return bytes.includes(Buffer.from(MARKER, 'utf8')) || bytes.includes(Buffer.from('PLAINTEXT-MARKER-7731', 'utf8'));
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

describe('encrypted store', () => {
  it('keeps no plaintext in the database or its WAL', async () => {
    const dataDir = tempDir();
    const core = await createTestCore({ dataDir });
    expectOk(await core.invoke('settings:set', { portalUrl: `https://portal.gov.vn/${encodeURIComponent(MARKER)}` }));
    // The audit row stores the changed value as text too.
    expectOk(await core.invoke('settings:set', { pkcs11ModulePath: `/opt/${MARKER}/lib.so` }));
    const file = join(dataDir, STORE_FILE);
    expect(existsSync(file)).toBe(true);
    expect(containsMarker(file) || containsMarker(`${file}-wal`)).toBe(false);
    await core.close();
    expect(containsMarker(file)).toBe(false);
  });

  it('control: the same writes to an unencrypted store do show the plaintext (the check can fail)', () => {
    const file = join(tempDir(), 'plain.db');
    const store = openStore({ file, key: null, migrationsDir });
    store.sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('x', JSON.stringify(MARKER), 'now');
    store.close();
    expect(containsMarker(file)).toBe(true);
  });

  it('refuses a wrong key with DB_KEY_INVALID and leaves every file byte-identical', async () => {
    const dataDir = tempDir();
    const core = await createTestCore({ dataDir });
    expectOk(await core.invoke('settings:set', { portalUrl: 'https://portal.gov.vn' }));
    await core.close();
    const before = snapshot(dataDir);

    await expect(createTestCore({ dataDir, key: { kind: 'fixed', storeKey: newStoreKey() } })).rejects.toMatchObject({
      code: 'DB_KEY_INVALID',
    });
    expect(() => openStore({ file: join(dataDir, STORE_FILE), key: newStoreKey(), migrationsDir })).toThrow(
      expect.objectContaining({ code: 'DB_KEY_INVALID' }),
    );
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('runs migrations twice as a no-op', () => {
    const file = join(tempDir(), STORE_FILE);
    const key = newStoreKey();
    const dump = (sqlite: Database.Database) => ({
      schema: sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
      migrations: sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY id').all(),
    });
    const first = openStore({ file, key, migrationsDir });
    const afterFirst = dump(first.sqlite);
    expect(first.schemaVersion()).toBeGreaterThanOrEqual(2);
    // Again on the same connection, then again by reopening.
    migrate(first.db, { migrationsFolder: migrationsDir });
    expect(dump(first.sqlite)).toEqual(afterFirst);
    first.close();
    const second = openStore({ file, key, migrationsDir });
    expect(dump(second.sqlite)).toEqual(afterFirst);
    second.close();
  });

  it('refuses a store written by a newer schema with DB_SCHEMA_TOO_NEW', () => {
    const file = join(tempDir(), STORE_FILE);
    const key = newStoreKey();
    const store = openStore({ file, key, migrationsDir });
    store.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('f'.repeat(64), Date.now() + 365 * 24 * 3600 * 1000);
    store.close();
    expect(() => openStore({ file, key, migrationsDir })).toThrow(expect.objectContaining({ code: 'DB_SCHEMA_TOO_NEW' }));
  });

  it('uses the SQLCipher 4 page format with WAL and foreign keys on', () => {
    const file = join(tempDir(), STORE_FILE);
    const store = openStore({ file, key: newStoreKey(), migrationsDir });
    expect(store.journalMode()).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(String(store.sqlite.pragma('cipher', { simple: true }))).toBe('sqlcipher');
    store.close();
    // An encrypted file does not start with SQLite's plaintext header.
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });
});
