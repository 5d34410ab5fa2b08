// Settings page over a real core: client-side errors from the shared schema, core's issues mapped to fields.
import { fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedPortal } from '../../scripts/embedded-portal.mjs';
import { appErrorOf, ContractCallError, validationIssuesOf } from '../../src-renderer/src/bridge/contract-call';
import { toFormErrors } from '../../src-renderer/src/forms/settings-validation';
import { bridgeOverCore } from './core-bridge';
import { portalCore, signIn, startDemoPortal } from './demo-portal';
import { closeRealCores, createRealCore as openCore } from './real-core';
import { cleanup, renderApp } from './render-app';

// The settings page is inside the app, so behind the session gate: a signed-in account is needed.
let demoPortal: EmbeddedPortal;

beforeAll(async () => {
  demoPortal = await startDemoPortal();
}, 120_000);
afterEach(async () => {
  cleanup();
  await closeRealCores();
});
afterAll(async () => {
  await demoPortal?.stop();
});

describe('settings page', () => {
  it('shows what to enter next to each invalid field and saves valid values', async () => {
    const core = await portalCore(demoPortal.url);
    await signIn(core, demoPortal.url, 'dn.admin');
    renderApp(bridgeOverCore(core), { hash: '#/settings' });

    const portal = await screen.findByLabelText('Địa chỉ cổng thông tin');
    fireEvent.change(portal, { target: { value: 'ftp://portal' } });
    fireEvent.change(screen.getByLabelText('Thư viện PKCS#11 của USB token'), { target: { value: 'relative/lib.so' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(await screen.findByText(/^Hãy nhập địa chỉ bắt đầu bằng https:\/\/ \(ví dụ/)).toBeTruthy();
    expect(screen.getByText(/^Hãy nhập đường dẫn đầy đủ/)).toBeTruthy();

    fireEvent.change(portal, { target: { value: '  https://portal.example.gov.vn  ' } });
    fireEvent.change(screen.getByLabelText('Thư viện PKCS#11 của USB token'), { target: { value: '/usr/lib/libvnptca.so' } });
    // Ctrl+Enter submits, as in every form.
    fireEvent.keyDown(portal, { key: 'Enter', code: 'Enter', ctrlKey: true });
    expect(await screen.findByText(/^Đã lưu cài đặt lúc \d{2}:\d{2}\.$/)).toBeTruthy();

    const stored = await core.invoke('settings:get', {});
    expect(stored).toMatchObject({
      ok: true,
      value: { portalUrl: 'https://portal.example.gov.vn', pkcs11ModulePath: '/usr/lib/libvnptca.so' },
    });
  });

  it("maps core's VALIDATION_FAILED issues onto the fields they name", async () => {
    const core = await openCore();
    const result = await core.invoke('settings:set', { portalUrl: 'x'.repeat(3000), updateFeedUrl: 'nope' });
    if (result.ok) throw new Error('expected VALIDATION_FAILED');
    const issues = validationIssuesOf(appErrorOf(new ContractCallError(result.error)));
    const errors = toFormErrors(issues);
    expect(Object.keys(errors).sort()).toEqual(['portalUrl', 'updateFeedUrl']);

    render(<p>{errors.updateFeedUrl}</p>);
    expect(screen.getByText('Hãy nhập địa chỉ bắt đầu bằng https:// hoặc để trống.')).toBeTruthy();
  });
});
