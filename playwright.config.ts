// Playwright: Debian's Chromium drives the built renderer through the web host (test/e2e).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.LABORDESK_E2E_PORT ?? 5174);
const token = process.env.LABORDESK_E2E_TOKEN ?? 'e2e-token-0123456789abcdef';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // One web host with one data folder: the tests build on each other's state, in file order.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Never a downloaded browser: the system one, flags for a container without GPU or network.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node scripts/e2e-web-host.mjs',
    url: `http://127.0.0.1:${port}/?token=${token}`,
    // A reused server would carry the previous run's settings; each run starts from a fresh store.
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { LABORDESK_E2E_PORT: String(port), LABORDESK_E2E_TOKEN: token },
  },
});
