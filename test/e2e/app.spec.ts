// End to end through the web host: language, settings round trip, inline errors, persistence on reload.
// The host is started with the embedded demo portal (scripts/e2e-web-host.mjs); the first test signs in,
// and the cached session carries the later ones straight into the app.
import { expect, test, type Page } from '@playwright/test';

const token = process.env.LABORDESK_E2E_TOKEN ?? 'e2e-token-0123456789abcdef';
const appUrl = (hash = '') => `/?token=${token}${hash}`;
const portalUrl = 'https://portal.example.gov.vn';
const e2ePort = Number(process.env.LABORDESK_E2E_PORT ?? 5174);
const centralPortalUrl = `http://127.0.0.1:${Number(process.env.LABORDESK_E2E_PORTAL_PORT ?? e2ePort + 2)}`;

// The store is shared by all tests of the run; they go in order, each starting where the last ended.
test.describe.configure({ mode: 'serial' });

function navigation(page: Page) {
  return page.getByRole('navigation');
}

/** The header's language switch; Mantine hides the radio inputs behind their labels, so click those. */
function chooseLanguage(page: Page, name: 'Tiếng Việt' | 'English') {
  return page.getByRole('banner').getByText(name, { exact: true }).click();
}

test('opens in Vietnamese with every area in the navigation', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(appUrl());
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  // After the store opens, the session decides: nobody has signed in yet.
  await expect(page.getByRole('heading', { name: 'Đăng nhập cổng trung tâm' })).toBeVisible();
  await expect(page.getByLabel('Địa chỉ cổng trung tâm')).toHaveValue(centralPortalUrl);
  await page.screenshot({ path: 'test-results/sign-in-screen.png' });
  await page.getByLabel('Tên đăng nhập').fill('dn.admin');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('LaborDesk@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  for (const label of ['Doanh nghiệp', 'Hợp đồng', 'Người lao động', 'Hồ sơ ký số', 'Duyệt hồ sơ', 'Báo cáo', 'Cài đặt', 'Giới thiệu']) {
    await expect(navigation(page).getByRole('link', { name: label })).toBeVisible();
  }
  // The enterprise area: its profile, branches, foreign employers and brokers, opening on the employers.
  for (const tab of ['Hồ sơ doanh nghiệp', 'Chi nhánh', 'Chủ sử dụng', 'Môi giới']) await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Chủ sử dụng' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-pending', '0');
  await page.screenshot({ path: 'test-results/start-screen-vi.png' });
  await page.getByTestId('sync-badge').screenshot({ path: 'test-results/sync-badge.png' });

  // The badge opens the sync panel.
  await page.getByTestId('sync-badge').click();
  await expect(page.getByRole('heading', { name: 'Đồng bộ', exact: true })).toBeVisible();
  await expect(page.getByTestId('attempt-row').first()).toBeVisible();
  await page.mouse.move(0, 700); // No tooltip over the panel in the picture.
  await page.screenshot({ path: 'test-results/sync-panel.png', fullPage: true });
  expect(consoleErrors, 'no CSP violations or runtime errors').toEqual([]);
});

test('an invalid portal address shows an inline error and saves nothing', async ({ page }) => {
  await page.goto(appUrl('#/settings'));
  const portal = page.getByLabel('Địa chỉ cổng thông tin');
  await portal.fill('portal.example.gov.vn');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Hãy nhập địa chỉ bắt đầu bằng https://')).toBeVisible();
  await expect(portal).toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expect(page.getByLabel('Địa chỉ cổng thông tin')).toHaveValue('');
});

test('switches to English, saves the portal address, and both persist across a reload', async ({ page }, testInfo) => {
  await page.goto(appUrl('#/settings'));
  await expect(navigation(page).getByRole('link', { name: 'Cài đặt' })).toBeVisible();

  await chooseLanguage(page, 'English');
  await expect(navigation(page).getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(navigation(page).getByRole('link', { name: 'Enterprises' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Portal address').fill(portalUrl);
  // Ctrl+Enter submits the form, as every form in the app does.
  await page.getByLabel('Portal address').press('Control+Enter');
  await expect(page.getByText(/^Settings saved at \d{2}:\d{2}\.$/)).toBeVisible();

  await page.reload();
  await expect(navigation(page).getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Portal address')).toHaveValue(portalUrl);
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

  await page.screenshot({ path: 'test-results/main-screen.png', fullPage: true });
  await testInfo.attach('main-screen', { path: 'test-results/main-screen.png', contentType: 'image/png' });
});

test('About shows the encrypted store and an intact audit chain with the settings change', async ({ page }) => {
  await page.goto(appUrl('#/about'));
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await expect(page.getByText('Encrypted', { exact: true })).toBeVisible();
  await expect(page.getByText('Intact', { exact: true })).toBeVisible();
  // The e2e web host is started with --portal-url (the embedded demo portal).
  await expect(page.getByRole('row', { name: `Central portal ${centralPortalUrl}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Settings changed' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/about-screen.png', fullPage: true });

  // Back to Vietnamese, through the header switch, so the language choice is exercised both ways.
  await chooseLanguage(page, 'Tiếng Việt');
  await expect(page.getByRole('heading', { name: 'Giới thiệu' })).toBeVisible();
  await expect(page.getByRole('row', { name: `Cổng trung tâm ${centralPortalUrl}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Thay đổi cài đặt' }).first()).toBeVisible();
});
