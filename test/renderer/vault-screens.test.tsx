// Vault screens over a real core: first-run setup with a passphrase, the recovery key shown once, unlock;
// after the vault the session gate takes over (sign-in, tested in session-screens.test.tsx).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index';
import { bridgeOverCore } from './core-bridge';
import { closeRealCores, createRealCore, tempDataDir as tempDir } from './real-core';
import { cleanup, renderApp } from './render-app';

const passphrase = 'một câu mật khẩu đủ dài';

afterEach(async () => {
  cleanup();
  await closeRealCores();
});

/** A desktop-like core without an OS keychain: the vault asks for a passphrase. */
function vaultCore(dataDir: string): Promise<Core> {
  return createRealCore({ dataDir, key: { kind: 'vault', osKeychain: null } });
}

/** Types into a text or password field (the method switch's radios carry the same labels). */
function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { selector: 'input:not([type="radio"])' }), { target: { value } });
}

describe('vault screens', () => {
  it('sets up with a passphrase, shows the recovery key once, then hands over to the sign-in', async () => {
    const core = await vaultCore(tempDir());
    renderApp(bridgeOverCore(core));

    await screen.findByRole('heading', { name: 'Khởi tạo kho dữ liệu' });
    type('Mật khẩu', 'ngắn');
    type('Nhập lại mật khẩu', 'khác');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo kho dữ liệu' }));
    expect(await screen.findByText('Mật khẩu cần ít nhất 12 ký tự; hãy nhập dài hơn.')).toBeTruthy();
    expect(screen.getByText('Hai lần nhập chưa giống nhau; hãy nhập lại cho khớp.')).toBeTruthy();

    type('Mật khẩu', passphrase);
    type('Nhập lại mật khẩu', passphrase);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo kho dữ liệu' }));

    const key = await screen.findByTestId('recovery-key');
    expect(key.textContent).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/);
    const continueButton = screen.getByRole('button', { name: 'Tiếp tục' });
    expect(continueButton.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('Tôi đã lưu khoá khôi phục'));
    await waitFor(() => expect(continueButton.hasAttribute('disabled')).toBe(false));
    fireEvent.click(continueButton);

    // The vault opened the device store; with no account signed in, the session asks for one.
    expect(await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' })).toBeTruthy();
    expect(screen.queryByTestId('recovery-key')).toBeNull();
  });

  it('unlocks a locked store with the passphrase after a wrong one, or with the recovery key', async () => {
    const dataDir = tempDir();
    const first = await vaultCore(dataDir);
    const setup = await first.invoke('vault:setup', { passphrase });
    if (!setup.ok) throw new Error(setup.error.code);
    const { recoveryKey } = setup.value as { recoveryKey: string };
    await first.close();

    const locked = await vaultCore(dataDir);
    const view = renderApp(bridgeOverCore(locked));
    await screen.findByRole('heading', { name: 'Mở khoá kho dữ liệu' });
    type('Mật khẩu', 'sai mật khẩu rồi nhé');
    fireEvent.click(screen.getByRole('button', { name: 'Mở khoá' }));
    expect(await screen.findByText('Mật khẩu hoặc khoá khôi phục không đúng.')).toBeTruthy();

    type('Mật khẩu', passphrase);
    fireEvent.click(screen.getByRole('button', { name: 'Mở khoá' }));
    expect(await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' })).toBeTruthy();
    view.unmount();
    await locked.close();

    const lockedAgain = await vaultCore(dataDir);
    renderApp(bridgeOverCore(lockedAgain));
    await screen.findByRole('heading', { name: 'Mở khoá kho dữ liệu' });
    fireEvent.click(screen.getByRole('radio', { name: 'Khoá khôi phục' }));
    type('Khoá khôi phục', recoveryKey.toLowerCase());
    fireEvent.click(screen.getByRole('button', { name: 'Mở khoá' }));
    expect(await screen.findByRole('heading', { name: 'Đăng nhập cổng trung tâm' })).toBeTruthy();
  });
});
