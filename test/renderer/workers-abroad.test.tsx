// Workers abroad on screen, over a real core signed in to the demo portal and a SoftHSM2 token: "Nhập từ
// Excel" in the registration's worker table (a good row appended, a bad one listed with its row number and
// reason, the rejected rows' .xlsx offered), and the Người lao động page: "Ghi nhận sự kiện" checked with the
// shared event rules, left as a draft (the due board shows the departure update overdue), then a return
// recorded and signed at once through "Ký và nộp", and the liquidation's pro-rata refund suggested.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingView } from '../../src-common/contract';
import type { WorkerEntry } from '../../src-common/domain/overseas/worker-entry';
import type { Core } from '../../src-main/core/index';
import { validContractRegistration, validWorker } from '../fixtures/overseas-filings';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { bridgeOverCore } from './core-bridge';
import { call, portalCore, signIn } from './demo-portal';
import { demoPortalForFile } from './demo-portal-hooks';
import { renderApp } from './render-app';

const portal = demoPortalForFile();
let token: TestToken;

const tokenDir = mkdtempSync(join(tmpdir(), 'labordesk-renderer-token-'));
beforeAll(async () => {
  token = await createTestToken(join(tokenDir, 'token'));
  Object.assign(process.env, token.env);
}, 60_000);
afterAll(() => rmSync(tokenDir, { recursive: true, force: true }));

function field(label: string, container: HTMLElement = document.body): HTMLInputElement {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return within(container).getByLabelText(new RegExp(`^${escaped}( \\*)?$`), { selector: 'input, textarea' });
}
function type(label: string, value: string, container?: HTMLElement) {
  fireEvent.change(field(label, container), { target: { value } });
}
/** Picks an option of a Select; only its own dropdown's options count (two Selects may offer the same words). */
async function choose(label: string, option: string | RegExp, container?: HTMLElement) {
  const input = field(label, container);
  fireEvent.click(input);
  const listbox = await waitFor(() => {
    const found = document.getElementById(input.getAttribute('aria-controls') ?? '');
    expect(found).toBeTruthy();
    return found!;
  });
  fireEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }));
}

async function enterpriseCore(): Promise<Core> {
  const core = await portalCore(portal.url);
  await signIn(core, portal.url, 'dn.admin');
  await call(core, 'settings:set', { pkcs11ModulePath: token.module });
  return core;
}

const headers = ['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Nơi thường trú', 'Mã tỉnh thường trú', 'Số điện thoại', 'Số hộ chiếu', 'Ngày hết hạn hộ chiếu',
  'Trình độ chuyên môn', 'Kỹ năng', 'Ngành nghề', 'Mức lương', 'Loại tiền', 'Thời hạn hợp đồng (tháng)', 'Bên tiếp nhận', 'Địa chỉ nơi làm việc', 'Ngày dự kiến xuất cảnh'];
const cells = (w: WorkerEntry) => [w.fullName, w.citizenId, w.birthDate.split('-').reverse().join('/'), w.gender === 'male' ? 'Nam' : 'Nữ', w.residence.line,
  w.residence.provinceCode, w.phone, w.passport.number, w.passport.expiresOn, w.qualification, w.skills.join('; '), w.trade, w.wage.amount, w.wage.currency,
  w.contractTermMonths, w.receivingParty, w.workAddress, w.plannedDeparture];

/** Picks `file` in the hidden input of a Mantine FileButton. */
function pick(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('workers abroad', () => {
  it('imports a worker list from Excel: the good row is added, the bad row is listed with its reason and offered as .xlsx', async () => {
    const core = await enterpriseCore();
    renderApp(bridgeOverCore(core), { hash: '#/contracts/new' });
    const form = await screen.findByTestId('registration-form');
    const list = within(form).getByTestId('worker-list');
    expect(within(list).getByRole('button', { name: 'Nhập từ Excel' })).toBeTruthy();

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(headers);
    sheet.addRow(cells(validWorker(0)));
    sheet.addRow(cells(validWorker(1, { passport: { number: 'C7654321', expiresOn: '2027-01-01' } })));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    pick(list.querySelector('input[type="file"]')!, new File([bytes], 'danh-sach-nld.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));

    const result = await within(list).findByTestId('worker-import-result', {}, { timeout: 15_000 });
    expect(result.getAttribute('data-added')).toBe('1');
    expect(result.getAttribute('data-rejected')).toBe('1');
    expect(within(result).getByTestId('worker-import-added').textContent).toBe('Đã thêm 1 người lao động từ danh-sach-nld.xlsx.');
    expect(result.textContent).toContain('1 dòng bị bỏ qua vì có lỗi:');
    const rejected = within(result).getByTestId('worker-import-rejected-row');
    expect(rejected.getAttribute('data-row')).toBe('3');
    expect(rejected.textContent).toMatch(/^Dòng 3: Hộ chiếu có giá trị đến: .*hộ chiếu/i);
    const report = within(result).getByRole('link', { name: 'Tải danh sách dòng lỗi' });
    expect(report.getAttribute('download')).toBe('danh-sach-nld-dong-loi.xlsx');
    expect(report.getAttribute('href')).toMatch(/^blob:/);

    // The accepted worker is a row of the table, valid, with the file's values.
    const rows = within(list).getAllByTestId('worker-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.getAttribute('data-invalid')).toBe('false');
    expect(rows[0]!.textContent).toContain(validWorker(0).citizenId);
    expect(rows[0]!.textContent).toContain('Nguyễn Văn An');
    expect(within(form).getByRole('region', { name: 'Danh sách người lao động (1 người)' })).toBeTruthy();
  }, 60_000);

  it('records a departure left as a draft, then a return signed at once, and suggests the liquidation’s refund', async () => {
    const core = await enterpriseCore();
    const registration = await call<FilingView>(core, 'filings:saveDraft', {
      type: 'contractRegistration',
      title: 'Hợp đồng cung ứng 21/2026',
      content: validContractRegistration({}, 2) as unknown as Record<string, unknown>,
    });
    const signed = await call(core, 'filings:signAndSubmit', {
      filings: [{ filingId: registration.filingId, version: 1 }],
      tokenLabel: token.tokenLabel,
      certificateId: token.certs.valid.id,
      pin: token.userPin,
      taskId: crypto.randomUUID(),
    });
    expect(signed.notSubmitted).toEqual([]);
    renderApp(bridgeOverCore(core), { hash: '#/workers' });

    const worker = validWorker(0);
    const rowOf = () => screen.getAllByTestId('worker-abroad-row').find((row) => row.getAttribute('data-citizen-id') === worker.citizenId)!;
    await waitFor(() => expect(screen.getAllByTestId('worker-abroad-row')).toHaveLength(2));
    expect(screen.getByTestId('worker-count').textContent).toBe('2 người lao động');
    expect(within(rowOf()).getByTestId('worker-status').textContent).toBe('Chưa xuất cảnh');

    // The departure: a malformed flight number is refused with the shared rule's words.
    fireEvent.click(within(rowOf()).getByRole('button', { name: 'Ghi nhận sự kiện cho Nguyễn Văn An' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận sự kiện cho Nguyễn Văn An' });
    expect(field('Loại sự kiện', dialog).value).toBe('Xuất cảnh');
    type('Ngày xảy ra', '02/07/2026', dialog);
    type('Số hiệu chuyến bay', 'V-310', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    expect(await within(dialog).findByText('Số hiệu chuyến bay không đúng dạng (ví dụ VN310).')).toBeTruthy();
    type('Số hiệu chuyến bay', 'vn310', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    const recorded = await within(dialog).findByTestId('worker-event-recorded', {}, { timeout: 10_000 });
    expect(recorded.textContent).toContain(`Đã ghi nhận vào bản nháp “Cập nhật NLĐ Nguyễn Văn An (${worker.citizenId})” (lần 1).`);
    fireEvent.click(within(recorded).getByRole('button', { name: 'Để trong bản nháp' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await waitFor(() => expect(within(rowOf()).getByTestId('worker-status').textContent).toBe('Đang ở nước ngoài'));
    expect(within(rowOf()).getByTestId('worker-unreported').textContent).toBe('1 sự kiện chưa nộp');
    // Unfiled, the departure update was due 5 days after it: overdue on the board, in red, with its basis.
    const departureDue = await waitFor(() => {
      const found = screen.getAllByTestId('due-item').find((item) => item.getAttribute('data-kind') === 'workerDepartureUpdate');
      expect(found).toBeTruthy();
      return found!;
    });
    expect(departureDue.getAttribute('data-overdue')).toBe('true');
    expect(departureDue.getAttribute('data-due-on')).toBe('2026-07-07');
    expect(departureDue.textContent).toContain('Hạn 07/07/2026');
    expect(departureDue.textContent).toContain('Căn cứ: ');
    const dueOns = screen.getAllByTestId('due-item').map((item) => item.getAttribute('data-due-on')!);
    expect(dueOns).toEqual([...dueOns].sort());

    // Back early for health, signed and submitted straight from the dialog.
    fireEvent.click(within(rowOf()).getByRole('button', { name: 'Ghi nhận sự kiện cho Nguyễn Văn An' }));
    const second = await screen.findByRole('dialog', { name: 'Ghi nhận sự kiện cho Nguyễn Văn An' });
    await choose('Loại sự kiện', 'Về nước trước hạn', second);
    type('Ngày xảy ra', '20/11/2026', second);
    fireEvent.click(within(second).getByRole('button', { name: 'Ghi nhận' }));
    expect(await within(second).findByText('Hãy chọn một giá trị trong danh sách.')).toBeTruthy();
    await choose('Lý do', 'Lý do sức khoẻ', second);
    fireEvent.click(within(second).getByRole('button', { name: 'Ghi nhận' }));
    const again = await within(second).findByTestId('worker-event-recorded', {}, { timeout: 10_000 });
    expect(again.textContent).toContain('(lần 1)');
    fireEvent.click(within(again).getByRole('button', { name: 'Ký và nộp' }));

    const signing = await screen.findByTestId('filings-sign-dialog');
    await waitFor(() => expect(within(signing).queryByText('Đang tải…')).toBeNull(), { timeout: 10_000 });
    await choose('Chứng thư số dùng để ký', /LaborDesk Test valid/, signing);
    type('Mã PIN của USB token', token.userPin, signing);
    fireEvent.click(within(signing).getByRole('button', { name: 'Ký và nộp' }));
    const result = await within(signing).findByTestId('filings-sign-result', {}, { timeout: 20_000 });
    expect(result.getAttribute('data-submitted')).toBe('1');
    fireEvent.click(within(signing).getByRole('button', { name: 'Đóng' }));

    await waitFor(() => expect(within(rowOf()).getByTestId('worker-status').textContent).toBe('Về nước trước hạn'));
    expect(within(rowOf()).queryByTestId('worker-unreported')).toBeNull();

    // The status filter keeps only the returned worker.
    await choose('Tình trạng', 'Về nước trước hạn');
    await waitFor(() => expect(screen.getAllByTestId('worker-abroad-row')).toHaveLength(1));

    // Liquidation: the contract's start comes from the registration; the refund is suggested pro rata.
    fireEvent.click(within(rowOf()).getByRole('button', { name: 'Thanh lý hợp đồng của Nguyễn Văn An' }));
    const liquidation = await screen.findByRole('dialog', { name: 'Thanh lý hợp đồng của Nguyễn Văn An' });
    await waitFor(() => expect(field('Ngày bắt đầu hợp đồng', liquidation).value).toBe('01/07/2026'));
    expect(field('Ngày về nước', liquidation).value).toBe('20/11/2026');
    await choose('Lý do thanh lý', 'Lý do sức khoẻ', liquidation);
    type('Tiền dịch vụ người lao động đã nộp (VND)', '36000000', liquidation);
    const suggestion = await within(liquidation).findByTestId('refund-suggestion');
    expect(Number(suggestion.getAttribute('data-amount'))).toBeGreaterThan(30_000_000);
    expect(suggestion.textContent).toMatch(/Đề xuất hoàn tiền dịch vụ theo thời gian còn lại của hợp đồng: [\d.]+\s₫\./);
    // Signing asks for the agreement's date once both sides agreed.
    fireEvent.click(within(liquidation).getByLabelText('Hai bên đã thống nhất thanh lý'));
    fireEvent.click(within(liquidation).getByRole('button', { name: 'Lưu, ký và nộp' }));
    expect(await within(liquidation).findByTestId('liquidation-issues')).toBeTruthy();
    expect(screen.queryByTestId('filings-sign-dialog')).toBeNull();
  }, 120_000);
});
