// The per-file setup of renderer tests that need the portal: one demo portal for the file, and after
// each test the rendered app and the real cores are cleaned up.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { EmbeddedPortal } from '../../scripts/embedded-portal.mjs';
import { startDemoPortal } from './demo-portal';
import { closeRealCores } from './real-core';
import { cleanup } from './render-app';

export function demoPortalForFile(): { readonly url: string } {
  let portal: EmbeddedPortal | undefined;
  beforeAll(async () => {
    portal = await startDemoPortal();
  }, 120_000);
  afterEach(async () => {
    cleanup();
    await closeRealCores();
  });
  afterAll(async () => {
    await portal?.stop();
  });
  return {
    get url(): string {
      if (!portal) throw new Error('the demo portal has not started (used outside a test?)');
      return portal.url;
    },
  };
}
