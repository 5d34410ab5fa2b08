// `npm start`: the Electron app when its binary is installed, otherwise the web host in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const bin = (name) => join('node_modules', '.bin', name);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, and throws without it
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (electronBinary()) {
  // Native modules must be built for Electron's ABI first (see README, "Packaging").
  run(bin('electron-vite'), ['build']);
  run(bin('electron-vite'), ['preview']);
  process.exit(0);
}

console.log('Electron is not installed here: starting LaborDesk in browser mode (web host).');
run(bin('electron-vite'), ['build']);
const host = spawn(process.execPath, ['out/main/web-host.js', '--demo', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
host.stdout.setEncoding('utf8');
host.stdout.on('data', (text) => {
  process.stdout.write(text);
  const match = /running at: (\S+)/.exec(text);
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (match && display && existsSync('/usr/bin/chromium')) {
    const profile = mkdtempSync(join(tmpdir(), 'labordesk-chromium-'));
    spawn('/usr/bin/chromium', [`--app=${match[1]}`, `--user-data-dir=${profile}`, '--no-first-run'], {
      stdio: 'ignore',
      detached: true,
    }).unref();
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
