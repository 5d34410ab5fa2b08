// Doanh nghiệp page, enterprise side of issue 6 items 1-3, over real cores and the real demo portal: the
// profile (with the fee schedule and the licence-expiry banner), a branch with delegated functions, a broker —
// each saved offline-first (pending), sent by "Sync now", and then pulled from the portal by another client.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bridgeOverCore } from './core-bridge';
import { call, portalCore, signIn } from './demo-portal';
import { demoPortalForFile } from './demo-portal-hooks';
import { cleanup, renderApp } from './render-app';

const portal = demoPortalForFile();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An input by its label; required fields' labels end with Mantine's " *". */
function field(label: string, container: HTMLElement = document.body, selector = 'input'): HTMLInputElement {
  return within(container).getByLabelText(new RegExp(`^${escape(label)}( \\*)?$`), { selector });
}
function type(label: string, value: string, container?: HTMLElement, selector?: string) {
  fireEvent.change(field(label, container, selector), { target: { value } });
}
const badge = () => screen.getByTestId('sync-badge');
const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name });

/** Picks an option of a searchable Select by typing part of it. */
async function choose(container: HTMLElement, label: string, typed: string, option: string) {
  const input = field(label, container);
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: typed } });
  // happy-dom does not run the dropdown's opening transition: the options count as hidden.
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
  await waitFor(() => expect(input.value).toBe(option));
}

/** "Sync now" on the sync page (the badge opens it), then back to a tab of the Doanh nghiệp page. */
async function syncThroughBadge(backTo: string) {
  fireEvent.click(badge());
  await screen.findByRole('heading', { name: 'Đồng bộ' });
  fireEvent.click(screen.getByRole('button', { name: /Đồng bộ ngay/ }));
  await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('0'), { timeout: 10_000 });
  expect(badge().getAttribute('data-attention')).toBe('0');
  window.location.hash = backTo;
}

/** What the portal holds, as another client of the same enterprise pulls it. */
async function pulledByAnotherClient(entity: string) {
  const other = await portalCore(portal.url);
  await signIn(other, portal.url, 'dn.admin');
  await call(other, 'sync:run');
  return (await call<{ rows: { id: string; pending: boolean; data: Record<string, any> }[] }>(other, 'records:list', { entity })).rows;
}

/** dd/MM/yyyy of today plus `days` in local time, as the user types dates. */
function dateFromToday(days: number): { typed: string; iso: string } {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const dd = String(date.getDate()).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  return { typed: `${dd}/${mm}/${date.getFullYear()}`, iso: `${date.getFullYear()}-${mm}-${dd}` };
}

async function adminCore() {
  const core = await portalCore(portal.url);
  await signIn(core, portal.url, 'dn.admin');
  await call(core, 'sync:run');
  return core;
}

describe('Doanh nghiệp: profile, branches and brokers', () => {
  it('edits the profile and its fee schedule; the licence banner warns 60 days before expiry and after it', async () => {
    const core = await adminCore();
    renderApp(bridgeOverCore(core), { hash: '#/enterprises/profile' });

    const profile = await screen.findByTestId('enterprise-profile');
    expect(within(profile).getByText('Công ty Cổ phần Cung ứng Nhân lực Quốc tế Demo')).toBeTruthy();
    expect(within(profile).getByText('0312345673')).toBeTruthy();
    expect(within(profile).getByText('14/03/2029')).toBeTruthy();
    expect(within(profile).getByText('Chưa công khai mức phí dịch vụ nào.')).toBeTruthy();
    // The demo licence runs to 2029: no banner.
    expect(screen.queryByTestId('licence-warning')).toBeNull();

    fireEvent.click(within(profile).getByRole('button', { name: 'Sửa hồ sơ' }));
    const form = await dialog('Sửa hồ sơ doanh nghiệp');
    // The tax code is fixed at registration: not in the form.
    expect(within(form).queryByLabelText(/Mã số thuế/)).toBeNull();
    expect(field('Tên bằng tiếng nước ngoài', form).value).toBe('Demo International Manpower Supply JSC');

    // An expiry before the issue date, and an incomplete fee row: refused inline, in Vietnamese.
    type('Ngày hết hạn giấy phép', '01/01/2020', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm dòng phí' }));
    const row = await within(form).findByRole('group', { name: 'Dòng phí 1' });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await within(form).findByText('Hãy nhập ngày hết hạn theo dạng dd/MM/yyyy, sau ngày cấp.')).toBeTruthy();
    expect(within(row).getByText('Hãy chọn quốc gia (thị trường).')).toBeTruthy();
    expect(within(row).getByText('Hãy nhập mức phí là số không âm.')).toBeTruthy();

    const soon = dateFromToday(30);
    type('Ngày hết hạn giấy phép', soon.typed, form);
    await choose(row, 'Thị trường', 'Nhật', 'Nhật Bản (JP)');
    type('Ngành nghề', 'Điều dưỡng', row);
    type('Mức phí', '3600', row);
    type('Loại tiền', 'usd', row);
    type('Số tháng lương', '1', row);
    type('Ghi chú', 'Hợp đồng 36 tháng', row);
    type('Tên bằng tiếng nước ngoài', 'Demo International Manpower JSC', form);
    fireEvent.keyDown(field('Tên doanh nghiệp (tiếng Việt)', form), { key: 'Enter', code: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // Saved locally and pending; the banner warns with the days left.
    await waitFor(() => expect(screen.getByTestId('enterprise-profile').getAttribute('data-pending')).toBe('true'));
    const banner = await screen.findByTestId('licence-warning');
    expect(banner.getAttribute('data-level')).toBe('expiringSoon');
    expect(within(banner).getByText('Giấy phép sắp hết hạn')).toBeTruthy();
    expect(banner.textContent).toContain(`hết hạn ngày ${soon.typed} (còn 30 ngày)`);
    const fees = screen.getByTestId('fee-schedule');
    expect(within(fees).getByText('Nhật Bản')).toBeTruthy();
    expect(within(fees).getByText('Điều dưỡng')).toBeTruthy();
    expect(within(fees).getByText((text) => text.replace(/\u00a0/g, ' ') === '3.600,00 US$')).toBeTruthy();
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('1'));

    await syncThroughBadge('#/enterprises/profile');
    await waitFor(() => expect(screen.getByTestId('enterprise-profile').getAttribute('data-pending')).toBe('false'));
    // The banner shows on every tab of the page.
    window.location.hash = '#/enterprises/brokers';
    expect((await screen.findByTestId('licence-warning')).getAttribute('data-level')).toBe('expiringSoon');

    const [onPortal] = await pulledByAnotherClient('enterprise');
    expect(onPortal).toMatchObject({
      pending: false,
      data: {
        taxCode: '0312345673',
        nameForeign: 'Demo International Manpower JSC',
        licence: { number: '123/LĐTBXH-GP', issuedOn: '2022-03-15', expiresOn: soon.iso },
        serviceFeeSchedule: [{ market: 'JP', trade: 'Điều dưỡng', amount: 3600, currency: 'USD', monthsOfWage: 1, note: 'Hợp đồng 36 tháng' }],
      },
    });

    // Past the expiry date: "đã hết hạn".
    window.location.hash = '#/enterprises/profile';
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa hồ sơ' }));
    const again = await dialog('Sửa hồ sơ doanh nghiệp');
    type('Ngày hết hạn giấy phép', dateFromToday(-1).typed, again);
    fireEvent.click(within(again).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('licence-warning').getAttribute('data-level')).toBe('expired'));
    expect(screen.getByTestId('licence-warning').textContent).toContain('đã hết hạn ngày');
  }, 90_000);

  it('adds a branch with two delegated functions; branch staff only see the list', async () => {
    const core = await adminCore();
    renderApp(bridgeOverCore(core), { hash: '#/enterprises/branches' });

    const demo = await screen.findByTestId('branch-row');
    expect(within(demo).getByText('Chi nhánh TP. Hồ Chí Minh')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Thêm chi nhánh' }));
    const form = await dialog('Thêm chi nhánh');
    type('Mã chi nhánh', 'DN 1', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await within(form).findByText(/^Mã chi nhánh gồm 1–20 chữ cái/)).toBeTruthy();
    expect(within(form).getByText('Hãy chọn tỉnh/thành phố nơi đặt chi nhánh.')).toBeTruthy();

    type('Mã chi nhánh', 'DN', form);
    type('Tên chi nhánh', 'Chi nhánh Đà Nẵng', form);
    type('Địa chỉ', '25 Bạch Đằng, phường Hải Châu', form);
    await choose(form, 'Tỉnh/thành phố', 'Đà Nẵng', 'Thành phố Đà Nẵng');
    type('Người đứng đầu chi nhánh', 'Võ Thị Cúc', form);
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Báo cáo' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Đăng ký hợp đồng' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const added = await waitFor(() => {
      const found = screen.getAllByTestId('branch-row').find((row) => row.textContent?.includes('Chi nhánh Đà Nẵng'));
      if (!found) throw new Error('no Đà Nẵng row yet');
      return found;
    });
    expect(added.getAttribute('data-pending')).toBe('true');
    expect(within(added).getAllByTestId('branch-function').map((b) => b.textContent)).toEqual(['Đăng ký hợp đồng', 'Báo cáo']);
    expect(within(added).getByText('Thành phố Đà Nẵng')).toBeTruthy();
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('1'));

    await syncThroughBadge('#/enterprises/branches');
    await waitFor(() => {
      const row = screen.getAllByTestId('branch-row').find((r) => r.textContent?.includes('Chi nhánh Đà Nẵng'));
      expect(row?.getAttribute('data-pending')).toBe('false');
    });
    const branches = await pulledByAnotherClient('branch');
    expect(branches.find((b) => b.data.code === 'DN')).toMatchObject({
      pending: false,
      data: { name: 'Chi nhánh Đà Nẵng', address: { line: '25 Bạch Đằng, phường Hải Châu', provinceCode: '48' }, manager: 'Võ Thị Cúc', functions: ['registerContracts', 'reports'] },
    });

    // Branch staff: the tab is there, read-only.
    const staff = await portalCore(portal.url);
    await signIn(staff, portal.url, 'cn.hcm');
    await call(staff, 'sync:run');
    cleanup();
    renderApp(bridgeOverCore(staff), { hash: '#/enterprises/branches' });
    expect(await screen.findByText('Chỉ quản trị doanh nghiệp thêm và sửa được chi nhánh.')).toBeTruthy();
    await screen.findAllByTestId('branch-row');
    expect(screen.queryByRole('button', { name: 'Thêm chi nhánh' })).toBeNull();
  }, 90_000);

  it('a branch the portal refuses (its code is taken) is corrected and resent from the sync panel', async () => {
    const core = await adminCore();
    renderApp(bridgeOverCore(core), { hash: '#/enterprises/branches' });
    await screen.findAllByTestId('branch-row');

    fireEvent.click(screen.getByRole('button', { name: 'Thêm chi nhánh' }));
    const form = await dialog('Thêm chi nhánh');
    type('Mã chi nhánh', 'HCM', form);
    type('Tên chi nhánh', 'Chi nhánh Thủ Đức', form);
    type('Địa chỉ', '1 Võ Văn Ngân, phường Thủ Đức', form);
    await choose(form, 'Tỉnh/thành phố', 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh');
    type('Người đứng đầu chi nhánh', 'Lý Văn Đức', form);
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Quản lý người lao động' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('1'));

    fireEvent.click(badge());
    await screen.findByRole('heading', { name: 'Đồng bộ' });
    fireEvent.click(screen.getByRole('button', { name: /Đồng bộ ngay/ }));
    const rejected = await screen.findByTestId('attention-row', {}, { timeout: 10_000 });
    expect(rejected.getAttribute('data-kind')).toBe('branch.upsert');
    expect(within(rejected).getByText('Chi nhánh Thủ Đức')).toBeTruthy();
    expect(within(rejected).getByTestId('attention-reason').textContent).not.toBe('');

    fireEvent.click(within(rejected).getByRole('button', { name: 'Sửa và gửi lại' }));
    const correction = await dialog('Sửa và gửi lại — Chi nhánh Thủ Đức');
    expect(field('Mã chi nhánh', correction).value).toBe('HCM');
    expect(within(correction).getByRole('checkbox', { name: 'Quản lý người lao động' })).toHaveProperty('checked', true);
    type('Mã chi nhánh', 'TD', correction);
    fireEvent.click(within(correction).getByRole('button', { name: 'Gửi lại' }));
    await waitFor(() => expect(screen.queryByTestId('attention-row')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: /Đồng bộ ngay/ }));
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('0'), { timeout: 10_000 });
    expect(badge().getAttribute('data-attention')).toBe('0');

    const branches = await pulledByAnotherClient('branch');
    expect(branches.find((b) => b.data.code === 'TD')).toMatchObject({ data: { name: 'Chi nhánh Thủ Đức', functions: ['manageWorkers'] } });
    expect(branches.filter((b) => b.data.code === 'HCM')).toHaveLength(1);
  }, 90_000);

  it('adds a broker to the registry: pending until synced, then on the portal', async () => {
    const core = await adminCore();
    renderApp(bridgeOverCore(core), { hash: '#/enterprises/brokers' });

    expect(await screen.findByText('Chưa có môi giới nào.')).toBeTruthy();
    // Alt+N opens the form of the open tab.
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN', altKey: true });
    const form = await dialog('Thêm môi giới');
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await within(form).findByText('Hãy ghi thoả thuận về tiền môi giới (tối đa 2000 ký tự).')).toBeTruthy();

    type('Tên môi giới', 'Sakura Jinzai K.K.', form);
    await choose(form, 'Quốc gia', 'Nhật', 'Nhật Bản (JP)');
    type('Điện thoại', '+81 3 1234 5678', form);
    type('Thoả thuận tiền môi giới', 'Bên tiếp nhận trả 0,5 tháng lương mỗi người lao động, khi người lao động nhập cảnh.', form, 'textarea');
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const row = await screen.findByTestId('broker-row');
    expect(within(row).getByText('Sakura Jinzai K.K.')).toBeTruthy();
    expect(within(row).getByText('Nhật Bản')).toBeTruthy();
    expect(within(row).getByTestId('pending-marker').textContent).toBe('Chờ gửi');
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('1'));

    await syncThroughBadge('#/enterprises/brokers');
    await waitFor(() => expect(screen.getByTestId('broker-row').getAttribute('data-pending')).toBe('false'));
    const brokers = await pulledByAnotherClient('broker');
    expect(brokers).toEqual([
      expect.objectContaining({
        pending: false,
        data: expect.objectContaining({
          name: 'Sakura Jinzai K.K.',
          country: 'JP',
          contact: { phone: '+81 3 1234 5678' },
          commissionTerms: 'Bên tiếp nhận trả 0,5 tháng lương mỗi người lao động, khi người lao động nhập cảnh.',
        }),
      }),
    ]);
  }, 90_000);
});
