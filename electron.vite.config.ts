// Build of the three Electron bundles (main + web host, sandboxed preload, renderer) into out/.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const fromRoot = (path: string) => resolve(import.meta.dirname, path);

/**
 * The dev server (`electron-vite dev`) injects React's hot-reload preamble as an inline script, which the
 * page's strict meta CSP would block. In dev only, drop the meta tag: the Electron session then applies
 * its dev policy as a header (src-main/electron/content-security-policy.ts). Builds keep the meta tag.
 */
const devOnlyRelaxMetaCsp: Plugin = {
  name: 'labordesk-dev-relax-meta-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
};

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      rolldownOptions: {
        // The web host shares the core with the Electron main process, so both are built here:
        // out/main/index.js runs in Electron, out/main/web-host.js runs in plain Node.
        input: {
          index: fromRoot('src-main/electron/main.ts'),
          'web-host': fromRoot('src-main/web-host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      // A sandboxed preload can require only 'electron' and a few built-ins, never node_modules:
      // everything else (zod, via the contract) has to be bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('src-preload/index.ts') },
        // Sandboxed preloads are loaded as CommonJS even though package.json says "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('src-renderer'),
    plugins: [react(), devOnlyRelaxMetaCsp],
    build: {
      outDir: fromRoot('out/renderer'),
      rolldownOptions: {
        input: { index: fromRoot('src-renderer/index.html') },
      },
    },
  },
});
