// CAdES-BES signatures made on a real SoftHSM2 token, checked by OpenSSL (including the ESS
// signing-certificate hash with -cades) against the test CA; a one-byte change fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadesBes } from '../../src-main/core/signing/cades';
import { Pkcs11Library, type TokenSession } from '../../src-main/core/token/pkcs11-token';
import { canonicalBytes } from '../../src-common/canonical-json';
import { verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { removeTempDirs, tempDir } from '../helpers/temp-core';

let token: TestToken;
let library: Pkcs11Library;
let session: TokenSession;
let dir: string;

beforeAll(async () => {
  dir = tempDir('labordesk-cades-');
  token = await createTestToken(join(dir, 'token'));
  Object.assign(process.env, token.env);
  library = new Pkcs11Library(token.module);
  library.load();
  session = library.login(token.tokenLabel, token.userPin);
});
afterAll(() => {
  session?.logout();
  library?.close();
  removeTempDirs();
});

const filing = { type: 'contractRegistration', title: 'Hợp đồng cung ứng số 12/2026', workers: [{ citizenId: '001090012345', fullName: 'Nguyễn Văn Đạt' }] };

async function signWith(which: 'valid' | 'ec' | 'expired' | 'otherMst', content: Uint8Array) {
  const cert = token.certs[which]!;
  return createCadesBes({
    content,
    certificateDer: readFileSync(cert.certDer),
    keyAlgorithm: cert.keyType === 'ec' ? 'ec' : 'rsa',
    signingTime: new Date(),
    sign: async (bytes) => session.sign(cert.id, Buffer.from(bytes), cert.keyType === 'ec' ? 'ECDSA' : 'SHA256_RSA_PKCS'),
  });
}

function opensslVerify(contentFile: string, p7sFile: string) {
  return spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-cades', '-content', contentFile, '-in', p7sFile, '-CAfile', token.caCertPem, '-purpose', 'any', '-out', '/dev/null'], {
    encoding: 'utf8',
  });
}

describe('CAdES-BES on the token', () => {
  it.each(['valid', 'ec'] as const)('signs a canonical filing that openssl cms -verify -cades accepts (%s key)', async (which) => {
    if (!token.certs[which]) return;
    const content = canonicalBytes(filing);
    const p7s = await signWith(which, content);
    writeFileSync(join(dir, `${which}.json`), content);
    writeFileSync(join(dir, `${which}.p7s`), p7s);
    const result = opensslVerify(join(dir, `${which}.json`), join(dir, `${which}.p7s`));
    expect(result.stderr).toContain('Verification successful');
    expect(result.status).toBe(0);
    // The signed attributes are all there.
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, `${which}.p7s`)], { encoding: 'utf8' });
    for (const name of ['contentType', 'signingTime', 'messageDigest', 'id-smime-aa-signingCertificateV2']) expect(printed).toContain(name);
  });

  it('fails when one byte of the filing changes', async () => {
    const content = canonicalBytes(filing);
    const p7s = await signWith('valid', content);
    const altered = Buffer.from(content);
    altered[10] = altered[10]! ^ 1;
    writeFileSync(join(dir, 'altered.json'), altered);
    writeFileSync(join(dir, 'altered.p7s'), p7s);
    const result = opensslVerify(join(dir, 'altered.json'), join(dir, 'altered.p7s'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/digest failure|content verify error|Verification failure/i);
  });
});

describe('the shared verifier (src-common/signing)', () => {
  const trusted = () => [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)];

  it('accepts a good signature and names the signer, MST and signing time', async () => {
    const content = canonicalBytes(filing);
    for (const which of ['valid', 'ec'] as const) {
      if (!token.certs[which]) continue;
      const verdict = await verifyCadesDetached(await signWith(which, content), content, { trustedCertificates: trusted(), expectedParty: 'MST:0101234567' });
      expect(verdict, which).toMatchObject({ valid: true, signer: { partyId: 'MST:0101234567', commonName: 'Công ty TNHH Thử Nghiệm' } });
    }
  });

  it('refuses a changed byte, an expired certificate, another MST, an untrusted chain and garbage, each with its code', async () => {
    const content = canonicalBytes(filing);
    const good = await signWith('valid', content);
    const altered = Uint8Array.from(content);
    altered[5] = altered[5]! ^ 1;
    const verify = (p7s: Uint8Array, data: Uint8Array, trust = trusted()) =>
      verifyCadesDetached(p7s, data, { trustedCertificates: trust, expectedParty: 'MST:0101234567' });
    expect((await verify(good, altered)).code).toBe('SIGNATURE_INVALID');
    expect((await verify(await signWith('expired', content), content)).code).toBe('CERT_EXPIRED');
    expect((await verify(await signWith('otherMst', content), content)).code).toBe('SIGNATURE_PARTY_MISMATCH');
    expect((await verify(good, content, [])).code).toBe('SIGNATURE_UNTRUSTED');
    expect((await verify(Uint8Array.of(1, 2, 3), content)).code).toBe('SIGNATURE_INVALID');
  });
});
