// Offline-first, end to end in Chromium: sign in with a temporary password, change it, lose the portal,
// create a record (pending 1, offline badge), bring the portal back, and watch it sync and go online.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startEmbeddedPortal, type EmbeddedPortal } from '../../scripts/embedded-portal.mjs';
import { startWebHostProcess, stopWebHostProcess } from './web-host-process';

const base = Number(process.env.LABORDESK_E2E_PORT ?? 5174);
const hostPort = base + 3;
const portalPort = base + 4;
const portalUrl = `http://127.0.0.1:${portalPort}`;
const token = 'e2e-offline-token-0123456789abcdef';
const appUrl = `http://127.0.0.1:${hostPort}/?token=${token}`;
const adminPassword = 'Quản-trị-E2E-2026';
const newPassword = 'Mật-khẩu-Văn-phòng-2026';

let portalDir = '';
let portal: EmbeddedPortal | null = null;
let host: ChildProcess | null = null;
let temporaryPassword = '';
const username = `e2e.offline.${Date.now().toString(36)}`;

const startPortal = async () => {
  portal = await startEmbeddedPortal({ dataDir: portalDir, registrySize: 1000, port: portalPort, env: { PORTAL_ADMIN_PASSWORD: adminPassword } });
};

async function api(path: string, options: { token?: string; body?: unknown; method?: string } = {}) {
  const response = await fetch(`${portalUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const body = (await response.json()) as any;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** The portal's administrator issues a new enterprise account with a one-time temporary password. */
async function issueAccount(): Promise<string> {
  let session = await api('/api/v1/auth/login', { body: { username: 'admin', password: adminPassword } });
  if (session.mustChangePassword) {
    session = await api('/api/v1/auth/change-password', { token: session.token, body: { currentPassword: adminPassword, newPassword: `${adminPassword}!` } });
  }
  const pulled = await api('/api/v1/sync/pull?cursor=0&limit=100', { token: session.token });
  const enterprise = pulled.changes.find((c: any) => c.entity === 'enterprise');
  const created = await api('/api/v1/admin/accounts', {
    token: session.token,
    body: { username, displayName: 'Vũ Thị Thu (văn phòng Hà Nội)', role: 'enterpriseAdmin', enterpriseId: enterprise.id },
  });
  return created.temporaryPassword as string;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  portalDir = mkdtempSync(join(tmpdir(), 'labordesk-e2e-portal-'));
  await startPortal();
  temporaryPassword = await issueAccount();
  host = await startWebHostProcess(['--demo', '--port', String(hostPort), '--portal-url', portalUrl], token);
});

test.afterAll(async () => {
  await stopWebHostProcess(host);
  await portal?.stop();
  rmSync(portalDir, { recursive: true, force: true });
});

test('signs in, changes the first-login password, works offline and syncs when the portal is back', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(appUrl);

  // Sign in with the temporary password the administrator issued.
  await expect(page.getByLabel('Địa chỉ cổng trung tâm')).toHaveValue(portalUrl);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(temporaryPassword);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

  // The first sign-in must change the password before anything else.
  await expect(page.getByRole('heading', { name: 'Đổi mật khẩu' })).toBeVisible();
  await page.getByLabel('Mật khẩu hiện tại (mật khẩu tạm thời)').fill(temporaryPassword);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

  const badge = page.getByTestId('sync-badge');
  await expect(badge).toHaveAttribute('data-connection', 'online', { timeout: 30_000 });
  await expect(badge).toHaveAttribute('data-pending', '0');
  await page.screenshot({ path: 'test-results/offline-1-online.png' });

  // The portal goes away; work goes on.
  await portal!.stop();
  portal = null;
  await page.goto(`${appUrl}#/enterprises`);
  await page.getByRole('button', { name: 'Thêm chủ sử dụng' }).click();
  await page.getByLabel('Tên chủ sử dụng').fill('Công ty TNHH Hokkaido Shokuhin');
  const country = page.getByRole('combobox', { name: 'Quốc gia' });
  await country.click();
  await country.fill('Nhật');
  await page.getByRole('option', { name: /Nhật Bản/ }).click();
  await page.getByLabel('Số đăng ký kinh doanh').fill('HK-2026-0042');
  await page.getByLabel('Địa chỉ ở nước ngoài').fill('2-1 Kita, Sapporo, Hokkaido');
  await page.getByLabel('Lĩnh vực hoạt động').fill('Chế biến thực phẩm');
  await page.getByRole('button', { name: 'Lưu' }).click();

  const row = page.getByTestId('employer-row').filter({ hasText: 'Hokkaido Shokuhin' });
  await expect(row).toHaveAttribute('data-pending', 'true');
  await expect(badge).toHaveAttribute('data-pending', '1');
  await expect(badge).toHaveAttribute('data-connection', 'offline', { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/offline-2-pending.png' });

  // The portal comes back at the same address: the scheduler's next retry sends the change.
  await startPortal();
  await expect(badge).toHaveAttribute('data-connection', 'online', { timeout: 90_000 });
  await expect(badge).toHaveAttribute('data-pending', '0');
  await expect(row).toHaveAttribute('data-pending', 'false');
  await page.screenshot({ path: 'test-results/offline-3-synced.png' });

  // And the portal really has it.
  const session = await api('/api/v1/auth/login', { body: { username, password: newPassword } });
  const pulled = await api('/api/v1/sync/pull?cursor=0&limit=1000', { token: session.token });
  expect(pulled.changes.some((c: any) => c.entity === 'employer' && c.data.name === 'Công ty TNHH Hokkaido Shokuhin')).toBe(true);
});
