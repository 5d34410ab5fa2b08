// Batch signing end to end in Chromium: three files chosen on Chữ ký số, one PIN entry, the progress
// dialog reaching 3/3, one .p7s downloaded, then the Kiểm tra chữ ký page (from the navigation) checking
// that .p7s against its file: valid, with the signer's MST and the signing time.
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startEmbeddedPortal, type EmbeddedPortal } from '../../scripts/embedded-portal.mjs';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { startWebHostProcess, stopWebHostProcess } from './web-host-process';

const base = Number(process.env.LABORDESK_E2E_PORT ?? 5174);
const hostPort = base + 9;
const portalPort = base + 10;
const portalUrl = `http://127.0.0.1:${portalPort}`;
const webToken = 'e2e-batch-signing-token-0123456789';
const appUrl = (hash = '') => `http://127.0.0.1:${hostPort}/?token=${webToken}${hash}`;

let workDir = '';
let portal: EmbeddedPortal | null = null;
let host: ChildProcess | null = null;
let hsm: TestToken;

const files = [
  { name: 'hop-dong-01.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Hợp đồng cung ứng lao động số 01') },
  { name: 'danh-sach-lao-dong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('Danh sách người lao động đi làm việc ở nước ngoài') },
  { name: 'bao-cao-6-thang.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('Báo cáo sáu tháng đầu năm') },
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  workDir = mkdtempSync(join(tmpdir(), 'labordesk-e2e-batch-'));
  const trustDir = join(workDir, 'trust');
  mkdirSync(trustDir);
  hsm = await createTestToken(join(workDir, 'token'));
  copyFileSync(hsm.caCertPem, join(trustDir, 'labordesk-test-ca.pem'));
  portal = await startEmbeddedPortal({ dataDir: join(workDir, 'portal'), registrySize: 1000, port: portalPort });
  host = await startWebHostProcess(['--demo', '--port', String(hostPort), '--portal-url', portalUrl], webToken, {
    ...process.env,
    ...hsm.env,
    LABORDESK_TRUST_DIR: trustDir,
  });
});

test.afterAll(async () => {
  await stopWebHostProcess(host);
  await portal?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('signs three files with one PIN, downloads a .p7s and verifies it on the verifier page', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(appUrl());

  // Signed in with the demo account, the test token's library set in Settings.
  await expect(page.getByLabel('Địa chỉ cổng trung tâm')).toHaveValue(portalUrl);
  await page.getByLabel('Tên đăng nhập').fill('dn.admin');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('LaborDesk@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' })).toBeVisible({ timeout: 15_000 });
  await page.goto(appUrl('#/settings'));
  await page.getByLabel('Thư viện PKCS#11 của USB token').fill(hsm.module);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText(/Đã lưu cài đặt lúc/)).toBeVisible();

  // Ký hàng loạt: three files and the valid certificate.
  await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ ký số' }).click();
  const batch = page.getByTestId('batch-signing');
  await expect(batch).toBeVisible({ timeout: 15_000 });
  await batch.locator('input[type="file"]').setInputFiles(files);
  await expect(batch.getByText(/Đã chọn 3 tệp/)).toBeVisible();
  await batch.getByLabel('Chứng thư số dùng để ký').click();
  await page.getByRole('option', { name: /LaborDesk Test valid/ }).click();
  await page.screenshot({ path: 'test-results/batch-signing-1-chosen.png', fullPage: true });
  await batch.getByRole('button', { name: 'Ký các tệp đã chọn' }).click();

  // One PIN entry, masked.
  const dialog = page.getByTestId('batch-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Số tệp cần ký: 3');
  const pin = dialog.getByLabel('Mã PIN của USB token');
  await expect(pin).toHaveAttribute('type', 'password');
  await pin.fill(hsm.userPin);
  await pin.press('Enter');

  // The progress reaches 3/3 and stays there; every file is listed with its .p7s.
  const progress = dialog.getByTestId('batch-progress');
  await expect(progress).toHaveAttribute('data-done', '3', { timeout: 20_000 });
  await expect(progress).toHaveAttribute('data-total', '3');
  await expect(progress).toContainText('Đã ký 3/3 tệp');
  await expect(dialog.getByTestId('batch-summary')).toHaveText('Đã ký xong cả 3 tệp.');
  await expect(dialog.getByTestId('batch-signed-file')).toHaveCount(3);
  await expect(dialog.getByTestId('batch-unsigned')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/batch-signing-2-done.png' });

  // Download the first file's signature.
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('link', { name: 'Tải hop-dong-01.pdf.p7s' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hop-dong-01.pdf.p7s');
  const p7sPath = join(workDir, 'hop-dong-01.pdf.p7s');
  await download.saveAs(p7sPath);
  const p7s = readFileSync(p7sPath);
  expect(p7s[0], 'a DER SEQUENCE').toBe(0x30);

  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toBeHidden();

  // The verifier, a page of its own in the navigation: the file and its .p7s.
  await page.getByRole('navigation').getByRole('link', { name: 'Kiểm tra chữ ký' }).click();
  await expect(page.getByRole('heading', { name: 'Kiểm tra chữ ký', exact: true })).toBeVisible();
  const verifier = page.getByTestId('signature-verifier');
  const inputs = verifier.locator('input[type="file"]');
  await inputs.nth(0).setInputFiles({ name: 'hop-dong-01.pdf.p7s', mimeType: 'application/pkcs7-signature', buffer: p7s });
  await inputs.nth(1).setInputFiles(files[0]!);
  await verifier.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
  const verdict = verifier.getByTestId('signing-verdict');
  await expect(verdict).toHaveAttribute('data-valid', 'true', { timeout: 15_000 });
  await expect(verdict).toContainText('hợp lệ');
  await expect(verdict).toContainText('MST:0101234567');
  await expect(verdict).toContainText('Công ty TNHH Thử Nghiệm');
  await expect(verdict).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await page.screenshot({ path: 'test-results/batch-signing-3-verified.png', fullPage: true });

  // The same .p7s against another file is refused.
  await inputs.nth(1).setInputFiles(files[1]!);
  await verifier.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
  await expect(verdict).toHaveAttribute('data-valid', 'false', { timeout: 15_000 });

  expect(consoleErrors, 'no CSP violations or runtime errors').toEqual([]);
});
