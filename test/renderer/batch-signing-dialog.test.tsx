// The batch-signing dialog over a fake signer (allowed in renderer component tests only): "Đang ký 3/10
// tệp" from progress events, "Dừng ký" cancelling its own task, and the end of a batch whose token was
// pulled out: the signed files with their .p7s, the unsigned ones and why, in Vietnamese and English.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaborDeskBridge, ProgressEvent, SignFilesOutput, TokenCertificateView } from '../../src-common/contract';
import type { Language } from '../../src-common/language';
import type { Result } from '../../src-common/result';
import { BridgeProvider } from '../../src-renderer/src/bridge/BridgeContext';
import { i18n, initI18n } from '../../src-renderer/src/i18n/i18n';
import { BatchSigningDialog, type PreparedBatch } from '../../src-renderer/src/pages/signing/BatchSigningDialog';
import type { PinState } from '../../src-renderer/src/pages/signing/PinEntryForm';

const certificate: TokenCertificateView = {
  tokenLabel: 'LaborDesk Test',
  id: '01',
  label: 'LaborDesk Test valid',
  subject: 'CN=Công ty TNHH Thử Nghiệm\nUID=MST:0101234567',
  issuer: 'CN=LaborDesk Test CA',
  serialNumber: '01',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2028-01-01T00:00:00.000Z',
  partyId: 'MST:0101234567',
  daysLeft: 400,
};
const names = Array.from({ length: 10 }, (_, i) => `ho-so-${i + 1}.pdf`);
const batch: PreparedBatch = { id: 'b1', certificate, files: names.map((name) => ({ name, content: 'JVBERi0=' })) };

/** A signer that answers when told to, with the progress listeners and the calls it got. */
function fakeSigner() {
  const calls: { method: string; input: any }[] = [];
  const listeners = new Set<(event: ProgressEvent) => void>();
  let answer: (result: Result<SignFilesOutput>) => void = () => undefined;
  const bridge: LaborDeskBridge = {
    invoke: ((method: string, input: unknown) => {
      calls.push({ method, input });
      if (method === 'signing:signFiles') return new Promise<Result<SignFilesOutput>>((resolve) => (answer = resolve));
      if (method === 'signing:cancel') return Promise.resolve({ ok: true, value: { cancelled: true } });
      return Promise.resolve({ ok: true, value: { modulePath: '', tokens: [], certificates: [] } });
    }) as LaborDeskBridge['invoke'],
    subscribe: ((topic: string, listener: (event: ProgressEvent) => void) => {
      if (topic !== 'progress') return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as LaborDeskBridge['subscribe'],
  };
  const taskId = () => calls.find((c) => c.method === 'signing:signFiles')!.input.taskId as string;
  return {
    bridge,
    calls,
    taskId,
    progress: (done: number) => act(() => listeners.forEach((l) => l({ taskId: taskId(), task: 'signing.files', done, total: 10, finished: false }))),
    finish: (result: SignFilesOutput) => act(async () => answer({ ok: true, value: result })),
  };
}

function renderDialog(bridge: LaborDeskBridge, language: Language = 'vi', pinState: PinState | null = null) {
  if (i18n.isInitialized) void i18n.changeLanguage(language);
  else initI18n(language);
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <BridgeProvider bridge={bridge}>
          <BatchSigningDialog batch={batch} pinState={pinState} onClose={() => undefined} />
        </BridgeProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

async function enterPin(pin: string, label = 'Mã PIN của USB token') {
  const field = await screen.findByLabelText(label);
  fireEvent.change(field, { target: { value: pin } });
  fireEvent.submit(field.closest('form')!);
}

afterEach(cleanup);

describe('batch-signing dialog', () => {
  it('shows "Đang ký 3/10 tệp" and stops its own task with Dừng ký', async () => {
    const signer = fakeSigner();
    renderDialog(signer.bridge);
    expect(screen.getByText('Số tệp cần ký: 10')).toBeTruthy();
    await enterPin('123456');
    // The PIN form is gone with the PIN: nothing on screen holds it while signing.
    expect(screen.queryByLabelText('Mã PIN của USB token')).toBeNull();
    expect(document.body.innerHTML).not.toContain('123456');
    expect(signer.calls[0]).toMatchObject({ method: 'signing:signFiles', input: { pin: '123456', tokenLabel: 'LaborDesk Test', certificateId: '01' } });

    signer.progress(3);
    const progress = screen.getByTestId('batch-progress');
    expect(progress.textContent).toContain('Đang ký 3/10 tệp');
    expect(progress.getAttribute('data-done')).toBe('3');
    // While signing there is no way to close the dialog: only Dừng ký ends the batch.
    expect(screen.queryByRole('button', { name: 'Đóng' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Dừng ký' }));
    expect(signer.calls.at(-1)).toEqual({ method: 'signing:cancel', input: { taskId: signer.taskId() } });
    expect(progress.textContent).toContain('Đang dừng');

    await signer.finish({ signed: names.slice(0, 4).map((name) => ({ name, p7s: 'MIIB', timestamped: false })), unsigned: names.slice(4), stoppedBy: { code: 'SIGNING_CANCELLED', message: '…' } });
    expect(screen.getByTestId('batch-summary').textContent).toBe('Đã ký 4 tệp; 6 tệp chưa ký vì bạn đã dừng ký.');
  });

  it('after a pulled-out token: the signed files to download, the unsigned ones and why', async () => {
    const signer = fakeSigner();
    renderDialog(signer.bridge);
    await enterPin('123456');
    signer.progress(7);
    await signer.finish({
      signed: names.slice(0, 7).map((name) => ({ name, p7s: 'MIIB', timestamped: false })),
      unsigned: names.slice(7),
      stoppedBy: { code: 'TOKEN_REMOVED', message: 'USB token đã bị rút ra' },
    });

    expect(screen.getByTestId('batch-summary').textContent).toBe('Đã ký 7 tệp; 3 tệp chưa ký vì thiết bị ký số đã bị rút ra.');
    const progress = screen.getByTestId('batch-progress');
    expect(progress.textContent).toContain('Đã ký 7/10 tệp');
    const downloads = screen.getAllByTestId('batch-signed-file').map((row) => within(row).getByRole('link'));
    expect(downloads).toHaveLength(7);
    expect(downloads[0]!.getAttribute('download')).toBe('ho-so-1.pdf.p7s');
    expect(downloads[0]!.getAttribute('aria-label')).toBe('Tải ho-so-1.pdf.p7s');
    expect(within(screen.getByTestId('batch-unsigned')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(names.slice(7));
    // The PIN went out once, in the call, and is shown nowhere.
    expect(document.body.innerHTML).not.toContain('123456');
  });

  it('says the same in English', async () => {
    const signer = fakeSigner();
    renderDialog(signer.bridge, 'en');
    await enterPin('123456', 'USB token PIN');
    signer.progress(3);
    expect(screen.getByTestId('batch-progress').textContent).toContain('Signing 3/10 files');
    expect(screen.getByRole('button', { name: 'Stop signing' })).toBeTruthy();
    await signer.finish({ signed: names.slice(0, 7).map((name) => ({ name, p7s: 'MIIB', timestamped: false })), unsigned: names.slice(7), stoppedBy: { code: 'TOKEN_REMOVED', message: '' } });
    expect(screen.getByTestId('batch-summary').textContent).toBe('Files signed: 7; not signed: 3, because the signing device was removed.');
    void i18n.changeLanguage('vi');
  });

  it('on a reader with a PIN pad asks for no PIN here: the token login is left to the reader', async () => {
    const signer = fakeSigner();
    renderDialog(signer.bridge, 'vi', { countLow: false, finalTry: false, locked: false, pinPad: true });
    expect(screen.getByTestId('pin-pad-hint').textContent).toContain('nhập mã PIN trên bàn phím của thiết bị');
    expect(screen.queryByLabelText('Mã PIN của USB token')).toBeNull();
    fireEvent.submit(screen.getByTestId('pin-pad-hint').closest('form')!);
    await act(async () => undefined);
    expect(signer.calls[0]).toMatchObject({ method: 'signing:signFiles', input: { pin: '' } });
  });
});
