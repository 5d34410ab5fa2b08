// Command line of the web host: `node out/main/web-host.js [--data-dir DIR] [--port N] [--demo] [--portal-url URL]`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorMessage, hasErrorCode } from '../../src-common/errors';
import { createCore, parsePortalUrl, type StoreKeySource } from '../core/index';
import { createConsoleLogger } from '../core/logger';
import { findAppRoot } from './app-root';
import { startWebHost } from './web-host';

const usage = `LaborDesk web host (browser mode)
  --demo             a fresh, throw-away data folder with a random store key
  --data-dir DIR     keep data in DIR; the store key comes from LABORDESK_STORE_KEY (64 hex digits),
                     otherwise the app asks for a passphrase (there is no OS keychain in browser mode)
  --port N           port on 127.0.0.1 (default: a free one)
  --portal-url URL   the central portal (http:// or https://); otherwise LABORDESK_PORTAL_URL, if set
  LABORDESK_WEB_TOKEN sets the per-launch token (tests); otherwise it is random.
  LABORDESK_TRUST_DIR folder of trusted CA certificates for verifying signatures (default resources/trust).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'portal-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const root = findAppRoot(dirname(fileURLToPath(import.meta.url)));
  const rendererDir = join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}). Run: npm run build`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const portalUrl = values['portal-url'] !== undefined
    ? parsePortalUrl(values['portal-url'], '--portal-url')
    : parsePortalUrl(process.env.LABORDESK_PORTAL_URL, 'LABORDESK_PORTAL_URL');

  const dataDir = values.demo || !values['data-dir']
    ? mkdtempSync(join(tmpdir(), 'labordesk-demo-'))
    : resolve(values['data-dir']);
  const key = storeKeySource(Boolean(values.demo || !values['data-dir']));
  const logger = createConsoleLogger('web-host');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const core = await createCore({
    appVersion: version,
    shell: 'web',
    dataDir,
    migrationsDir: join(root, 'src-main', 'core', 'db', 'migrations'),
    key,
    logger,
    portalUrl,
    resourcesDir: join(root, 'resources'),
    // Tests point this at their own test CA; by default resources/trust.
    ...(process.env.LABORDESK_TRUST_DIR ? { trustDir: resolve(process.env.LABORDESK_TRUST_DIR) } : {}),
  });
  const host = await startWebHost({ core, rendererDir, port, token: process.env.LABORDESK_WEB_TOKEN, logger });
  console.log(`LaborDesk data folder: ${dataDir}`);
  console.log(`LaborDesk central portal: ${portalUrl ?? 'not configured'}`);
  console.log(`LaborDesk is running at: ${host.url}`);

  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function storeKeySource(throwAway: boolean): StoreKeySource {
  const fromEnv = process.env.LABORDESK_STORE_KEY;
  if (fromEnv !== undefined) {
    if (!/^[0-9a-fA-F]{64}$/.test(fromEnv)) throw new Error('LABORDESK_STORE_KEY must be 64 hex digits (32 bytes)');
    return { kind: 'fixed', storeKey: Buffer.from(fromEnv, 'hex') };
  }
  if (throwAway) return { kind: 'fixed', storeKey: randomBytes(32) };
  return { kind: 'vault', osKeychain: null };
}

main().catch((error: unknown) => {
  const reason = hasErrorCode(error)
    ? `${error.code}: ${errorMessage(error.code, 'vi')} / ${errorMessage(error.code, 'en')}`
    : error instanceof Error
      ? error.message
      : String(error);
  console.error(`LaborDesk web host could not start. ${reason}`);
  process.exit(1);
});
