// Token sign-in end to end in Chromium: a SoftHSM2 token whose certificates carry the demo enterprise's
// MST, the demo portal trusting the token's test CA, and the web host in a fresh data folder. On the
// sign-in screen: the digital-signature tab, the token library, the certificates (an expired one not
// selectable), a wrong PIN refused in the PIN dialog, then the right PIN signs in as dn.admin.
import { expect, test } from '@playwright/test';
import { startTokenEnvironment, type TokenEnvironment } from './token-environment';

/** The demo enterprise's tax code (portal/src/demo/demo-data.ts); its administrator is dn.admin. */
const demoTaxCode = '0312345673';

let env: TokenEnvironment;
let hsm: TokenEnvironment['hsm'];
let appUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The portal checks token sign-in signatures against the test CA.
  env = await startTokenEnvironment({ name: 'token-sign-in', portOffset: 7, mst: demoTaxCode, portalTrustsToken: true });
  hsm = env.hsm;
  appUrl = env.appUrl();
});

test.afterAll(async () => {
  await env?.stop();
});

test('signs in with the SoftHSM2 certificate and its PIN, after a wrong PIN is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Đăng nhập cổng trung tâm' })).toBeVisible();

  // The second way in, by keyboard: the tabs move with the arrow keys.
  await page.getByRole('tab', { name: 'Đăng nhập bằng mật khẩu' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Đăng nhập bằng chữ ký số' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('token-sign-in');
  await expect(panel.getByLabel('Địa chỉ cổng trung tâm')).toHaveValue(env.portalUrl);

  // This machine's catalogue proposes another library first: choose SoftHSM2's.
  await panel.getByLabel('Thư viện PKCS#11').click();
  await page.getByRole('option', { name: new RegExp(hsm.module.replaceAll('/', '\\/').replaceAll('.', '\\.')) }).click();
  await expect(panel.getByLabel('Thư viện PKCS#11')).toHaveValue(new RegExp('SoftHSM2'));

  // The certificates with holder, MST and expiry; an expired one cannot be chosen.
  const valid = panel.locator(`[data-testid="token-certificate"][data-id="${hsm.certs.valid.id}"]`);
  await expect(valid).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByText('Công ty TNHH Thử Nghiệm').first()).toBeVisible();
  await expect(panel.getByText(`MST ${demoTaxCode}`).first()).toBeVisible();
  await expect(panel.getByText(/^Hiệu lực đến \d{2}\/\d{2}\/\d{4}$/).first()).toBeVisible();
  const expired = panel.locator(`[data-testid="token-certificate"][data-id="${hsm.certs.expired.id}"]`);
  await expect(expired).toBeDisabled();
  await expect(panel.getByText(/^Đã hết hạn ngày/)).toBeVisible();
  // The first usable certificate is proposed; Space chooses another, Enter goes on to the PIN.
  await expect(panel.locator('[data-testid="token-certificate"]:checked')).toHaveCount(1);
  await valid.focus();
  await page.keyboard.press('Space');
  await expect(valid).toBeChecked();
  await page.screenshot({ path: 'test-results/token-sign-in-1-certificates.png', fullPage: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toBeVisible();
  const pin = dialog.getByLabel('Mã PIN của USB token');
  await expect(pin).toBeFocused();
  await expect(pin).toHaveAttribute('type', 'password');
  await expect(pin).toHaveAttribute('autocomplete', 'off');

  // A wrong PIN: refused in the dialog, the field emptied, the token's warning shown.
  await page.keyboard.type('000000');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('pin-error')).toHaveAttribute('data-code', 'TOKEN_PIN_INCORRECT', { timeout: 15_000 });
  await expect(dialog.getByTestId('pin-error')).toContainText('Mã PIN không đúng');
  await expect(pin).toHaveValue('');
  await expect(dialog.getByTestId('pin-warning')).toContainText('nhập sai PIN');
  await page.screenshot({ path: 'test-results/token-sign-in-2-wrong-pin.png' });

  // The right PIN: signed in as the demo enterprise's administrator.
  await pin.fill(hsm.userPin);
  await pin.press('Enter');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sync-badge')).toBeVisible();
  const accountMenu = page.getByTestId('account-menu');
  await expect(accountMenu).toHaveAttribute('aria-label', /Nguyễn Văn An/);
  await accountMenu.click();
  await expect(page.getByText(/^dn\.admin tại /)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/token-sign-in-3-signed-in.png' });

  expect(consoleErrors, 'no CSP violations or runtime errors').toEqual([]);
});
