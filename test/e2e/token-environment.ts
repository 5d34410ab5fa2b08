// What the signing specs run against: a SoftHSM2 token made from scratch, a trust folder with its test
// CA, the embedded real portal on its own port and the web host pointed at both, all in one temp folder;
// plus the steps every such spec starts with (demo sign-in, the token's library in Settings).
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startEmbeddedPortal, type EmbeddedPortal } from '../../scripts/embedded-portal.mjs';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { startWebHostProcess, stopWebHostProcess } from './web-host-process';

export interface TokenEnvironment {
  hsm: TestToken;
  portalUrl: string;
  /** The app's URL with the web host's token, at a hash route ('' for the start). */
  appUrl(hash?: string): string;
  stop(): Promise<void>;
}

export interface TokenEnvironmentOptions {
  /** Name for the temp folder and the web token. */
  name: string;
  /** Offset from LABORDESK_E2E_PORT of the web host; the portal takes the next port. */
  portOffset: number;
  /** MST on the token's certificates (default: the fixture's). */
  mst?: string;
  /** The portal also trusts the test CA (it then verifies token sign-in and requires signed filings). */
  portalTrustsToken?: boolean;
}

export async function startTokenEnvironment(options: TokenEnvironmentOptions): Promise<TokenEnvironment> {
  const base = Number(process.env.LABORDESK_E2E_PORT ?? 5174);
  const hostPort = base + options.portOffset;
  const portalPort = hostPort + 1;
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const webToken = `e2e-${options.name}-token-0123456789abcdef`;
  const workDir = mkdtempSync(join(tmpdir(), `labordesk-e2e-${options.name}-`));
  let portal: EmbeddedPortal | null = null;
  let host: ChildProcess | null = null;
  const stop = async () => {
    await stopWebHostProcess(host);
    await portal?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const trustDir = join(workDir, 'trust');
    mkdirSync(trustDir);
    const hsm = await createTestToken(join(workDir, 'token'), options.mst ? { mst: options.mst } : {});
    copyFileSync(hsm.caCertPem, join(trustDir, 'labordesk-test-ca.pem'));
    portal = await startEmbeddedPortal({
      dataDir: join(workDir, 'portal'),
      registrySize: 1000,
      port: portalPort,
      ...(options.portalTrustsToken ? { env: { PORTAL_TRUST_DIR: trustDir } } : {}),
    });
    host = await startWebHostProcess(['--demo', '--port', String(hostPort), '--portal-url', portalUrl], webToken, {
      ...process.env,
      ...hsm.env,
      LABORDESK_TRUST_DIR: trustDir,
    });
    return { hsm, portalUrl, appUrl: (hash = '') => `http://127.0.0.1:${hostPort}/?token=${webToken}${hash}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs in with the demo enterprise administrator and sets the token's PKCS#11 library in Settings. */
export async function signInAndChooseToken(page: Page, env: TokenEnvironment): Promise<void> {
  await page.goto(env.appUrl());
  await expect(page.getByLabel('Địa chỉ cổng trung tâm')).toHaveValue(env.portalUrl);
  await page.getByLabel('Tên đăng nhập').fill('dn.admin');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('LaborDesk@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' })).toBeVisible({ timeout: 15_000 });
  await page.goto(env.appUrl('#/settings'));
  await page.getByLabel('Thư viện PKCS#11 của USB token').fill(env.hsm.module);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText(/Đã lưu cài đặt lúc/)).toBeVisible();
}
