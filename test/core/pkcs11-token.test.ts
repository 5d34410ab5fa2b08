// The token layer against a real SoftHSM2 token built from scratch (test/fixtures): tokens, certificates
// with their MST, one login per batch, signatures that verify, wrong PIN, and a token "pulled out".
import { execFileSync } from 'node:child_process';
import { createPublicKey, createVerify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pkcs11js from 'pkcs11js';
import { Pkcs11Library, tokenMechanismFor } from '../../src-main/core/token/pkcs11-token';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { removeTempDirs, tempDir } from '../helpers/temp-core';

let token: TestToken;
let library: Pkcs11Library | null = null;

beforeAll(async () => {
  token = await createTestToken(tempDir('labordesk-softhsm-'));
  // SoftHSM2 reads its configuration when the library is initialised.
  Object.assign(process.env, token.env);
});
afterEach(() => {
  library?.close();
  library = null;
});
afterAll(() => removeTempDirs());

function openLibrary(): Pkcs11Library {
  library = new Pkcs11Library(token.module);
  library.load();
  return library;
}

const publicKeyOf = (pemFile: string) => new X509Certificate(readFileSync(pemFile)).publicKey;

describe('PKCS#11 token (SoftHSM2)', () => {
  it('lists the token and its certificates with the MST from the subject, without a PIN', () => {
    const lib = openLibrary();
    const [summary] = lib.tokens().filter((t) => t.label === token.tokenLabel);
    expect(summary).toMatchObject({ label: 'LaborDesk Test', manufacturer: 'SoftHSM project', hasPinPad: false, pin: { locked: false } });
    const certs = lib.certificates(token.tokenLabel);
    const byId = new Map(certs.map((c) => [c.id, c]));
    expect(byId.get(token.certs.valid.id)).toMatchObject({ partyId: 'MST:0101234567' });
    expect(byId.get(token.certs.otherMst.id)).toMatchObject({ partyId: 'MST:0312345673' });
    expect(byId.get(token.certs.valid.id)!.subject).toContain('Công ty TNHH Thử Nghiệm');
    expect(new Date(byId.get(token.certs.expired.id)!.validTo).getTime()).toBeLessThan(Date.now());
  });

  it('signs with one login for many signatures, and each verifies with the certificate', async () => {
    const lib = openLibrary();
    const session = lib.login(token.tokenLabel, token.userPin);
    try {
      for (let i = 0; i < 20; i += 1) {
        const data = Buffer.from(`Hồ sơ số ${i}`, 'utf8');
        const signature = await session.sign(token.certs.valid.id, data);
        expect(createVerify('sha256').update(data).verify(publicKeyOf(token.certs.valid.certPem), signature)).toBe(true);
      }
      if (token.certs.ec) {
        const data = Buffer.from('ECDSA', 'utf8');
        const raw = await session.sign(token.certs.ec.id, data, 'ECDSA');
        // PKCS#11 returns r||s; node verifies that form with dsaEncoding 'ieee-p1363'.
        const ok = createVerify('sha256').update(data).verify({ key: publicKeyOf(token.certs.ec.certPem), dsaEncoding: 'ieee-p1363' }, raw);
        expect(ok).toBe(true);
      }
    } finally {
      session.logout();
    }
  });

  it('says TOKEN_PIN_INCORRECT for a wrong PIN, and the right PIN works next', () => {
    const lib = openLibrary();
    expect(() => lib.login(token.tokenLabel, '000000')).toThrow(expect.objectContaining({ code: 'TOKEN_PIN_INCORRECT', details: expect.objectContaining({ countLow: expect.any(Boolean) }) }));
    const session = lib.login(token.tokenLabel, token.userPin);
    session.logout();
  });

  it('says TOKEN_KEY_NOT_FOUND for an unknown key id and TOKEN_NOT_FOUND for an unknown token', async () => {
    const lib = openLibrary();
    const session = lib.login(token.tokenLabel, token.userPin);
    await expect(session.sign('ffee', Buffer.from('x'))).rejects.toMatchObject({ code: 'TOKEN_KEY_NOT_FOUND' });
    session.logout();
    expect(() => lib.certificates('No Such Token')).toThrow(expect.objectContaining({ code: 'TOKEN_NOT_FOUND' }));
  });

  it('keeps what was signed when the token goes away mid-batch, and refuses the rest as TOKEN_REMOVED', async () => {
    const lib = openLibrary();
    const session = lib.login(token.tokenLabel, token.userPin);
    const signed: Buffer[] = [];
    const failures: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      // Finalising the module is the stand-in for a pulled-out token.
      if (i === 4) lib.close();
      try {
        signed.push(await session.sign(token.certs.valid.id, Buffer.from(`filing ${i}`)));
      } catch (error) {
        failures.push((error as { code: string }).code);
      }
    }
    expect(signed).toHaveLength(4);
    expect(failures).toEqual(Array(6).fill('TOKEN_REMOVED'));
    library = null;
  });

  it('signs with a CKA_ALWAYS_AUTHENTICATE key (the PIN again before each signature), and refuses an empty PIN without a PIN pad', async () => {
    // A key that wants a context-specific login for every use, as qualified-signature tokens have.
    execFileSync('pkcs11-tool', [
      '--module', token.module, '--token-label', token.tokenLabel, '--login', '--pin', token.userPin,
      '--keypairgen', '--key-type', 'rsa:2048', '--id', 'a1', '--label', 'always-auth', '--always-auth',
    ], { env: { ...process.env, ...token.env }, stdio: 'pipe' });
    const lib = openLibrary();
    const session = lib.login(token.tokenLabel, token.userPin);
    try {
      const publicKey = createPublicKey({
        key: Buffer.from(
          execFileSync('pkcs11-tool', ['--module', token.module, '--token-label', token.tokenLabel, '--read-object', '--type', 'pubkey', '--id', 'a1'], {
            env: { ...process.env, ...token.env },
          }),
        ),
        format: 'der',
        type: 'spki',
      });
      for (const text of ['thứ nhất', 'thứ hai', 'thứ ba']) {
        const signature = await session.sign('a1', Buffer.from(text));
        expect(createVerify('sha256').update(text).verify(publicKey, signature), text).toBe(true);
      }
    } finally {
      session.logout();
    }
    expect(() => lib.login(token.tokenLabel, '')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('signs through raw CKM_RSA_PKCS over a DigestInfo when a token lacks CKM_SHA256_RSA_PKCS: the same signature', async () => {
    expect(tokenMechanismFor('SHA256_RSA_PKCS', new Set([pkcs11js.CKM_RSA_PKCS, pkcs11js.CKM_SHA256_RSA_PKCS]))).toBe('CKM_SHA256_RSA_PKCS');
    expect(tokenMechanismFor('SHA256_RSA_PKCS', new Set([pkcs11js.CKM_RSA_PKCS]))).toBe('CKM_RSA_PKCS');
    expect(tokenMechanismFor('ECDSA', new Set([pkcs11js.CKM_ECDSA]))).toBe('CKM_ECDSA');
    expect(() => tokenMechanismFor('SHA256_RSA_PKCS', new Set([pkcs11js.CKM_ECDSA]))).toThrow(expect.objectContaining({ code: 'TOKEN_MECHANISM_UNSUPPORTED' }));
    const lib = openLibrary();
    const session = lib.login(token.tokenLabel, token.userPin);
    try {
      const data = Buffer.from('Hợp đồng cung ứng lao động số 15/2026');
      const viaHash = await session.sign(token.certs.valid.id, data, 'SHA256_RSA_PKCS', 'CKM_SHA256_RSA_PKCS');
      const viaRaw = await session.sign(token.certs.valid.id, data, 'SHA256_RSA_PKCS', 'CKM_RSA_PKCS');
      // RSA PKCS#1 v1.5 is deterministic: both routes give the very same bytes, which verify.
      expect(viaRaw.equals(viaHash)).toBe(true);
      expect(createVerify('sha256').update(data).verify(publicKeyOf(token.certs.valid.certPem), viaRaw)).toBe(true);
    } finally {
      session.logout();
    }
  });

  it('says TOKEN_MODULE_NOT_FOUND for a library that is not there', () => {
    expect(() => new Pkcs11Library('/nonexistent/libnothing.so').load()).toThrow(expect.objectContaining({ code: 'TOKEN_MODULE_NOT_FOUND' }));
  });
});
