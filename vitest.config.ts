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
