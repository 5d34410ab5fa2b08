// Real cores over encrypted stores in temp folders, for component tests (happy-dom: no import.meta.url paths).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../src-main/core/index';

// Vitest runs from the repository root; happy-dom's URL makes `new URL(.., import.meta.url)` unusable here.
const migrationsDir = join(process.cwd(), 'src-main', 'core', 'db', 'migrations');

const made: string[] = [];
const opened: Core[] = [];

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'labordesk-renderer-test-'));
  made.push(dir);
  return dir;
}

export async function createRealCore(overrides: Partial<CoreConfig> = {}): Promise<Core> {
  const core = await createCore({
    appVersion: '0.0.0-test',
    shell: 'web',
    dataDir: overrides.dataDir ?? tempDataDir(),
    migrationsDir,
    key: { kind: 'fixed', storeKey: randomBytes(32) },
    scryptCost: 2 ** 10, // Cheap KDF for tests only.
    ...overrides,
  });
  opened.push(core);
  return core;
}

export async function closeRealCores(): Promise<void> {
  for (const core of opened.splice(0)) await core.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
