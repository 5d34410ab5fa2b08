// The token and signing areas of the contract over a real core and a SoftHSM2 token: the library from
// Settings, tokens and certificates with MST and days left, a test signature with the PIN, verification.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { createTestCore, expectOk, removeTempDirs, tempDir } from '../helpers/temp-core';

let token: TestToken;
let core: Core;
const call = async <T = any>(method: string, input: unknown = {}) => expectOk((await core.invoke(method, input)) as never) as T;

beforeAll(async () => {
  const dir = tempDir('labordesk-signing-');
  token = await createTestToken(join(dir, 'token'));
  Object.assign(process.env, token.env);
  const trustDir = join(dir, 'trust');
  mkdirSync(trustDir);
  cpSync(token.caCertPem, join(trustDir, 'test-ca.pem'));
  core = await createTestCore({ trustDir });
  await call('settings:set', { pkcs11ModulePath: token.module });
});
afterAll(async () => {
  await core?.close();
  removeTempDirs();
});

describe('token and signing areas', () => {
  it('uses the library from Settings and lists the token and its certificates with MST and days left', async () => {
    const modules = await call('token:modules');
    expect(modules.selected).toBe(token.module);
    expect(modules.modules[0]).toMatchObject({ id: 'custom', path: token.module, present: true });
    const listed = await call('token:list');
    expect(listed.tokens.map((t: { label: string }) => t.label)).toContain('LaborDesk Test');
    const valid = listed.certificates.find((c: { id: string }) => c.id === token.certs.valid.id);
    expect(valid).toMatchObject({ tokenLabel: 'LaborDesk Test', partyId: 'MST:0101234567' });
    expect(valid.daysLeft).toBeGreaterThan(700);
    expect(listed.certificates.find((c: { id: string }) => c.id === token.certs.expired.id).daysLeft).toBeLessThan(0);
  });

  it('signs a test text with the PIN and verifies it; a wrong PIN says so; a changed text fails', async () => {
    const signed = await call('signing:test', { tokenLabel: 'LaborDesk Test', certificateId: token.certs.valid.id, pin: token.userPin, text: 'Thử ký số' });
    expect(signed.verdict).toMatchObject({ valid: true, message: 'Chữ ký số hợp lệ.', signer: { partyId: 'MST:0101234567' } });
    const wrong = await core.invoke('signing:test', { tokenLabel: 'LaborDesk Test', certificateId: token.certs.valid.id, pin: '000000', text: 'x' });
    expect(wrong.ok ? null : wrong.error.code).toBe('TOKEN_PIN_INCORRECT');
    const expired = await core.invoke('signing:test', { tokenLabel: 'LaborDesk Test', certificateId: token.certs.expired.id, pin: token.userPin, text: 'x' });
    expect(expired.ok ? null : expired.error.code).toBe('CERT_EXPIRED');
    const other = Buffer.from(JSON.stringify({ test: 'Thử ký số!' })).toString('base64');
    const verdict = await call('signing:verify', { p7s: signed.p7s, content: other });
    expect(verdict).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
    expect(verdict.message).toMatch(/Chữ ký số không hợp lệ/);
  });
});
