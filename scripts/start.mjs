// `npm start`: an embedded demo portal, then the Electron app when its binary is installed, otherwise
// the web host in a browser; the client is pointed at the portal, and the portal stops with it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startEmbeddedPortal } from './embedded-portal.mjs';

const require = createRequire(import.meta.url);
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const portalDataDir = join(repoRoot, '.data', 'portal-demo');

/** @type {{ url: string, stop: () => Promise<void>, exited: Promise<number | null> } | null} */
let portal = null;
/** Aborted on shutdown, so a portal still starting is ended too. */
const portalStart = new AbortController();
/** @type {Promise<unknown> | null} */
let portalStarting = null;
/** The build step or the client that is running now. @type {import('node:child_process').ChildProcess | null} */
let current = null;
let stopping = false;

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, and throws without it
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Stops the portal (if we started it) and leaves with `code`. */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  portalStart.abort();
  await portalStarting?.catch(() => {});
  if (portal) await portal.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The running child ends first; its exit handler then stops the portal. With none, stop now.
    if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
    else void shutdown(130);
  });
}

/** Runs one build step with inherited output; a failure ends everything. */
function step(command, args) {
  return new Promise((done) => {
    if (stopping) return;
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    current = child;
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      void shutdown(1);
    });
    child.on('exit', (code, signal) => {
      if (code === 0) done();
      else void shutdown(code ?? (signal ? 130 : 1));
    });
  });
}

async function portalUrl() {
  const configured = process.env.LABORDESK_PORTAL_URL?.trim();
  if (configured) {
    // The shells check it fully; fail here already, before a build, on the obvious mistakes.
    if (!/^https?:\/\/[^\s/?#]+/i.test(configured)) {
      console.error(`LABORDESK_PORTAL_URL must be an http:// or https:// address, not ${configured}`);
      process.exit(1);
    }
    console.log(`Using the central portal at ${configured} (LABORDESK_PORTAL_URL); no embedded portal started.`);
    return configured;
  }
  console.log(`Starting the embedded demo portal (data in ${portalDataDir}) ...`);
  portalStarting = startEmbeddedPortal({ dataDir: portalDataDir, registrySize: 100_000, signal: portalStart.signal });
  try {
    portal = await portalStarting;
  } catch (error) {
    if (!stopping) {
      console.error(error instanceof Error ? error.message : String(error));
      void shutdown(1);
    }
    return new Promise(() => {}); // shutdown() ends the process
  }
  void portal.exited.then((code) => {
    if (!stopping) console.error(`[portal] the embedded portal stopped (code ${code ?? 'signal'}); the client runs on without it.`);
  });
  console.log(`Embedded portal: ${portal.url}  (demo accounts dn.admin, cn.hcm, cb.cuc, cb.hanoi; password LaborDesk@2026)`);
  return portal.url;
}

/** Starts the client; when it exits, the portal is stopped and we leave with its exit code. */
function startClient(command, args, options) {
  if (stopping) return null;
  const client = spawn(command, args, { cwd: repoRoot, ...options });
  current = client;
  client.on('error', (error) => {
    console.error(`${command}: ${error.message}`);
    void shutdown(1);
  });
  client.on('exit', (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
  return client;
}

const url = await portalUrl();

if (electronBinary()) {
  // Native modules must be built for Electron's ABI first (see README, "Packaging").
  await step(bin('electron-vite'), ['build']);
  startClient(bin('electron-vite'), ['preview'], {
    stdio: 'inherit',
    env: { ...process.env, LABORDESK_PORTAL_URL: url },
  });
} else {
  console.log('Electron is not installed here: starting LaborDesk in browser mode (web host).');
  await step(bin('electron-vite'), ['build']);
  // The caller's own arguments come last, so a --portal-url of theirs wins.
  const host = startClient(process.execPath, ['out/main/web-host.js', '--demo', '--portal-url', url, ...process.argv.slice(2)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  host?.stdout.setEncoding('utf8');
  host?.stdout.on('data', (text) => {
    process.stdout.write(text);
    const match = /LaborDesk is running at: (\S+)/.exec(text);
    const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
    if (match && display && existsSync('/usr/bin/chromium')) {
      const profile = mkdtempSync(join(tmpdir(), 'labordesk-chromium-'));
      spawn('/usr/bin/chromium', [`--app=${match[1]}`, `--user-data-dir=${profile}`, '--no-first-run'], {
        stdio: 'ignore',
        detached: true,
      }).unref();
    }
  });
}
