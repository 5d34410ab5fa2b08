// Overseas contract workers end to end in Chromium (issue 6 acceptance), through the web host against the
// embedded real portal (PORTAL_TRUST_DIR = the test CA) and a SoftHSM2 token whose company certificates
// carry the demo enterprise's tax code: an employer created and synced; a supply contract registration
// with three workers (two typed, one imported from an .xlsx whose bad row is reported and skipped) and
// the four required PDFs, signed with the PIN, submitted, synced: receipt and "Đã tiếp nhận"; then on
// Người lao động a departure and an early return recorded, each signed and submitted, and the contract
// liquidation filed. Screenshots: test-results/overseas-*.png.
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { WorkerEntry } from '../../src-common/domain/overseas/worker-entry';
import { startEmbeddedPortal, type EmbeddedPortal } from '../../scripts/embedded-portal.mjs';
import { validWorker } from '../fixtures/overseas-filings';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { startWebHostProcess, stopWebHostProcess } from './web-host-process';

const base = Number(process.env.LABORDESK_E2E_PORT ?? 5174);
const hostPort = base + 11;
const portalPort = base + 12;
const portalUrl = `http://127.0.0.1:${portalPort}`;
const webToken = 'e2e-overseas-contract-token-0123456789';
const appUrl = (hash = '') => `http://127.0.0.1:${hostPort}/?token=${webToken}${hash}`;
/** The demo enterprise (dn.admin) whose certificates sign here. */
const enterpriseTaxCode = '0312345673';

let workDir = '';
let portal: EmbeddedPortal | null = null;
let host: ChildProcess | null = null;
let hsm: TestToken;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  workDir = mkdtempSync(join(tmpdir(), 'labordesk-e2e-overseas-'));
  const trustDir = join(workDir, 'trust');
  mkdirSync(trustDir);
  hsm = await createTestToken(join(workDir, 'token'), { mst: enterpriseTaxCode });
  copyFileSync(hsm.caCertPem, join(trustDir, 'labordesk-test-ca.pem'));
  portal = await startEmbeddedPortal({ dataDir: join(workDir, 'portal'), registrySize: 1000, port: portalPort, env: { PORTAL_TRUST_DIR: trustDir } });
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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by its whole label (required ones end with Mantine's asterisk). */
const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${escape(label)}(\\s*\\*)?$`));
async function choose(scope: Locator | Page, page: Page, label: string, option: string | RegExp, typed?: string) {
  const input = field(scope, label);
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}
const isoToInput = (iso: string) => iso.split('-').reverse().join('/');

async function addWorkerByHand(page: Page, form: Locator, w: WorkerEntry) {
  await form.getByRole('button', { name: 'Thêm người lao động' }).click();
  const modal = page.getByRole('dialog', { name: 'Thêm người lao động' });
  await field(modal, 'Số CCCD').fill(w.citizenId);
  await field(modal, 'Họ và tên').fill(w.fullName);
  await field(modal, 'Ngày sinh').fill(isoToInput(w.birthDate));
  await choose(modal, page, 'Giới tính', w.gender === 'male' ? 'Nam' : 'Nữ');
  await field(modal, 'Điện thoại di động').fill(w.phone);
  await choose(modal, page, 'Tỉnh, thành phố cư trú', /Hà Nội/, 'Hà Nội');
  await field(modal, 'Nơi cư trú (số nhà, đường, xã/phường)').fill(w.residence.line);
  await field(modal, 'Số hộ chiếu').fill(w.passport.number);
  await field(modal, 'Hộ chiếu có giá trị đến').fill(isoToInput(w.passport.expiresOn));
  await field(modal, 'Ngày xuất cảnh dự kiến').fill(isoToInput(w.plannedDeparture));
  await field(modal, 'Trình độ chuyên môn').fill(w.qualification);
  await field(modal, 'Nghề, công việc').fill(w.trade);
  await field(modal, 'Tiền lương').fill(String(w.wage.amount));
  await field(modal, 'Loại tiền lương').fill(w.wage.currency);
  await field(modal, 'Thời hạn hợp đồng (tháng)').fill(String(w.contractTermMonths));
  await field(modal, 'Bên tiếp nhận').fill(w.receivingParty);
  await field(modal, 'Địa chỉ nơi làm việc').fill(w.workAddress);
  await modal.getByRole('button', { name: 'Lưu dòng' }).click();
  await expect(modal).toBeHidden();
}

async function workerListXlsx(workers: WorkerEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Nơi thường trú', 'Mã tỉnh thường trú', 'Số điện thoại', 'Số hộ chiếu', 'Ngày hết hạn hộ chiếu',
    'Trình độ chuyên môn', 'Kỹ năng', 'Ngành nghề', 'Mức lương', 'Loại tiền', 'Thời hạn hợp đồng (tháng)', 'Bên tiếp nhận', 'Địa chỉ nơi làm việc', 'Ngày dự kiến xuất cảnh']);
  for (const w of workers) {
    sheet.addRow([w.fullName, w.citizenId, isoToInput(w.birthDate), w.gender === 'male' ? 'Nam' : 'Nữ', w.residence.line, w.residence.provinceCode, w.phone,
      w.passport.number, isoToInput(w.passport.expiresOn), w.qualification, w.skills.join('; '), w.trade, w.wage.amount, w.wage.currency, w.contractTermMonths,
      w.receivingParty, w.workAddress, isoToInput(w.plannedDeparture)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`) });

/** "Ký và nộp" in the open signing dialog: the valid certificate, the PIN, one filing submitted. */
async function signWithPin(page: Page) {
  const dialog = page.getByTestId('filings-sign-dialog');
  await expect(dialog).toBeVisible();
  await choose(dialog, page, 'Chứng thư số dùng để ký', /LaborDesk Test valid/);
  const pin = field(dialog, 'Mã PIN của USB token');
  await expect(pin).toHaveAttribute('type', 'password');
  await pin.fill(hsm.userPin);
  await dialog.getByRole('button', { name: 'Ký và nộp' }).click();
  const result = dialog.getByTestId('filings-sign-result');
  await expect(result).toHaveAttribute('data-submitted', '1', { timeout: 20_000 });
  await expect(result).toHaveAttribute('data-not-submitted', '0');
  return dialog;
}

async function syncNow(page: Page) {
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
}

test('files a supply contract with an imported worker list, follows a worker abroad and liquidates the contract', async ({ page }) => {
  test.setTimeout(150_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(appUrl());

  // Signed in as the demo enterprise's admin; the token's library set in Settings.
  await expect(page.getByLabel('Địa chỉ cổng trung tâm')).toHaveValue(portalUrl);
  await page.getByLabel('Tên đăng nhập').fill('dn.admin');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('LaborDesk@2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Cài đặt' })).toBeVisible({ timeout: 15_000 });
  await page.goto(appUrl('#/settings'));
  await page.getByLabel('Thư viện PKCS#11 của USB token').fill(hsm.module);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText(/Đã lưu cài đặt lúc/)).toBeVisible();

  // The foreign employer, synced so the portal knows it when the contract names it.
  await page.goto(appUrl('#/enterprises'));
  await page.getByRole('button', { name: 'Thêm chủ sử dụng' }).click();
  await page.getByLabel('Tên chủ sử dụng').fill('Tanaka Seiki Co., Ltd.');
  const country = page.getByRole('combobox', { name: 'Quốc gia' });
  await country.click();
  await country.fill('Nhật');
  await page.getByRole('option', { name: /Nhật Bản/ }).click();
  await page.getByLabel('Số đăng ký kinh doanh').fill('OS-2026-0107');
  await page.getByLabel('Địa chỉ ở nước ngoài').fill('1-2-3 Chiyoda, Tokyo');
  await page.getByLabel('Lĩnh vực hoạt động').fill('Cơ khí chính xác');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByTestId('employer-row').filter({ hasText: 'Tanaka Seiki' })).toBeVisible();
  await syncNow(page);

  // The contract registration, from Hợp đồng.
  await page.getByRole('navigation').getByRole('link', { name: 'Hợp đồng' }).click();
  await page.getByRole('button', { name: 'Đăng ký hợp đồng mới' }).click();
  const form = page.getByTestId('registration-form');
  await expect(form).toBeVisible();
  await choose(form, page, 'Chủ sử dụng lao động', /Tanaka Seiki/, 'Tanaka');
  await field(form, 'Số hợp đồng').fill('07/2026/HĐCU-TS');
  await field(form, 'Ngày ký hợp đồng').fill('15/03/2026');
  await field(form, 'Ngày bắt đầu').fill('01/07/2026');
  await field(form, 'Thời hạn hợp đồng').fill('36');
  await choose(form, page, 'Nước tiếp nhận', /Nhật Bản/, 'Nhật');
  await field(form, 'Địa điểm làm việc').fill('Nhà máy Tanaka Seiki, 1-2-3 Chiyoda, Tokyo');
  await field(form, 'Số lượng người lao động').fill('3');
  await field(form, 'Tuổi tối đa').fill('35');
  await field(form, 'Ngành, nghề, công việc').fill('Hàn kim loại');
  await field(form, 'Ngành, nghề, công việc').press('Enter');
  await field(form, 'Tiền lương hằng tháng').fill('180000');
  await field(form, 'Loại tiền').fill('JPY');
  await field(form, 'Tiền làm thêm giờ').fill('125% ngày thường, 135% ngày nghỉ.');
  await field(form, 'Các khoản khấu trừ theo pháp luật nước tiếp nhận').fill('Thuế thu nhập, bảo hiểm xã hội, bảo hiểm y tế Nhật Bản.');
  await field(form, 'Tiền dịch vụ mỗi người lao động').fill('360000');
  await field(form, 'Tiền môi giới mỗi người lao động hoàn trả').fill('0');
  await field(form, 'Tiền dịch vụ bên nước ngoài trả').fill('50000');
  await field(form, 'Loại tiền (bên nước ngoài trả)').fill('JPY');
  const clauses: [string, string][] = [
    ['Điều kiện, môi trường làm việc', 'Làm việc trong nhà xưởng có điều hoà, trang bị bảo hộ đầy đủ.'],
    ['Thời giờ làm việc, nghỉ ngơi', '8 giờ/ngày, 5 ngày/tuần.'],
    ['An toàn, vệ sinh lao động', 'Huấn luyện an toàn trước khi làm việc.'],
    ['Ăn, ở, đi lại', 'Ký túc xá 15.000 JPY/tháng.'],
    ['Khám bệnh, chữa bệnh', 'Khám sức khoẻ hằng năm do chủ sử dụng chi trả.'],
    ['Chế độ bảo hiểm', 'Bảo hiểm y tế, hưu trí và tai nạn lao động theo luật Nhật Bản.'],
    ['Chấm dứt hợp đồng trước hạn và bồi thường', 'Bên vi phạm bồi thường theo Điều 12 hợp đồng.'],
    ['Chi phí đi lại từ Việt Nam đến nơi làm việc và ngược lại', 'Chủ sử dụng trả vé máy bay lượt đi và về.'],
    ['Trách nhiệm khi gặp rủi ro', 'Chủ sử dụng bố trí nơi ở an toàn và hỗ trợ về nước.'],
    ['Giải quyết vấn đề phát sinh với người lao động ở nước ngoài', 'Cán bộ quản lý tại Tokyo xử lý trong 24 giờ.'],
    ['Giải quyết tranh chấp và luật áp dụng', 'Thương lượng; nếu không thành, trọng tài; luật Nhật Bản.'],
  ];
  for (const [label, text] of clauses) await field(form, label).fill(text);

  // The four required PDFs.
  const attachments = form.getByTestId('attachments');
  const kinds: [string, string][] = [
    ['Văn bản đăng ký hợp đồng', 'van-ban-dang-ky.pdf'],
    ['Bản sao hợp đồng', 'ban-sao-hop-dong.pdf'],
    ['Bản dịch tiếng Việt có chứng thực', 'ban-dich-chung-thuc.pdf'],
    ['Giấy tờ về tư cách pháp lý của chủ sử dụng', 'tu-cach-phap-ly.pdf'],
  ];
  for (const [kind, name] of kinds) {
    await choose(attachments, page, 'Loại tài liệu', kind);
    await attachments.locator('input[type="file"]').setInputFiles(pdf(name));
    await expect(attachments.getByTestId('attachment-row').filter({ hasText: name })).toBeVisible({ timeout: 10_000 });
  }

  // Two workers typed, then an .xlsx with one good row and one bad (passport expiring before the contract ends).
  const workerList = form.getByTestId('worker-list');
  await addWorkerByHand(page, form, validWorker(0));
  await addWorkerByHand(page, form, validWorker(1));
  await workerList.locator('input[type="file"]').setInputFiles({
    name: 'danh-sach-bo-sung.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workerListXlsx([validWorker(2), validWorker(3, { passport: { number: 'C7654321', expiresOn: '2027-01-01' } })]),
  });
  const imported = workerList.getByTestId('worker-import-result');
  await expect(imported).toHaveAttribute('data-added', '1', { timeout: 15_000 });
  await expect(imported).toHaveAttribute('data-rejected', '1');
  await expect(imported.getByTestId('worker-import-rejected-row')).toHaveAttribute('data-row', '3');
  await expect(imported.getByTestId('worker-import-rejected-row')).toContainText('Hộ chiếu có giá trị đến');
  await expect(imported.getByRole('link', { name: 'Tải danh sách dòng lỗi' })).toBeVisible();
  await expect(workerList.getByTestId('worker-row')).toHaveCount(3);
  await expect(workerList.locator('[data-testid="worker-row"][data-invalid="true"]')).toHaveCount(0);
  await imported.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/overseas-1-registration-import.png', fullPage: true });

  // Ký và nộp: checked, saved, signed with the PIN; then synced: received, with the portal's receipt.
  await form.getByRole('button', { name: 'Ký và nộp' }).click();
  const signDialog = await signWithPin(page);
  await signDialog.getByRole('button', { name: 'Đóng' }).click();
  const detail = page.getByTestId('filing-detail');
  await expect(detail).toHaveAttribute('data-state', 'submitted');
  await syncNow(page);
  await expect(detail).toHaveAttribute('data-state', 'received', { timeout: 20_000 });
  await expect(detail.getByTestId('filing-state').first()).toHaveText('Đã tiếp nhận');
  await expect(detail.getByTestId('receipt-reference')).not.toBeEmpty();
  await expect(detail.getByTestId('receipt-status')).toHaveAttribute('data-status', 'valid');
  await page.screenshot({ path: 'test-results/overseas-2-received.png', fullPage: true });

  // Người lao động: the three workers, not departed yet.
  await page.getByRole('navigation').getByRole('link', { name: 'Người lao động' }).click();
  const worker = validWorker(0);
  const row = page.locator(`[data-testid="worker-abroad-row"][data-citizen-id="${worker.citizenId}"]`);
  await expect(page.getByTestId('worker-abroad-row')).toHaveCount(3);
  await expect(row.getByTestId('worker-status')).toHaveText('Chưa xuất cảnh');

  // Departure, signed and submitted from the dialog.
  await row.getByRole('button', { name: `Ghi nhận sự kiện cho ${worker.fullName}` }).click();
  let eventDialog = page.getByRole('dialog', { name: `Ghi nhận sự kiện cho ${worker.fullName}` });
  await field(eventDialog, 'Ngày xảy ra').fill('02/07/2026');
  await field(eventDialog, 'Số hiệu chuyến bay').fill('VN310');
  await eventDialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(eventDialog.getByTestId('worker-event-recorded')).toBeVisible();
  await eventDialog.getByRole('button', { name: 'Ký và nộp' }).click();
  await (await signWithPin(page)).getByRole('button', { name: 'Đóng' }).click();
  await syncNow(page);
  await expect(row.getByTestId('worker-status')).toHaveText('Đang ở nước ngoài');
  await expect(row.getByTestId('worker-unreported')).toHaveCount(0);

  // Later, back early for health: recorded, signed, submitted.
  await row.getByRole('button', { name: `Ghi nhận sự kiện cho ${worker.fullName}` }).click();
  eventDialog = page.getByRole('dialog', { name: `Ghi nhận sự kiện cho ${worker.fullName}` });
  await choose(eventDialog, page, 'Loại sự kiện', 'Về nước trước hạn');
  await field(eventDialog, 'Ngày xảy ra').fill('20/11/2026');
  await choose(eventDialog, page, 'Lý do', 'Lý do sức khoẻ');
  await page.screenshot({ path: 'test-results/overseas-3-event.png' });
  await eventDialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await eventDialog.getByRole('button', { name: 'Ký và nộp' }).click();
  await (await signWithPin(page)).getByRole('button', { name: 'Đóng' }).click();
  await syncNow(page);
  await expect(row.getByTestId('worker-status')).toHaveText('Về nước trước hạn');

  // The liquidation: pro-rata service-fee refund suggested and taken, agreed by both sides, signed, filed.
  await row.getByRole('button', { name: `Thanh lý hợp đồng của ${worker.fullName}` }).click();
  const liquidation = page.getByRole('dialog', { name: `Thanh lý hợp đồng của ${worker.fullName}` });
  await expect(field(liquidation, 'Ngày bắt đầu hợp đồng')).toHaveValue('01/07/2026');
  await expect(field(liquidation, 'Ngày kết thúc hợp đồng')).toHaveValue('30/06/2029');
  await expect(field(liquidation, 'Ngày về nước')).toHaveValue('20/11/2026');
  await choose(liquidation, page, 'Lý do thanh lý', 'Lý do sức khoẻ');
  await field(liquidation, 'Tiền dịch vụ người lao động đã nộp (VND)').fill('36000000');
  const suggestion = liquidation.getByTestId('refund-suggestion');
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole('button', { name: 'Dùng số đề xuất' }).click();
  await field(liquidation, 'Hoàn trả tiền ký quỹ (VND)').fill('10000000');
  await liquidation.getByLabel('Hai bên đã thống nhất thanh lý').check();
  await field(liquidation, 'Ngày thống nhất').fill('22/11/2026');
  await page.screenshot({ path: 'test-results/overseas-4-liquidation.png' });
  await liquidation.getByRole('button', { name: 'Lưu, ký và nộp' }).click();
  await (await signWithPin(page)).getByRole('button', { name: 'Đóng' }).click();
  await syncNow(page);
  await expect(row.getByTestId('worker-liquidated')).toHaveText('Đã thanh lý', { timeout: 20_000 });
  await expect(page.getByTestId('due-board')).toBeVisible();
  await page.screenshot({ path: 'test-results/overseas-5-workers.png', fullPage: true });
  // The list as Excel.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('workers-export').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);

  // The liquidation reached the portal: received, in the filings list.
  await page.getByRole('navigation').getByRole('link', { name: 'Hợp đồng' }).click();
  const liquidationRow = page.getByTestId('filing-row').filter({ hasText: `Thanh lý hợp đồng ${worker.fullName}` });
  await expect(liquidationRow.getByTestId('filing-state')).toHaveText('Đã tiếp nhận');

  expect(consoleErrors, 'no CSP violations or runtime errors').toEqual([]);
});
