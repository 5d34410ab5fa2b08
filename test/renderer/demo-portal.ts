// The reference portal (demo data, PGlite) as a child process for renderer tests, and cores pointed at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Core } from '../../src-main/core/index';
import { startEmbeddedPortal, type EmbeddedPortal } from '../../scripts/embedded-portal.mjs';
import { expectOk } from '../helpers/temp-core';
import { nodeHttpFetch } from './node-http-fetch';
import { createRealCore, tempDataDir } from './real-core';

/** The demo accounts' shared password (portal/src/demo/demo-data.ts). */
export const demoPassword = 'LaborDesk@2026';
/** The first administrator's initial password: it must be changed at the first sign-in. */
export const adminInitialPassword = 'Quan-Tri-Ban-Dau-2026';

/**
 * Its data folder is its own, not one of real-core's temp folders: those are removed after every
 * test, and the portal lives for the whole file. `stop()` removes it.
 */
export async function startDemoPortal(): Promise<EmbeddedPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'labordesk-renderer-portal-'));
  const portal = await startEmbeddedPortal({
    dataDir,
    registrySize: 10,
    env: { PORTAL_ADMIN_PASSWORD: adminInitialPassword },
    // The portal's log lines would drown the test output (LABORDESK_TEST_PORTAL_LOG=1 shows them).
    stdout: process.env.LABORDESK_TEST_PORTAL_LOG ? process.stdout : new Writable({ write: (_chunk, _encoding, done) => done() }),
    stderr: process.stderr,
  });
  return {
    ...portal,
    stop: async () => {
      await portal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A real core configured with the portal; sync runs only when asked (sync:run), so tests are deterministic. */
export async function portalCore(portalUrl: string, dataDir = tempDataDir()): Promise<Core> {
  return createRealCore({ dataDir, portalUrl, sync: { autoSync: false, requestTimeoutMs: 5000, fetch: nodeHttpFetch } });
}

export async function call<T = any>(core: Core, method: string, input: unknown = {}): Promise<T> {
  return expectOk((await core.invoke(method, input)) as never) as T;
}

export async function signIn(core: Core, portalUrl: string, username: string, password = demoPassword) {
  return call(core, 'session:signIn', { portalUrl, username, password });
}
