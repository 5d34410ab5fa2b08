// signing:signFiles and signing:cancel over a real core and a SoftHSM2 token: one login signs many files,
// progress events count them, a cancel keeps what was signed, and the PIN appears in no event or answer.
import { X509Certificate, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src-common/contract';
import type { Core } from '../../src-main/core/index';
import { verifySignatureTimestamp } from '../../src-common/signing/timestamp';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { enterpriseProfile, goodPassword, signedInAccount } from '../portal/helpers/org-fixtures';
import { startTestPortal } from '../portal/helpers/portal-harness';
import { createTestCore, expectOk, removeTempDirs, tempDir } from '../helpers/temp-core';

let token: TestToken;
let core: Core;
const events: { topic: string; payload: unknown }[] = [];
const call = async <T = any>(method: string, input: unknown = {}) => expectOk((await core.invoke(method, input)) as never) as T;

beforeAll(async () => {
  const dir = tempDir('labordesk-sign-files-');
  token = await createTestToken(join(dir, 'token'));
  Object.assign(process.env, token.env);
  const trustDir = join(dir, 'trust');
  mkdirSync(trustDir);
  cpSync(token.caCertPem, join(trustDir, 'test-ca.pem'));
  core = await createTestCore({ trustDir });
  core.onEvent((topic, payload) => events.push({ topic, payload }));
  await call('settings:set', { pkcs11ModulePath: token.module });
});
afterAll(async () => {
  await core?.close();
  removeTempDirs();
});

/** n small files of distinct contents, as the renderer sends them (base64). */
const filesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Hồ sơ ${String(i + 1).padStart(2, '0')}.pdf`,
    content: Buffer.from(`%PDF-1.4 tệp thử số ${i + 1} ${randomUUID()}`).toString('base64'),
  }));

const progressOf = (taskId: string) =>
  events.filter((e) => e.topic === 'progress' && (e.payload as ProgressEvent).taskId === taskId).map((e) => e.payload as ProgressEvent);

const signInput = (taskId: string, files: { name: string; content: string }[]) => ({
  tokenLabel: token.tokenLabel,
  certificateId: token.certs.valid.id,
  pin: token.userPin,
  taskId,
  files,
});

describe('signing:signFiles', () => {
  it('signs 20 files after one login, with progress 1..20, and every .p7s verifies against its file', async () => {
    const taskId = randomUUID();
    const files = filesOf(20);
    const result = await call('signing:signFiles', signInput(taskId, files));

    expect(result.unsigned).toEqual([]);
    expect(result.stoppedBy).toBeUndefined();
    expect(result.signed.map((s: { name: string }) => s.name)).toEqual(files.map((f) => f.name));

    const progress = progressOf(taskId);
    expect(progress.every((p) => p.task === 'signing.files' && p.total === 20)).toBe(true);
    const counts = progress.filter((p) => !p.finished).map((p) => p.done);
    expect(counts).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(progress.at(-1)).toMatchObject({ done: 20, finished: true });
    expect(progress.filter((p) => p.finished)).toHaveLength(1);

    for (const index of [0, 9, 19]) {
      const verdict = await call('signing:verify', { p7s: result.signed[index].p7s, content: files[index]!.content });
      expect(verdict).toMatchObject({ valid: true, signer: { partyId: 'MST:0101234567' } });
    }
    // A signature belongs to its own file only.
    const crossed = await call('signing:verify', { p7s: result.signed[0].p7s, content: files[1]!.content });
    expect(crossed.valid).toBe(false);
  });

  it('stops on cancel mid-way: the signed files are kept, the rest come back unsigned', async () => {
    const taskId = randomUUID();
    const files = filesOf(20);
    // Cancel as soon as the fifth file is reported signed.
    const stop = core.onEvent((topic, payload) => {
      const event = payload as ProgressEvent;
      if (topic === 'progress' && event.taskId === taskId && event.done === 5 && !event.finished) void core.invoke('signing:cancel', { taskId });
    });
    const result = await call('signing:signFiles', signInput(taskId, files));
    stop();

    expect(result.stoppedBy).toMatchObject({ code: 'SIGNING_CANCELLED', message: expect.stringContaining('Đã dừng ký') });
    expect(result.signed.length).toBeGreaterThanOrEqual(5);
    expect(result.signed.length).toBeLessThan(20);
    const signedNames = result.signed.map((s: { name: string }) => s.name);
    expect(signedNames).toEqual(files.slice(0, signedNames.length).map((f) => f.name));
    expect(result.unsigned).toEqual(files.slice(signedNames.length).map((f) => f.name));
    const last = result.signed.length - 1;
    const verdict = await call('signing:verify', { p7s: result.signed[last].p7s, content: files[last]!.content });
    expect(verdict.valid).toBe(true);
    expect(progressOf(taskId).at(-1)).toMatchObject({ done: result.signed.length, total: 20, finished: true });

    // The batch is over: nothing left to cancel.
    expect(await call('signing:cancel', { taskId })).toEqual({ cancelled: false });
  });

  it('refuses a wrong PIN, duplicate names and oversized batches; the PIN is in no event or answer', async () => {
    const taskId = randomUUID();
    const wrong = await core.invoke('signing:signFiles', { ...signInput(taskId, filesOf(2)), pin: '987654' });
    expect(wrong.ok ? null : wrong.error.code).toBe('TOKEN_PIN_INCORRECT');
    expect(progressOf(taskId).at(-1)).toMatchObject({ done: 0, finished: true });

    const [file] = filesOf(1);
    const duplicate = await core.invoke('signing:signFiles', signInput(randomUUID(), [file!, file!]));
    expect(duplicate.ok ? null : duplicate.error.code).toBe('VALIDATION_FAILED');
    const tooMany = await core.invoke('signing:signFiles', signInput(randomUUID(), filesOf(201)));
    expect(tooMany.ok ? null : tooMany.error.code).toBe('VALIDATION_FAILED');
    const withFolder = await core.invoke('signing:signFiles', signInput(randomUUID(), [{ name: '../hoso.pdf', content: file!.content }]));
    expect(withFolder.ok ? null : withFolder.error.code).toBe('VALIDATION_FAILED');
    const extraField = await core.invoke('signing:signFiles', { ...signInput(randomUUID(), [file!]), rememberPin: true });
    expect(extraField.ok ? null : extraField.error.code).toBe('VALIDATION_FAILED');

    // Every event so far and every answer, searched for the PINs (signatures left out: base64 could
    // hold six such digits by chance, and a signature cannot carry the PIN anyway).
    const answer = expectOk((await core.invoke('signing:signFiles', signInput(randomUUID(), filesOf(3)))) as never) as { signed: { name: string }[] };
    const answers = { answer: { ...answer, signed: answer.signed.map((s) => s.name) }, wrong, duplicate, tooMany, withFolder, extraField };
    const seen = JSON.stringify({ events, answers });
    expect(events.length).toBeGreaterThan(30);
    expect(seen).not.toContain(token.userPin);
    expect(seen).not.toContain('987654');
    expect(seen).not.toMatch(/"pin"/i);
  });

  it('signed in and online: each signed file carries the portal’s timestamp (CAdES-T) that verifies against its TSA', async () => {
    const portal = await startTestPortal({ trustedCertificates: [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)] });
    try {
      // The TSA stamps with the portal's clock: the real time, since the token signs at the real time.
      portal.clock.advance(Date.now() - portal.clock.now().getTime());
      const { id: enterpriseId } = await portal.services.admin.createEnterprise({ taxCode: '0100684378', profile: enterpriseProfile('01') });
      const { username } = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
      await call('session:signIn', { portalUrl: portal.url, username, password: goodPassword });
      const files = filesOf(3);
      const answer = await call<{ signed: { name: string; p7s: string; timestamped: boolean }[] }>('signing:signFiles', signInput(randomUUID(), files));
      expect(answer.signed.map((f) => f.timestamped)).toEqual([true, true, true]);
      const tsaDer = new Uint8Array(new X509Certificate(await (await fetch(`${portal.url}/api/v1/tsa/certificate`)).text()).raw);
      for (const [i, file] of answer.signed.entries()) {
        const p7s = new Uint8Array(Buffer.from(file.p7s, 'base64'));
        expect(await verifySignatureTimestamp(p7s, [tsaDer])).toMatchObject({ valid: true, tsaName: 'LaborDesk Portal TSA' });
        // And the verifier page's check shows the timestamp as checked (the account keeps the TSA certificate).
        const verdict = await call('signing:verify', { p7s: file.p7s, content: files[i]!.content });
        expect(verdict).toMatchObject({ valid: true, timestamp: { verified: true, tsaName: 'LaborDesk Portal TSA' } });
      }
      await call('session:signOut', {});
    } finally {
      await portal.close();
    }
  }, 60_000);
});

