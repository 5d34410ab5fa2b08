// Test helpers: temp folders and real cores over real encrypted stores (nothing mocked).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../src-main/core/index';

// Vitest runs from the repository root; under happy-dom `new URL(.., import.meta.url)` is not a file URL.
export const migrationsDir = join(process.cwd(), 'src-main', 'core', 'db', 'migrations');

const made: string[] = [];

export function tempDir(prefix = 'labordesk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function newStoreKey(): Buffer {
  return randomBytes(32);
}

export async function createTestCore(overrides: Partial<CoreConfig> = {}): Promise<Core> {
  return createCore({
    appVersion: '0.0.0-test',
    shell: 'web',
    dataDir: overrides.dataDir ?? tempDir(),
    migrationsDir,
    key: { kind: 'fixed', storeKey: newStoreKey() },
    // Cheap scrypt in tests only; production keeps 2^17.
    scryptCost: 2 ** 10,
    ...overrides,
    // Fixture filings name attachments by made-up hashes; attachment tests turn the hold-back back on.
    sync: { requireAttachmentBytes: false, ...overrides.sync },
  });
}

/** Unwraps a Result, failing the test with the error when it is not ok. */
export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
