// First run in real Chromium: a web host without a fixed key asks for a passphrase, shows the recovery
// key once (with a print view holding only the key), then hands over to the sign-in; a restart asks to unlock.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHostProcess, stopWebHostProcess } from './web-host-process';

// Next to the main suite's host, which keeps its own fixed-key store.
const port = Number(process.env.LABORDESK_E2E_PORT ?? 5174) + 1;
const token = 'e2e-vault-token-0123456789abcdef';
const appUrl = `http://127.0.0.1:${port}/?token=${token}`;
const passphrase = 'một câu mật khẩu đủ dài';

let dataDir = '';
let host: ChildProcess | null = null;

/** `--data-dir` without LABORDESK_STORE_KEY: the vault mode of a machine without an OS keychain. */
async function startHost(): Promise<void> {
  const { LABORDESK_STORE_KEY: _ignored, ...env } = process.env;
  host = await startWebHostProcess(['--data-dir', dataDir, '--port', String(port)], token, env);
}

async function stopHost(): Promise<void> {
  const child = host;
  host = null;
  await stopWebHostProcess(child);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'labordesk-e2e-vault-'));
  await startHost();
});

test.afterAll(async () => {
  await stopHost();
  rmSync(dataDir, { recursive: true, force: true });
});

test('first run: passphrase, recovery key shown once and printable, then the sign-in', async ({ page }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Khởi tạo kho dữ liệu' })).toBeVisible();

  await page.getByLabel('Mật khẩu', { exact: true }).fill('quá ngắn');
  await page.getByLabel('Nhập lại mật khẩu').fill('quá ngắn');
  await page.getByRole('button', { name: 'Tạo kho dữ liệu' }).click();
  await expect(page.getByText('Mật khẩu cần ít nhất 12 ký tự; hãy nhập dài hơn.')).toBeVisible();

  await page.getByLabel('Mật khẩu', { exact: true }).fill(passphrase);
  await page.getByLabel('Nhập lại mật khẩu').fill(passphrase);
  await page.getByRole('button', { name: 'Tạo kho dữ liệu' }).click();

  const recoveryKey = page.getByTestId('recovery-key');
  await expect(recoveryKey).toHaveText(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/);
  await page.screenshot({ path: 'test-results/recovery-key-screen.png' });

  // The print view keeps the key and its instructions, and drops the buttons and the checkbox.
  await page.emulateMedia({ media: 'print' });
  await expect(recoveryKey).toBeVisible();
  await expect(page.getByText('LaborDesk — Khoá khôi phục kho dữ liệu')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tiếp tục' })).toBeHidden();
  await page.screenshot({ path: 'test-results/recovery-key-print.png' });
  await page.emulateMedia({ media: 'screen' });

  const continueButton = page.getByRole('button', { name: 'Tiếp tục' });
  await expect(continueButton).toBeDisabled();
  await page.getByLabel('Tôi đã lưu khoá khôi phục').check();
  await continueButton.click();
  // The store is open; this host has no portal and nobody has signed in, so the session asks.
  await expect(page.getByRole('heading', { name: 'Đăng nhập cổng trung tâm' })).toBeVisible();
  await expect(recoveryKey).toHaveCount(0);
});

test('after a restart the store is locked and opens with the passphrase', async ({ page }) => {
  await stopHost();
  await startHost();
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Mở khoá kho dữ liệu' })).toBeVisible();
  // The method switch (passphrase / recovery key) carries the same label as the field.
  const passphraseField = page.getByRole('textbox', { name: 'Mật khẩu' });

  await passphraseField.fill('không phải mật khẩu này');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByText('Mật khẩu hoặc khoá khôi phục không đúng.')).toBeVisible();

  await passphraseField.fill(passphrase);
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập cổng trung tâm' })).toBeVisible();
});
