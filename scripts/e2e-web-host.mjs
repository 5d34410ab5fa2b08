// Starts the built web host for the Playwright suite: fresh demo data, fixed port and token, and the
// embedded demo portal (fresh PGlite data, fixed port) so the app can be signed in to.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startEmbeddedPortal } from './embedded-portal.mjs';

const port = process.env.LABORDESK_E2E_PORT ?? '5174';
const token = process.env.LABORDESK_E2E_TOKEN ?? 'e2e-token-0123456789abcdef';
// Port + 1 is the vault suite's own web host; the portal takes port + 2, so the tests know its address.
const portalPort = Number(process.env.LABORDESK_E2E_PORTAL_PORT ?? Number(port) + 2);

const portalDataDir = mkdtempSync(join(tmpdir(), 'labordesk-e2e-portal-'));
// The portal's per-request JSON log would bury the host's output; its plain lines (URL, accounts) stay.
const quiet = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n')) if (line && !line.startsWith('[portal] {')) process.stdout.write(`${line}\n`);
    done();
  },
});
const portal = await startEmbeddedPortal({ dataDir: portalDataDir, registrySize: 100, port: portalPort, stdout: quiet });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill('SIGTERM');
  await portal.stop();
  rmSync(portalDataDir, { recursive: true, force: true });
  process.exit(code);
}

const child = spawn(process.execPath, ['out/main/web-host.js', '--demo', '--port', port, '--portal-url', portal.url], {
  stdio: 'inherit',
  env: { ...process.env, LABORDESK_WEB_TOKEN: token },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));
void portal.exited.then(() => {
  if (!stopping) console.error('[portal] the embedded portal stopped before the tests ended');
});
