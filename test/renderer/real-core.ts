// Real cores over encrypted stores in temp folders for component tests, closed together after each test.
import type { Core, CoreConfig } from '../../src-main/core/index';
import { createTestCore, removeTempDirs, tempDir } from '../helpers/temp-core';

const opened: Core[] = [];

export const tempDataDir = (): string => tempDir('labordesk-renderer-test-');

export async function createRealCore(overrides: Partial<CoreConfig> = {}): Promise<Core> {
  const core = await createTestCore({ dataDir: overrides.dataDir ?? tempDataDir(), ...overrides });
  opened.push(core);
  return core;
}

export async function closeRealCores(): Promise<void> {
  for (const core of opened.splice(0)) await core.close();
  removeTempDirs();
}
