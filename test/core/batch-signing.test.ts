// Batch signing on a SoftHSM2 token: one PIN for many filings, progress, cancel, a token pulled out
// mid-batch (module finalised) keeping the signed ones, and the pre-signing certificate checks.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { checkSigningCertificate, signBatch, type BatchItem } from '../../src-main/core/signing/batch-signer';
import { Pkcs11Library } from '../../src-main/core/token/pkcs11-token';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { removeTempDirs, tempDir } from '../helpers/temp-core';

let token: TestToken;
let library: Pkcs11Library | null = null;
let dir: string;

beforeAll(async () => {
  dir = tempDir('labordesk-batch-');
  token = await createTestToken(join(dir, 'token'));
  Object.assign(process.env, token.env);
});
afterEach(() => {
  library?.close();
  library = null;
});
afterAll(() => removeTempDirs());

function open() {
  library = new Pkcs11Library(token.module);
  library.load();
  return library;
}
const items = (n: number): BatchItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `f${i}`, content: filingSigningBytes({ filingId: crypto.randomUUID(), version: 1, type: 'workerUpdate', title: `Hồ sơ ${i}`, content: { i } }) }));
const certificate = (lib: Pkcs11Library, id: string) => lib.certificates(token.tokenLabel).find((c) => c.id === id)!;

describe('batch signing', () => {
  it('signs every filing with one PIN entry, reporting progress; each signature verifies', async () => {
    const lib = open();
    const batch = items(50);
    const progress: number[] = [];
    const outcome = await signBatch(batch, {
      library: lib,
      tokenLabel: token.tokenLabel,
      certificate: certificate(lib, token.certs.valid.id),
      pin: token.userPin,
      now: () => new Date(),
      onProgress: (done) => progress.push(done),
    });
    expect(outcome.unsigned).toEqual([]);
    expect(outcome.stoppedBy).toBeUndefined();
    expect(progress).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const trusted = [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)];
    for (const item of batch.slice(0, 10)) {
      const verdict = await verifyCadesDetached(Buffer.from(outcome.signed.get(item.id)!, 'base64'), item.content, {
        trustedCertificates: trusted,
        expectedParty: token.certs.valid.mst,
      });
      expect(verdict.valid).toBe(true);
    }
  });

  it('keeps the signed filings and leaves the rest untouched when the token goes away mid-batch', async () => {
    const lib = open();
    const batch = items(20);
    const outcome = await signBatch(batch, {
      library: lib,
      tokenLabel: token.tokenLabel,
      certificate: certificate(lib, token.certs.valid.id),
      pin: token.userPin,
      now: () => new Date(),
      // Finalising the PKCS#11 module after the 5th signature stands in for pulling the token out.
      onProgress: (done) => {
        if (done === 5) lib.close();
      },
    });
    expect(outcome.stoppedBy).toBe('TOKEN_REMOVED');
    expect([...outcome.signed.keys()]).toEqual(batch.slice(0, 5).map((i) => i.id));
    expect(outcome.unsigned).toEqual(batch.slice(5).map((i) => i.id));
    library = null;
  });

  it('stops on cancel, keeping what is signed', async () => {
    const lib = open();
    const controller = new AbortController();
    const outcome = await signBatch(items(30), {
      library: lib,
      tokenLabel: token.tokenLabel,
      certificate: certificate(lib, token.certs.valid.id),
      pin: token.userPin,
      now: () => new Date(),
      signal: controller.signal,
      onProgress: (done) => done === 10 && controller.abort(),
    });
    expect(outcome).toMatchObject({ stoppedBy: 'SIGNING_CANCELLED' });
    expect(outcome.signed.size).toBe(10);
    expect(outcome.unsigned).toHaveLength(20);
  });

  it('checks the certificate before asking the token anything: expired, weak key; a wrong PIN is TOKEN_PIN_INCORRECT', async () => {
    const lib = open();
    const options = { library: lib, tokenLabel: token.tokenLabel, pin: token.userPin, now: () => new Date() };
    await expect(signBatch(items(1), { ...options, certificate: certificate(lib, token.certs.expired.id) })).rejects.toMatchObject({ code: 'CERT_EXPIRED' });
    await expect(signBatch(items(1), { ...options, pin: '999999', certificate: certificate(lib, token.certs.valid.id) })).rejects.toMatchObject({
      code: 'TOKEN_PIN_INCORRECT',
    });
    const weakDer = execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-keyout', join(dir, 'weak.key'), '-subj', '/CN=weak', '-days', '10', '-outform', 'DER']);
    expect(() => checkSigningCertificate(new Uint8Array(weakDer), new Date())).toThrow(expect.objectContaining({ code: 'CERT_KEY_TOO_WEAK' }));
    expect(() => checkSigningCertificate(new Uint8Array(readFileSync(token.certs.valid.certDer)), new Date(Date.now() - 3 * 86_400_000))).toThrow(
      expect.objectContaining({ code: 'CERT_NOT_YET_VALID' }),
    );
  });
});
