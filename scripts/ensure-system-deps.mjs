// Installs the Debian packages the test suite needs (when run as root), or says which are missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const postgresInstalled = () =>
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

/** The OpenSSL PKCS#11 engine (libp11), wherever the multiarch/OpenSSL-version directory puts it. */
const pkcs11EngineInstalled = () => {
  for (const lib of ['/usr/lib', '/usr/lib64']) {
    if (!existsSync(lib)) continue;
    const dirs = [lib, ...readdirSync(lib).filter((d) => d.endsWith('-linux-gnu')).map((d) => `${lib}/${d}`)];
    if (dirs.some((d) => existsSync(`${d}/engines-3/pkcs11.so`) || existsSync(`${d}/engines-1.1/pkcs11.so`))) return true;
  }
  return false;
};

/** What the tests use from the system: how to tell it is there, and its Debian package. */
const required = [
  { present: () => existsSync('/usr/bin/chromium'), pkg: 'chromium', for: 'Playwright end-to-end tests' },
  { present: postgresInstalled, pkg: 'postgresql', for: 'the portal tests on PostgreSQL' },
  { present: () => existsSync('/usr/lib/softhsm/libsofthsm2.so'), pkg: 'softhsm2', for: 'the PKCS#11 signing tests (test token)' },
  { present: () => existsSync('/usr/bin/pkcs11-tool'), pkg: 'opensc', for: 'pkcs11-tool, to build the test token' },
  { present: pkcs11EngineInstalled, pkg: 'libengine-pkcs11-openssl', for: 'CSRs signed with the test token key (openssl pkcs11 engine)' },
];

const missing = required.filter((item) => !item.present());
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
  if (!item.present()) {
    console.error(`${item.pkg} installed but still not usable`);
    process.exit(1);
  }
}
