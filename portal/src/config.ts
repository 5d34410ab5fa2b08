// Portal settings from the command line and the environment.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PortalStorage } from './db/connection';
import type { RegistrySeed } from './population/population-registry';

export interface PortalConfig {
  host: string;
  port: number;
  storage: PortalStorage;
  registry: RegistrySeed;
  demo: boolean;
  adminUsername: string;
  adminPassword?: string;
  trustProxy: boolean;
  /** Folder of CA certificates (.pem/.der/.crt/.cer) filing signatures must chain to. */
  trustDir?: string;
}

export const usage = `LaborDesk reference portal
  npm run portal -- [--host 127.0.0.1] [--port 8080] [--data-dir DIR] [--demo]
                    [--registry-size 100000] [--registry-seed 2026]
  DATABASE_URL          PostgreSQL (production), e.g. postgres://labordesk:...@db:5432/labordesk
                        Without it: PGlite (embedded PostgreSQL) in --data-dir
  PORTAL_ADMIN_USERNAME the first administrator's username (default admin)
  PORTAL_ADMIN_PASSWORD its initial password (otherwise a temporary one is printed once)
  PORTAL_TRUST_PROXY=1  behind a reverse proxy: take client addresses from X-Forwarded-For
  PORTAL_TRUST_DIR      folder of CA certificates that filing signatures must chain to; when set,
                        every filing must be signed by its enterprise's certificate (MST = tax code)`;

export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'labordesk-portal', 'pglite');
}

export function portalConfigFrom(argv: string[], env: NodeJS.ProcessEnv): PortalConfig | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'registry-size': { type: 'string', default: '100000' },
      'registry-seed': { type: 'string', default: '2026' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const size = Number(values['registry-size']);
  const seed = Number(values['registry-seed']);
  if (!Number.isInteger(size) || size < 0 || size > 50_000_000) throw new Error(`--registry-size: 0..50000000, not ${values['registry-size']}`);
  if (!Number.isInteger(seed)) throw new Error(`--registry-seed: an integer, not ${values['registry-seed']}`);
  const storage: PortalStorage = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'pglite', dataDir: resolve(values['data-dir'] ?? defaultDataDir()) };
  return {
    host: values.host,
    port,
    storage,
    registry: { seed, size },
    demo: values.demo,
    adminUsername: env.PORTAL_ADMIN_USERNAME ?? 'admin',
    ...(env.PORTAL_ADMIN_PASSWORD ? { adminPassword: env.PORTAL_ADMIN_PASSWORD } : {}),
    trustProxy: env.PORTAL_TRUST_PROXY === '1',
    ...(env.PORTAL_TRUST_DIR ? { trustDir: resolve(env.PORTAL_TRUST_DIR) } : {}),
  };
}
