// End to end through the web host: language, settings round trip, inline errors, persistence on reload.
import { expect, test, type Page } from '@playwright/test';

const token = process.env.LABORDESK_E2E_TOKEN ?? 'e2e-token-0123456789abcdef';
const appUrl = (hash = '') => `/?token=${token}${hash}`;
const portalUrl = 'https://portal.example.gov.vn';

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
  for (const label of ['Doanh nghiệp', 'Hợp đồng', 'Người lao động', 'Hồ sơ ký số', 'Duyệt hồ sơ', 'Báo cáo', 'Cài đặt', 'Giới thiệu']) {
    await expect(navigation(page).getByRole('link', { name: label })).toBeVisible();
  }
  // An area still to come says so calmly.
  await expect(page.getByText('Quản lý hồ sơ doanh nghiệp, chi nhánh, chủ sử dụng và môi giới sẽ có ở đây.')).toBeVisible();
  await page.screenshot({ path: 'test-results/start-screen-vi.png' });
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
  // The e2e web host is started without --portal-url.
  await expect(page.getByRole('row', { name: 'Central portal not configured' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Settings changed' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/about-screen.png', fullPage: true });

  // Back to Vietnamese, through the header switch, so the language choice is exercised both ways.
  await chooseLanguage(page, 'Tiếng Việt');
  await expect(page.getByRole('heading', { name: 'Giới thiệu' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Cổng trung tâm chưa cấu hình' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Thay đổi cài đặt' }).first()).toBeVisible();
});
