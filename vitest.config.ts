// Unit test projects: plain Node (common, core, shells, architecture) and the renderer under happy-dom.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A tier without tests yet (e.g. test/renderer early on) must not fail the run.
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/common/**/*.test.ts',
            'test/core/**/*.test.ts',
            'test/electron/**/*.test.ts',
            'test/web-host/**/*.test.ts',
            'test/arch/**/*.test.ts',
          ],
          // Native better-sqlite3 is safest in child processes, one DB handle per worker.
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'portal-pglite',
          environment: 'node',
          include: ['test/portal/**/*.test.ts'],
          env: { PORTAL_TEST_DATABASE: 'pglite' },
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same portal suite against a real PostgreSQL server (a throwaway cluster per run).
        test: {
          name: 'portal-postgres',
          environment: 'node',
          include: ['test/portal/**/*.test.ts'],
          env: { PORTAL_TEST_DATABASE: 'postgres' },
          globalSetup: ['test/portal/setup/postgres-global-setup.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Offline-first sync end to end: real portal (PGlite) + real client cores through fault proxies.
        test: {
          name: 'sync',
          environment: 'node',
          include: ['test/sync/**/*.test.ts'],
          env: { PORTAL_TEST_DATABASE: 'pglite' },
          pool: 'forks',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
