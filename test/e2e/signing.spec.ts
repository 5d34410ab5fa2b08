// Chữ ký số, end to end in Chromium: a SoftHSM2 token with the test CA's certificates, the web host
// pointed at it through Settings, the token and its certificates on the page, a wrong PIN refused inline,
// then a test signature verified valid against the trust list; the verifier refuses a broken .p7s.
import { expect, test } from '@playwright/test';
import { signInAndChooseToken, startTokenEnvironment, type TokenEnvironment } from './token-environment';

let env: TokenEnvironment;
let hsm: TokenEnvironment['hsm'];
const appUrl = (hash = '') => env.appUrl(hash);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  env = await startTokenEnvironment({ name: 'signing', portOffset: 5 });
  hsm = env.hsm;
});

test.afterAll(async () => {
  await env?.stop();
});

test('shows the token and its certificates, refuses a wrong PIN and verifies a test signature', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // Past the sign-in gate with the demo account; the test token's library in Settings.
  await signInAndChooseToken(page, env);

  // The signing page, from the navigation.
  await page.getByRole('navigation').getByRole('link', { name: 'Hồ sơ ký số' }).click();
  await expect(page.getByRole('heading', { name: 'Chữ ký số', exact: true })).toBeVisible();
  await expect(page.getByTestId('token-module-in-use')).toHaveText(hsm.module);
  const tokenRow = page.getByTestId('token-row').filter({ hasText: hsm.tokenLabel });
  await expect(tokenRow).toBeVisible({ timeout: 15_000 });
  await expect(tokenRow).toContainText('SoftHSM');

  const validRow = page.locator(`[data-testid="certificate-row"][data-id="${hsm.certs.valid.id}"]`);
  await expect(validRow).toContainText('MST:0101234567');
  await expect(validRow).toContainText('Công ty TNHH Thử Nghiệm');
  const expiredRow = page.locator(`[data-testid="certificate-row"][data-id="${hsm.certs.expired.id}"]`);
  await expect(expiredRow.getByText('Đã hết hạn')).toBeVisible();
  await page.screenshot({ path: 'test-results/signing-1-page.png', fullPage: true });

  // Ký thử with a wrong PIN: refused inline, in Vietnamese, and the field is empty again.
  await validRow.getByRole('button', { name: /Ký thử/ }).click();
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toBeVisible();
  const pin = dialog.getByLabel('Mã PIN của USB token');
  await expect(pin).toHaveAttribute('type', 'password');
  await expect(pin).toHaveAttribute('autocomplete', 'off');
  await pin.fill('000000');
  await dialog.getByRole('button', { name: 'Ký thử' }).click();
  await expect(dialog.getByTestId('pin-error')).toContainText('Mã PIN không đúng', { timeout: 15_000 });
  await expect(pin).toHaveValue('');
  // The token now reports a wrong PIN: the dialog warns before the next try.
  await expect(dialog.getByTestId('pin-warning')).toContainText('nhập sai PIN');
  await page.screenshot({ path: 'test-results/signing-2-wrong-pin.png' });

  // The right PIN: signed on the token, verified against the trust list.
  await pin.fill(hsm.userPin);
  await pin.press('Enter');
  const verdict = dialog.getByTestId('signing-verdict');
  await expect(verdict).toHaveAttribute('data-valid', 'true', { timeout: 20_000 });
  await expect(verdict).toContainText('Chữ ký hợp lệ');
  await expect(verdict).toContainText('Công ty TNHH Thử Nghiệm');
  await expect(verdict).toContainText('MST:0101234567');
  await expect(verdict).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(pin).toHaveValue('');
  await page.screenshot({ path: 'test-results/signing-3-verdict.png' });

  // Closing the dialog forgets everything it held.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await validRow.getByRole('button', { name: /Ký thử/ }).click();
  await expect(page.getByTestId('pin-dialog').getByLabel('Mã PIN của USB token')).toHaveValue('');
  await expect(page.getByTestId('pin-dialog').getByTestId('signing-verdict')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The verifier, on its own page since batch signing came: a .p7s that is not a signature of this content is refused.
  await page.getByRole('navigation').getByRole('link', { name: 'Kiểm tra chữ ký' }).click();
  const verifier = page.getByTestId('signature-verifier');
  const files = verifier.locator('input[type="file"]');
  await files.nth(0).setInputFiles({ name: 'hoso.p7s', mimeType: 'application/pkcs7-signature', buffer: Buffer.from('không phải chữ ký') });
  await files.nth(1).setInputFiles({ name: 'hoso.json', mimeType: 'application/json', buffer: Buffer.from('{"test":"LaborDesk"}') });
  await verifier.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
  await expect(verifier.getByTestId('signing-verdict')).toHaveAttribute('data-valid', 'false', { timeout: 15_000 });
  await verifier.screenshot({ path: 'test-results/signing-4-verifier.png' });

  expect(consoleErrors, 'no CSP violations or runtime errors').toEqual([]);
});
