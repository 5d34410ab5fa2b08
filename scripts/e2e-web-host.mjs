// Starts the built web host for the Playwright suite: fresh demo data, fixed port and token.
import { spawn } from 'node:child_process';

const port = process.env.LABORDESK_E2E_PORT ?? '5174';
const token = process.env.LABORDESK_E2E_TOKEN ?? 'e2e-token-0123456789abcdef';

const child = spawn(process.execPath, ['out/main/web-host.js', '--demo', '--port', port], {
  stdio: 'inherit',
  env: { ...process.env, LABORDESK_WEB_TOKEN: token },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
