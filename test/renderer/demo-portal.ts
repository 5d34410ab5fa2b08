// The reference portal (demo data, PGlite) as a child process for renderer tests, and cores pointed at it.
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

export async function startDemoPortal(): Promise<EmbeddedPortal> {
  return startEmbeddedPortal({
    dataDir: tempDataDir(),
    registrySize: 10,
    env: { PORTAL_ADMIN_PASSWORD: adminInitialPassword },
    // The portal's log lines would drown the test output.
    stdout: new Writable({ write: (_chunk, _encoding, done) => done() }),
    stderr: process.stderr,
  });
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
