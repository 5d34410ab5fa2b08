// Installs the Debian packages the test suite needs (when run as root), or says which are missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the tests use from the system: a file that proves it is there, and its Debian package. */
const required = [{ file: '/usr/bin/chromium', pkg: 'chromium', for: 'Playwright end-to-end tests' }];

const missing = required.filter((item) => !existsSync(item.file));
if (missing.length === 0) process.exit(0);

const names = missing.map((item) => item.pkg);
const isRoot = process.getuid?.() === 0;
if (!isRoot) {
  console.error(`Missing system packages: ${names.join(' ')} (${missing.map((m) => m.for).join('; ')}).`);
  console.error(`Install them with: sudo apt-get install -y ${names.join(' ')}`);
  process.exit(1);
}
console.log(`Installing system packages: ${names.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
for (const item of missing) {
  if (!existsSync(item.file)) {
    console.error(`${item.pkg} installed but ${item.file} is still missing`);
    process.exit(1);
  }
}
