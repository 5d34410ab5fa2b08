// Sign-in, forced password change, expired session and sign-out over a real core and the real portal.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bridgeOverCore } from './core-bridge';
import { adminInitialPassword, call, demoPassword, portalCore, signIn } from './demo-portal';
import { demoPortalForFile } from './demo-portal-hooks';
import { renderApp } from './render-app';

const portal = demoPortalForFile();

/** A text or password input by its label (Mantine's password toggle and radios carry labels too). */
function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input:not([type="radio"])' });
}
function type(label: string, value: string) {
  fireEvent.change(field(label), { target: { value } });
}
function click(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('session gate', () => {
  it('signs in after a wrong password, shows the app with the sync badge, and signs out to a list of known accounts', async () => {
    const core = await portalCore(portal.url);
    renderApp(bridgeOverCore(core));

    await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' });
    // The configured portal is proposed.
    expect(field('Địa chỉ cổng trung tâm').value).toBe(portal.url);
    click('Đăng nhập');
    expect(await screen.findByText('Hãy nhập tên đăng nhập do quản trị cấp.')).toBeTruthy();
    expect(screen.getByText('Hãy nhập mật khẩu.')).toBeTruthy();

    type('Tên đăng nhập', 'dn.admin');
    type('Mật khẩu', 'không đúng mật khẩu');
    click('Đăng nhập');
    expect(await screen.findByText('Tên đăng nhập hoặc mật khẩu không đúng.')).toBeTruthy();
    expect(field('Mật khẩu').value).toBe('');

    type('Mật khẩu', demoPassword);
    click('Đăng nhập');
    const badge = await screen.findByTestId('sync-badge', {}, { timeout: 5000 });
    await waitFor(() => expect(badge.getAttribute('data-pending')).toBe('0'));
    expect(['online', 'offline', 'syncing']).toContain(badge.getAttribute('data-connection'));
    expect(screen.getByRole('link', { name: /Doanh nghiệp/ })).toBeTruthy();
    expect(screen.queryByTestId('session-expired-banner')).toBeNull();

    fireEvent.click(screen.getByTestId('account-menu'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Đăng xuất' }));
    await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' });
    // The account that has data here is offered, and already filled in.
    const known = screen.getByRole('region', { name: 'Tài khoản đã dùng trên máy này' });
    expect(within(known).getByText('Nguyễn Văn An (quản trị doanh nghiệp)')).toBeTruthy();
    expect(field('Tên đăng nhập').value).toBe('dn.admin');
    expect((await call(core, 'session:status')).state).toBe('signedOut');
  }, 30_000);

  it('says how long a locked account stays locked', async () => {
    const core = await portalCore(portal.url);
    // Four wrong passwords before the screen opens; the fifth, typed on it, locks the account.
    for (let i = 0; i < 4; i += 1) await core.invoke('session:signIn', { portalUrl: portal.url, username: 'cb.hanoi', password: `Sai-${i}-mat-khau` });
    renderApp(bridgeOverCore(core));
    await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' });
    type('Tên đăng nhập', 'cb.hanoi');
    type('Mật khẩu', 'vẫn sai mật khẩu');
    click('Đăng nhập');
    const notice = await screen.findByTestId('account-locked', {}, { timeout: 5000 });
    // The portal locks for 15 minutes.
    expect(notice.textContent).toMatch(/^Tài khoản tạm khoá, thử lại sau 15 phút \(lúc \d{2}:\d{2}\)\.$/);

    // Even the right password is refused while locked, and the notice says so again.
    type('Mật khẩu', demoPassword);
    click('Đăng nhập');
    await waitFor(() => expect(screen.getByTestId('account-locked').textContent).toMatch(/thử lại sau 1[45] phút/));
  }, 30_000);

  it('checks the portal address and says when the portal cannot be reached', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    const unreachable = 'http://127.0.0.1:9';
    const core = await portalCore(unreachable);
    renderApp(bridgeOverCore(core));
    await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' });

    type('Địa chỉ cổng trung tâm', 'cong.example.gov.vn');
    type('Tên đăng nhập', 'dn.admin');
    type('Mật khẩu', demoPassword);
    click('Đăng nhập');
    expect(await screen.findByText(/^Hãy nhập địa chỉ bắt đầu bằng https:\/\//)).toBeTruthy();

    type('Địa chỉ cổng trung tâm', unreachable);
    type('Mật khẩu', demoPassword);
    click('Đăng nhập');
    expect(
      await screen.findByText(
        `Không kết nối được cổng trung tâm tại ${unreachable}. Hãy kiểm tra địa chỉ và kết nối mạng rồi thử lại.`,
        {},
        { timeout: 8000 },
      ),
    ).toBeTruthy();
  }, 30_000);

  it('makes a temporary password be changed, checking the policy before sending', async () => {
    const core = await portalCore(portal.url);
    renderApp(bridgeOverCore(core));
    await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' });
    type('Tên đăng nhập', 'admin');
    type('Mật khẩu', adminInitialPassword);
    click('Đăng nhập');

    await screen.findByRole('heading', { name: 'Đổi mật khẩu' }, { timeout: 5000 });
    expect(screen.getByText('Tài khoản admin đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới để tiếp tục.')).toBeTruthy();
    type('Mật khẩu hiện tại (mật khẩu tạm thời)', adminInitialPassword);
    type('Mật khẩu mới', 'admin123');
    type('Nhập lại mật khẩu mới', 'admin1234');
    click('Đổi mật khẩu');
    const policy = await screen.findByTestId('password-policy');
    const state = (rule: string) => policy.querySelector(`[data-rule="${rule}"]`)?.getAttribute('data-state');
    await waitFor(() => expect(state('tooShort')).toBe('unmet'));
    expect(state('tooFewKinds')).toBe('unmet');
    expect(state('containsUsername')).toBe('unmet');
    expect(state('sameAsCurrent')).toBe('met');
    expect(screen.getByText('Hai lần nhập chưa giống nhau; hãy nhập lại cho khớp.')).toBeTruthy();

    // A good new password, but the wrong current one: the portal's answer lands on that field.
    const newPassword = 'Mật-Khẩu-Mới-2026';
    type('Mật khẩu hiện tại (mật khẩu tạm thời)', 'không phải mật khẩu tạm');
    type('Mật khẩu mới', newPassword);
    type('Nhập lại mật khẩu mới', newPassword);
    await waitFor(() => expect(state('tooShort')).toBe('met'));
    click('Đổi mật khẩu');
    expect(await screen.findByText('Mật khẩu hiện tại không đúng.', {}, { timeout: 5000 })).toBeTruthy();

    type('Mật khẩu hiện tại (mật khẩu tạm thời)', adminInitialPassword);
    click('Đổi mật khẩu');
    await screen.findByTestId('sync-badge', {}, { timeout: 5000 });
    expect(screen.getByTestId('account-menu').getAttribute('aria-label')).toBe('Tài khoản: Quản trị hệ thống');
    expect((await call(core, 'session:status')).state).toBe('signedIn');
  }, 30_000);

  it('keeps the app open when the session expires, with a banner to sign in again', async () => {
    const core = await portalCore(portal.url);
    await signIn(core, portal.url, 'cb.cuc');
    renderApp(bridgeOverCore(core), { hash: '#/sync' });
    await screen.findByRole('heading', { name: 'Đồng bộ' });

    // The same account changes its password elsewhere: the portal ends every session, this one included.
    const elsewhere = await portalCore(portal.url);
    await signIn(elsewhere, portal.url, 'cb.cuc');
    const newPassword = 'Cuc-Quan-Ly-2026!';
    await call(elsewhere, 'session:changePassword', { currentPassword: demoPassword, newPassword });

    fireEvent.click(screen.getByRole('button', { name: /Đồng bộ ngay/ }));
    const banner = await screen.findByTestId('session-expired-banner', {}, { timeout: 8000 });
    expect(within(banner).getByText('Phiên đăng nhập đã hết hạn — đăng nhập lại')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('sync-badge').getAttribute('data-connection')).toBe('needsSignIn'));
    // The page under the banner is still there.
    expect(screen.getByRole('heading', { name: 'Đồng bộ' })).toBeTruthy();

    const password = within(banner).getByLabelText('Mật khẩu', { selector: 'input' });
    fireEvent.change(password, { target: { value: demoPassword } });
    fireEvent.click(within(banner).getByRole('button', { name: 'Đăng nhập lại' }));
    expect(await within(banner).findByText('Tên đăng nhập hoặc mật khẩu không đúng.', {}, { timeout: 5000 })).toBeTruthy();

    fireEvent.change(password, { target: { value: newPassword } });
    fireEvent.click(within(banner).getByRole('button', { name: 'Đăng nhập lại' }));
    await waitFor(() => expect(screen.queryByTestId('session-expired-banner')).toBeNull(), { timeout: 5000 });
    expect((await call(core, 'session:status')).state).toBe('signedIn');
  }, 40_000);
});
