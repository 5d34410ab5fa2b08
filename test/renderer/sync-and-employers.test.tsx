// Employer registry, sync badge and sync panel over real cores and the real portal: commit, push, rejection,
// correct-and-resend and discard, with the portal's own reasons.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index';
import { bridgeOverCore } from './core-bridge';
import { call, portalCore, signIn } from './demo-portal';
import { demoPortalForFile } from './demo-portal-hooks';
import { renderApp } from './render-app';

const portal = demoPortalForFile();

/** An input by its label; required fields' labels end with Mantine's " *". */
function field(label: string, container: HTMLElement = document.body): HTMLInputElement {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return within(container).getByLabelText(new RegExp(`^${escaped}( \\*)?$`), { selector: 'input' });
}
function type(label: string, value: string, container?: HTMLElement) {
  fireEvent.change(field(label, container), { target: { value } });
}
const badge = () => screen.getByTestId('sync-badge');
const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name });

/** Picks a country in the searchable Select by typing part of its name. */
async function chooseCountry(container: HTMLElement, typed: string, option: string) {
  const input = field('Quốc gia', container);
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: typed } });
  // happy-dom does not run the dropdown's opening transition: the options count as hidden.
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
  await waitFor(() => expect(input.value).toBe(option));
}

async function fillEmployer(form: HTMLElement, values: { name: string; address: string; registrationNumber: string; sector: string }) {
  type('Tên chủ sử dụng', values.name, form);
  await chooseCountry(form, 'Nhật', 'Nhật Bản (JP)');
  type('Địa chỉ ở nước ngoài', values.address, form);
  type('Số đăng ký kinh doanh', values.registrationNumber, form);
  type('Lĩnh vực hoạt động', values.sector, form);
}

async function syncNow() {
  fireEvent.click(screen.getByRole('button', { name: /Đồng bộ ngay/ }));
  // The button shows a spinner while sync:run is in flight.
  await waitFor(() => expect(screen.getByRole('button', { name: /Đồng bộ ngay/ }).hasAttribute('data-loading')).toBe(false), {
    timeout: 10_000,
  });
}

/** The enterprise admin revokes or grants the branch's "registerContracts" function (through sync, as the app does). */
async function setBranchRegisterContracts(admin: Core, granted: boolean) {
  await call(admin, 'sync:run');
  const { rows } = await call<{ rows: { id: string; data: Record<string, any> }[] }>(admin, 'records:list', { entity: 'branch' });
  const branch = rows.find((row) => row.data.code === 'HCM');
  if (!branch) throw new Error(`demo branch HCM not pulled: ${JSON.stringify(rows)} ${JSON.stringify(await call(admin, 'sync:status'))}`);
  const { code, name, address, manager } = branch.data;
  const functions = granted ? ['manageWorkers', 'registerContracts'] : ['manageWorkers'];
  await call(admin, 'records:commit', { kind: 'branch.upsert', payload: { id: branch.id, fields: { code, name, address, manager, functions } } });
  const status = await call(admin, 'sync:run');
  expect(status).toMatchObject({ pending: 0, needsAttention: 0 });
}

describe('employer registry and sync', () => {
  it('creates and edits employers offline-first: pending marker and badge until "Sync now" sends them', async () => {
    const core = await portalCore(portal.url);
    await signIn(core, portal.url, 'dn.admin');
    renderApp(bridgeOverCore(core), { hash: '#/enterprises' });

    expect(await screen.findByText('Chưa có chủ sử dụng nào.')).toBeTruthy();
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('0'));

    // Alt+N opens the form; saving it empty names every required field.
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN', altKey: true });
    const form = await dialog('Thêm chủ sử dụng');
    type('Thư điện tử', 'không phải thư', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await within(form).findByText('Hãy nhập tên chủ sử dụng (tối đa 300 ký tự).')).toBeTruthy();
    expect(within(form).getByText('Hãy chọn quốc gia nơi chủ sử dụng đăng ký.')).toBeTruthy();
    expect(within(form).getByText('Hãy nhập địa chỉ của chủ sử dụng (tối đa 300 ký tự).')).toBeTruthy();
    expect(within(form).getByText('Hãy nhập địa chỉ thư như ten@congty.com, hoặc để trống.')).toBeTruthy();

    await fillEmployer(form, { name: 'Công ty TNHH Tanaka Seiki', address: '1-2-3 Namba, Osaka', registrationNumber: 'OS-1203', sector: 'Cơ khí chính xác' });
    type('Thư điện tử', 'tuyendung@tanaka.co.jp', form);
    type('Điện thoại', '+81 6 1234 5678', form);
    // Ctrl+Enter saves, as in every form.
    fireEvent.keyDown(field('Tên chủ sử dụng', form), { key: 'Enter', code: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const row = await screen.findByTestId('employer-row');
    expect(within(row).getByText('Công ty TNHH Tanaka Seiki')).toBeTruthy();
    expect(within(row).getByText('Nhật Bản')).toBeTruthy();
    expect(within(row).getByTestId('pending-marker').textContent).toBe('Chờ gửi');
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('1'));
    expect(within(badge()).getByText('1 chờ gửi')).toBeTruthy();

    // What was committed is exactly the form, as the shared schema shapes it.
    const listed = await call(core, 'records:list', { entity: 'employer' });
    expect(listed.rows[0]).toMatchObject({
      pending: true,
      serverVersion: null,
      data: { name: 'Công ty TNHH Tanaka Seiki', country: 'JP', contact: { phone: '+81 6 1234 5678', email: 'tuyendung@tanaka.co.jp' } },
    });

    // The badge opens the sync panel; "Sync now" sends the change.
    fireEvent.click(badge());
    await screen.findByRole('heading', { name: 'Đồng bộ' });
    await syncNow();
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('0'));
    expect(badge().getAttribute('data-connection')).toBe('online');
    const attempt = await screen.findByTestId('attempt-row');
    expect(attempt.getAttribute('data-outcome')).toBe('ok');
    expect(within(attempt).getByText('Thành công')).toBeTruthy();
    // dd/MM/yyyy HH:mm, as everywhere.
    expect(screen.getByTestId('sync-badge-last-success').textContent).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(within(screen.getByTestId('sync-attention')).getByText('Không có thay đổi nào bị từ chối.')).toBeTruthy();

    // Back to the list: no longer pending; found by a search without diacritics.
    window.location.hash = '#/enterprises';
    const synced = await screen.findByTestId('employer-row');
    await waitFor(() => expect(synced.getAttribute('data-pending')).toBe('false'));
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(field('Tìm chủ sử dụng'));
    type('Tìm chủ sử dụng', 'khong co ai');
    expect(await screen.findByText('Không có chủ sử dụng nào khớp “khong co ai”.')).toBeTruthy();
    type('Tìm chủ sử dụng', 'cong ty tnhh tanaka');
    await screen.findByTestId('employer-row');

    // Keyboard: into the list, Enter opens the selected row prefilled; the edit is pending again.
    fireEvent.keyDown(field('Tìm chủ sử dụng'), { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const edit = await dialog('Sửa chủ sử dụng — Công ty TNHH Tanaka Seiki');
    expect(field('Số đăng ký kinh doanh', edit).value).toBe('OS-1203');
    type('Lĩnh vực hoạt động', 'Cơ khí chính xác, đúc kim loại', edit);
    fireEvent.click(within(edit).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.getByTestId('employer-row').getAttribute('data-pending')).toBe('true'));
    expect(within(screen.getByTestId('employer-row')).getByText('Cơ khí chính xác, đúc kim loại')).toBeTruthy();
  }, 60_000);

  it('lists what the portal rejected with its reason; correct-and-resend and discard clear it', async () => {
    const admin = await portalCore(portal.url);
    await signIn(admin, portal.url, 'dn.admin');
    await setBranchRegisterContracts(admin, false);

    const branch = await portalCore(portal.url);
    await signIn(branch, portal.url, 'cn.hcm');
    renderApp(bridgeOverCore(branch), { hash: '#/enterprises' });

    fireEvent.click(await screen.findByRole('button', { name: 'Thêm chủ sử dụng' }));
    const form = await dialog('Thêm chủ sử dụng');
    await fillEmployer(form, { name: 'Công ty Kim Sa', address: '12 Umeda, Osaka', registrationNumber: 'OS-77', sector: 'Chế biến thực phẩm' });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('1'));

    fireEvent.click(badge());
    await screen.findByRole('heading', { name: 'Đồng bộ' });
    await syncNow();
    const rejected = await screen.findByTestId('attention-row', {}, { timeout: 5000 });
    expect(within(rejected).getByText('Chủ sử dụng')).toBeTruthy();
    expect(within(rejected).getByText('Công ty Kim Sa')).toBeTruthy();
    expect(within(rejected).getByTestId('attention-reason').textContent).toBe('Chi nhánh chưa được doanh nghiệp phân quyền chức năng này.');
    await waitFor(() => expect(badge().getAttribute('data-attention')).toBe('1'));
    expect(badge().getAttribute('data-pending')).toBe('0');
    expect((await screen.findByTestId('attempt-row')).getAttribute('data-outcome')).toBe('ok');

    // The enterprise grants the function; the branch corrects the name and resends.
    await setBranchRegisterContracts(admin, true);
    fireEvent.click(within(rejected).getByRole('button', { name: 'Sửa và gửi lại' }));
    const correction = await dialog('Sửa và gửi lại — Công ty Kim Sa');
    expect(field('Tên chủ sử dụng', correction).value).toBe('Công ty Kim Sa');
    expect(field('Số đăng ký kinh doanh', correction).value).toBe('OS-77');
    type('Tên chủ sử dụng', 'Công ty TNHH Kim Sa Osaka', correction);
    fireEvent.click(within(correction).getByRole('button', { name: 'Gửi lại' }));
    await waitFor(() => expect(screen.queryByTestId('attention-row')).toBeNull());
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('1'));
    await syncNow();
    await waitFor(() => expect(badge().getAttribute('data-pending')).toBe('0'));
    expect(badge().getAttribute('data-attention')).toBe('0');
    const employers = await call(branch, 'records:list', { entity: 'employer' });
    expect(employers.rows.map((row: { data: { name: string } }) => row.data.name)).toContain('Công ty TNHH Kim Sa Osaka');
    expect(employers.rows.find((row: { data: { name: string } }) => row.data.name === 'Công ty TNHH Kim Sa Osaka')).toMatchObject({ pending: false });

    // Revoked again: a new employer is rejected, and this time the branch discards it.
    await setBranchRegisterContracts(admin, false);
    await call(branch, 'records:commit', {
      kind: 'employer.upsert',
      payload: { id: crypto.randomUUID(), fields: { name: 'Công ty Bỏ Đi', country: 'KR', address: 'Busan', registrationNumber: 'BS-1', sector: 'Đóng tàu', contact: {} } },
    });
    await syncNow();
    const second = await screen.findByTestId('attention-row', {}, { timeout: 5000 });
    expect(within(second).getByText('Công ty Bỏ Đi')).toBeTruthy();
    fireEvent.click(within(second).getByRole('button', { name: 'Bỏ' }));
    const confirm = await dialog('Bỏ thay đổi này?');
    expect(within(confirm).getByText(/^Thay đổi “Công ty Bỏ Đi” sẽ bị bỏ/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(screen.queryByTestId('attention-row')).toBeNull());
    await waitFor(() => expect(badge().getAttribute('data-attention')).toBe('0'));
    const after = await call(branch, 'records:list', { entity: 'employer', search: 'bo di' });
    expect(after.total).toBe(0);
  }, 90_000);
});
