// Batch signing end to end in Chromium: three files chosen on Chữ ký số, one PIN entry, the progress
// dialog reaching 3/3, one .p7s downloaded, then the Kiểm tra chữ ký page (from the navigation) checking
// that .p7s against its file: valid, with the signer's MST and the signing time.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInAndChooseToken, startTokenEnvironment, type TokenEnvironment } from './token-environment';

let env: TokenEnvironment;
let hsm: TokenEnvironment['hsm'];
const appUrl = (hash = '') => env.appUrl(hash);

const files = [
  { name: 'hop-dong-01.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Hợp đồng cung ứng lao động số 01') },
  { name: 'danh-sach-lao-dong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('Danh sách người lao động đi làm việc ở nước ngoài') },
  { name: 'bao-cao-6-thang.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('Báo cáo sáu tháng đầu năm') },
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  env = await startTokenEnvironment({ name: 'batch-signing', portOffset: 9 });
  hsm = env.hsm;
});

test.afterAll(async () => {
  await env?.stop();
});

test('signs three files with one PIN, downloads a .p7s and verifies it on the verifier page', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // Signed in with the demo account, the test token's library set in Settings.
  await signInAndChooseToken(page, env);

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
  const p7sPath = test.info().outputPath('hop-dong-01.pdf.p7s');
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
