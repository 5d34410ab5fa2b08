// The enterprise's filings screens over a real core signed in to the demo portal (nothing faked): the
// list driven by the keyboard, a contract registration saved as a draft and reopened, the fee caps checked
// as they are typed, a bad worker row's inline errors from workerEntrySchema, and "Ký và nộp" with one
// PIN on a SoftHSM2 token.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingView } from '../../src-common/contract';
import type { Core } from '../../src-main/core/index';
import { validContractRegistration } from '../fixtures/overseas-filings';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { bridgeOverCore } from './core-bridge';
import { call, portalCore, signIn } from './demo-portal';
import { demoPortalForFile } from './demo-portal-hooks';
import { renderApp } from './render-app';

const portal = demoPortalForFile();
let token: TestToken;

// Its own folder: real-core's temp folders are removed after every test, the token lives for the file.
const tokenDir = mkdtempSync(join(tmpdir(), 'labordesk-renderer-token-'));
beforeAll(async () => {
  token = await createTestToken(join(tokenDir, 'token'));
  // SoftHSM2 reads its configuration when a core first loads the library.
  Object.assign(process.env, token.env);
}, 60_000);
afterAll(() => rmSync(tokenDir, { recursive: true, force: true }));

/** An input by its label; required fields' labels end with Mantine's " *". */
function field(label: string, container: HTMLElement = document.body): HTMLInputElement {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return within(container).getByLabelText(new RegExp(`^${escaped}( \\*)?$`), { selector: 'input, textarea' });
}
function type(label: string, value: string, container?: HTMLElement) {
  fireEvent.change(field(label, container), { target: { value } });
}
/** Picks an option of a Select by typing part of it (happy-dom does not run the dropdown's transition). */
async function choose(label: string, typed: string, option: string | RegExp, container?: HTMLElement) {
  const input = field(label, container);
  fireEvent.click(input);
  if (typed) fireEvent.change(input, { target: { value: typed } });
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

async function enterpriseCore(): Promise<Core> {
  const core = await portalCore(portal.url);
  await signIn(core, portal.url, 'dn.admin');
  return core;
}
const draft = (core: Core, title: string, content: Record<string, unknown> = { kind: 'supply' }) =>
  call<FilingView>(core, 'filings:saveDraft', { type: 'contractRegistration', title, content });
const rows = () => screen.getAllByTestId('filing-row');
const activeTitle = () => within(rows().find((row) => row.getAttribute('data-active') === 'true')!).getByTestId('filing-title').textContent;

describe('filings (Hồ sơ)', () => {
  it('moves through the list with ↑/↓ and j/k, marks drafts with Space, opens with Enter, searches without diacritics', async () => {
    const core = await enterpriseCore();
    for (const title of ['Đăng ký hợp đồng số 01', 'Đăng ký hợp đồng số 02', 'Đăng ký hợp đồng số 03']) await draft(core, title);
    renderApp(bridgeOverCore(core), { hash: '#/contracts' });

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('filing-count').textContent).toBe('3 hồ sơ');
    expect(within(rows()[0]!).getByTestId('filing-state').textContent).toBe('Bản nháp');
    const titles = rows().map((row) => within(row).getByTestId('filing-title').textContent);

    // "/" focuses the search; ↓ goes into the list.
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(field('Tìm hồ sơ'));
    fireEvent.keyDown(field('Tìm hồ sơ'), { key: 'ArrowDown' });
    const list = screen.getByTestId('filing-list');
    expect(document.activeElement).toBe(list);
    expect(activeTitle()).toBe(titles[0]);
    fireEvent.keyDown(list, { key: 'j' });
    expect(activeTitle()).toBe(titles[1]);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' }); // stays on the last row
    expect(activeTitle()).toBe(titles[2]);
    fireEvent.keyDown(list, { key: 'k' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(activeTitle()).toBe(titles[0]);

    // Space marks drafts for "Ký và nộp"; Ctrl+Enter opens the signing dialog for the marked ones.
    fireEvent.keyDown(list, { key: ' ' });
    fireEvent.keyDown(list, { key: 'j' });
    fireEvent.keyDown(list, { key: ' ' });
    expect(rows().filter((row) => row.getAttribute('aria-selected') === 'true')).toHaveLength(2);
    expect(screen.getByTestId('sign-marked').textContent).toBe('Ký và nộp 2 hồ sơ đã chọn');
    fireEvent.keyDown(list, { key: 'Enter', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Ký và nộp hồ sơ' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // A search without diacritics finds "Đăng ký hợp đồng số 02".
    type('Tìm hồ sơ', 'dang ky hop dong so 02');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).getByTestId('filing-title').textContent).toBe('Đăng ký hợp đồng số 02');

    // Enter opens the row: the draft's form, with its title.
    fireEvent.keyDown(field('Tìm hồ sơ'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByTestId('filing-list'), { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Đăng ký hợp đồng số 02' })).toBeTruthy();
    expect(window.location.hash).toMatch(/^#\/contracts\/[0-9a-f-]{36}\/1$/);

    // Back to the list, "n" starts a new registration.
    window.location.hash = '#/contracts';
    await screen.findByTestId('filing-list');
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(await screen.findByRole('heading', { name: 'Đăng ký hợp đồng mới' })).toBeTruthy();
  }, 60_000);

  it('saves a short internship as a worker-list draft, and reopens it with what was typed', async () => {
    const core = await enterpriseCore();
    renderApp(bridgeOverCore(core), { hash: '#/contracts/new' });
    const form = await screen.findByTestId('registration-form');

    fireEvent.click(within(form).getByLabelText('Hợp đồng thực tập nâng cao tay nghề'));
    type('Số hợp đồng', '07/2026/TT-KR', form);
    type('Ngày ký hợp đồng', '02/05/2026', form);
    type('Ngày bắt đầu', '1/7/2026', form);
    type('Thời hạn hợp đồng', '2', form);
    type('Địa điểm làm việc', 'Trung tâm đào tạo Hanbit, Incheon', form);
    // Two months is under 90 days: the form says this is a worker list, not a registration.
    const boundary = await within(form).findByTestId('internship-boundary');
    await waitFor(() => expect(boundary.getAttribute('data-type')).toBe('internshipWorkerList'));
    expect(boundary.textContent).toContain('Thời hạn 62 ngày: hồ sơ này là danh sách người lao động thực tập.');
    expect(within(form).getByTestId('contract-end').textContent).toBe('Kết thúc ngày 31/08/2026 (62 ngày).');
    // Incomplete, it still saves.
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu nháp' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/contracts\/[0-9a-f-]{36}\/1$/));
    const [, , filingId] = window.location.hash.split('/');

    const saved = await call<FilingView>(core, 'filings:get', { filingId, version: 1 });
    expect(saved).toMatchObject({
      type: 'internshipWorkerList',
      state: 'draft',
      title: 'Danh sách NLĐ thực tập số 07/2026/TT-KR',
      content: { contractNumber: '07/2026/TT-KR', signedOn: '2026-05-02', term: { start: '2026-07-01', months: 2 }, workplace: 'Trung tâm đào tạo Hanbit, Incheon' },
    });

    // Reopened from the list, the form has what was typed, dates as dd/MM/yyyy.
    window.location.hash = '#/contracts';
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.keyDown(screen.getByTestId('filing-list'), { key: 'Enter' });
    const reopened = await screen.findByTestId('registration-form');
    expect(field('Số hợp đồng', reopened).value).toBe('07/2026/TT-KR');
    expect(field('Ngày bắt đầu', reopened).value).toBe('01/07/2026');
    expect(field('Địa điểm làm việc', reopened).value).toBe('Trung tâm đào tạo Hanbit, Incheon');
    expect(within(reopened).getByTestId('internship-boundary').getAttribute('data-type')).toBe('internshipWorkerList');
    expect(within(screen.getByTestId('filing-timeline')).getAllByTestId('timeline-entry').map((e) => e.getAttribute('data-transition'))).toEqual(['created']);
  }, 60_000);

  it('checks the service fee against its cap as it is typed, with the cap in the contract’s currency', async () => {
    const core = await enterpriseCore();
    renderApp(bridgeOverCore(core), { hash: '#/contracts/new' });
    const form = await screen.findByTestId('registration-form');
    const fees = within(form).getByTestId('fees');
    expect(fees.textContent).toContain('Nhập lương, loại tiền và thời hạn để thấy mức trần.');

    type('Ngày bắt đầu', '01/07/2026', form);
    type('Thời hạn hợp đồng', '12', form);
    type('Tiền lương hằng tháng', '180000', form);
    type('Loại tiền', 'JPY', form);
    // 12 months: one month's wage for the service fee, 0.7 for the brokerage commission.
    // Intl puts a no-break space between the amount and the currency sign.
    const text = () => fees.textContent!.replace(/\u00a0/g, ' ');
    await waitFor(() => expect(text()).toContain('Mức trần: 180.000 ¥ (1 tháng lương).'));
    expect(text()).toContain('Mức trần: 126.000 ¥ (0,7 tháng lương).');
    type('Tiền dịch vụ mỗi người lao động', '200000', form);
    await waitFor(() => expect(text()).toContain('Vượt mức trần: tiền dịch vụ tối đa 180.000 ¥ (1 tháng lương).'));
    type('Tiền dịch vụ mỗi người lao động', '180000', form);
    await waitFor(() => expect(text()).not.toContain('Vượt mức trần'));
  }, 60_000);

  it('shows a bad worker row’s errors next to its fields and in the table, in the shared rules’ Vietnamese', async () => {
    const core = await enterpriseCore();
    renderApp(bridgeOverCore(core), { hash: '#/contracts/new' });
    const form = await screen.findByTestId('registration-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm người lao động' }));
    const modal = await screen.findByRole('dialog', { name: 'Thêm người lao động' });

    type('Số CCCD', '00109500000', modal);
    type('Họ và tên', 'Nguyễn Văn An', modal);
    type('Số hộ chiếu', 'X12', modal);
    type('Điện thoại di động', '12345', modal);
    type('Ngày sinh', '31/02/1995', modal);
    fireEvent.click(within(modal).getByRole('button', { name: 'Lưu dòng' }));
    expect(await within(modal).findByText('Số định danh cá nhân (CCCD) phải gồm 12 chữ số với mã tỉnh nơi đăng ký khai sinh hợp lệ.')).toBeTruthy();
    expect(within(modal).getByText('Số hộ chiếu Việt Nam gồm một chữ cái và 7 chữ số (ví dụ C1234567).')).toBeTruthy();
    expect(within(modal).getByText('Số điện thoại di động Việt Nam gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84).')).toBeTruthy();
    expect(within(modal).getByText('Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/2027.')).toBeTruthy();
    expect(within(modal).getAllByText('Hãy điền mục này.').length).toBeGreaterThan(3);

    // Fixed formats, but an ID that says 1995 for a worker born in 1996: the cross-field rule speaks.
    type('Số CCCD', '001095000001', modal);
    type('Số hộ chiếu', 'c1234567', modal);
    type('Điện thoại di động', '0912 345 678', modal);
    type('Ngày sinh', '12/05/1996', modal);
    await choose('Giới tính', '', 'Nam', modal);
    await choose('Tỉnh, thành phố cư trú', 'Hà Nội', /Hà Nội/, modal);
    type('Nơi cư trú (số nhà, đường, xã/phường)', 'Thôn Đông, xã Kim Sơn', modal);
    type('Hộ chiếu có giá trị đến', '31/01/2036', modal);
    type('Ngày xuất cảnh dự kiến', '01/07/2026', modal);
    type('Trình độ chuyên môn', 'Trung cấp nghề hàn', modal);
    type('Nghề, công việc', 'Hàn kim loại', modal);
    type('Tiền lương', '180000', modal);
    type('Loại tiền lương', 'JPY', modal);
    type('Thời hạn hợp đồng (tháng)', '36', modal);
    type('Bên tiếp nhận', 'Tanaka Seiki Co., Ltd.', modal);
    type('Địa chỉ nơi làm việc', '1-2-3 Chiyoda, Tokyo', modal);
    expect(await within(modal).findByText('Số CCCD không khớp với năm sinh (chữ số thứ 4 chỉ thế kỷ, chữ số thứ 5–6 là năm sinh).')).toBeTruthy();
    expect(within(modal).queryByText('Hãy điền mục này.')).toBeNull();

    // A second "Lưu dòng" keeps the row; the table flags it with the same words.
    fireEvent.click(within(modal).getByRole('button', { name: 'Lưu dòng' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = await within(form).findByTestId('worker-row');
    expect(row.getAttribute('data-invalid')).toBe('true');
    expect(within(row).getByText('1 lỗi')).toBeTruthy();
    expect(within(form).getByTestId('worker-issue').textContent).toBe('Số CCCD: Số CCCD không khớp với năm sinh (chữ số thứ 4 chỉ thế kỷ, chữ số thứ 5–6 là năm sinh).');

    // Corrected through "Sửa", the row is valid.
    fireEvent.click(within(row).getByRole('button', { name: 'Sửa dòng 1' }));
    const edit = await screen.findByRole('dialog', { name: 'Sửa người lao động dòng 1' });
    expect(within(edit).getByText('Số CCCD không khớp với năm sinh (chữ số thứ 4 chỉ thế kỷ, chữ số thứ 5–6 là năm sinh).')).toBeTruthy();
    type('Ngày sinh', '12/05/1995', edit);
    fireEvent.click(within(edit).getByRole('button', { name: 'Lưu dòng' }));
    await waitFor(() => expect(within(form).getByTestId('worker-row').getAttribute('data-invalid')).toBe('false'));
    expect(within(form).queryByTestId('worker-issue')).toBeNull();
  }, 60_000);

  it('signs and submits the marked drafts with one PIN on the SoftHSM2 token; a draft the rules refuse is listed with why', async () => {
    const core = await enterpriseCore();
    await call(core, 'settings:set', { pkcs11ModulePath: token.module });
    const complete = await draft(core, 'Hợp đồng cung ứng 12/2026', validContractRegistration({}, 2) as unknown as Record<string, unknown>);
    await draft(core, 'Hợp đồng còn thiếu 13/2026');
    renderApp(bridgeOverCore(core), { hash: '#/contracts' });

    await waitFor(() => expect(rows()).toHaveLength(2));
    const list = screen.getByTestId('filing-list');
    list.focus();
    fireEvent.keyDown(list, { key: ' ' });
    fireEvent.keyDown(list, { key: 'j' });
    fireEvent.keyDown(list, { key: ' ' });
    fireEvent.keyDown(list, { key: 'Enter', ctrlKey: true });

    const dialog = await screen.findByTestId('filings-sign-dialog');
    await waitFor(() => expect(within(dialog).queryByText('Đang tải…')).toBeNull(), { timeout: 10_000 });
    await choose('Chứng thư số dùng để ký', '', /LaborDesk Test valid/, dialog);
    expect(within(dialog).getByTestId('filings-sign-count').textContent).toBe('Số hồ sơ cần ký và nộp: 2');
    const pin = field('Mã PIN của USB token', dialog);
    expect(pin.type).toBe('password');
    type('Mã PIN của USB token', token.userPin, dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ký và nộp' }));

    const result = await within(dialog).findByTestId('filings-sign-result', {}, { timeout: 20_000 });
    expect(result.getAttribute('data-submitted')).toBe('1');
    expect(result.getAttribute('data-not-submitted')).toBe('1');
    expect(within(dialog).getByTestId('batch-progress').textContent).toBe('Đã ký và đưa vào hàng chờ gửi 1/2 hồ sơ');
    expect(within(result).getByTestId('filing-submitted').textContent).toBe('Hợp đồng cung ứng 12/2026');
    const refused = within(result).getByTestId('filing-not-submitted');
    expect(refused.getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(refused.textContent).toContain('Hợp đồng còn thiếu 13/2026');
    expect(within(refused).getAllByTestId('filing-refusal-issue').map((li) => li.textContent)).toContain('Chủ sử dụng lao động: Hãy chọn một giá trị trong danh sách.');
    // The PIN is nowhere on screen.
    expect(document.body.textContent).not.toContain(token.userPin);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Đóng' }));
    await waitFor(() => expect(screen.queryByTestId('filings-sign-dialog')).toBeNull());
    const submittedRow = await waitFor(() => {
      const found = rows().find((row) => row.getAttribute('data-filing-id') === complete.filingId)!;
      expect(within(found).getByTestId('filing-state').textContent).toBe('Đã nộp');
      return found;
    });

    // Its detail: read-only content, and the timeline with the signer and the signature's hash.
    fireEvent.doubleClick(submittedRow);
    const detail = await screen.findByTestId('filing-detail');
    expect(within(detail).queryByRole('button', { name: 'Lưu nháp' })).toBeNull();
    expect(within(detail).getByTestId('filing-receipt').textContent).toContain('Đang chờ gửi lên cổng trung tâm và nhận biên nhận.');
    const entries = within(detail).getAllByTestId('timeline-entry');
    expect(entries.map((e) => e.getAttribute('data-transition'))).toEqual(['created', 'signed', 'submitted']);
    expect(within(entries[1]!).getByTestId('timeline-signer').textContent).toBe('Người ký: Công ty TNHH Thử Nghiệm — MST:0101234567');
    expect(within(entries[1]!).getByTestId('timeline-hash').textContent).toMatch(/^[0-9a-f]{64}$/);
    expect(within(detail).getAllByTestId('worker-row')).toHaveLength(2);
  }, 90_000);
});
