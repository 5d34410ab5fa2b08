// Token sign-in: a one-time challenge signed on the SoftHSM2 token; the certificate's MST picks the
// enterprise administrator. Reused challenges, other CAs, unknown tax codes and expired certificates fail.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadesBes } from '../../src-main/core/signing/cades';
import { Pkcs11Library, type TokenSession } from '../../src-main/core/token/pkcs11-token';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { removeTempDirs, tempDir } from '../helpers/temp-core';
import { enterpriseProfile, signedInAccount } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

const companyTaxCode = '0100684378';
let token: TestToken;
let library: Pkcs11Library;
let session: TokenSession;
let portal: TestPortal;
let adminAccountId: string;

beforeAll(async () => {
  token = await createTestToken(join(tempDir('labordesk-token-login-'), 'token'), { mst: companyTaxCode });
  Object.assign(process.env, token.env);
  library = new Pkcs11Library(token.module);
  library.load();
  session = library.login(token.tokenLabel, token.userPin);
  portal = await startTestPortal({ trustedCertificates: [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)] });
  const { id } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01') });
  adminAccountId = (await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: id })).accountId;
});
afterAll(async () => {
  session?.logout();
  library?.close();
  await portal?.close();
  removeTempDirs();
});

async function signChallenge(challenge: string, which: 'valid' | 'expired' | 'otherMst' = 'valid') {
  const cert = token.certs[which]!;
  const p7s = await createCadesBes({
    content: new TextEncoder().encode(challenge),
    certificateDer: readFileSync(cert.certDer),
    keyAlgorithm: 'rsa',
    signingTime: new Date(),
    sign: async (bytes) => session.sign(cert.id, Buffer.from(bytes)),
  });
  return Buffer.from(p7s).toString('base64');
}
const newChallenge = async () => (await portal.call('POST', '/api/v1/auth/token-challenge')).body.challenge as string;

describe(`token sign-in (${storageKind})`, () => {
  it('signs in as the enterprise administrator whose tax code is on the certificate', async () => {
    const challenge = await newChallenge();
    const answer = await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge) } });
    expect(answer.status).toBe(200);
    expect(answer.body.account).toMatchObject({ id: adminAccountId, role: 'enterpriseAdmin' });
    expect((await portal.call('GET', '/api/v1/sync/pull', { token: answer.body.token })).status).toBe(200);
    // A challenge is good once.
    const again = await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge) } });
    expect(again.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses an expired certificate, a tax code with no account, a signature over something else, and an expired challenge', async () => {
    let challenge = await newChallenge();
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge, 'expired') } })).body.error.code).toBe('CERT_EXPIRED');
    challenge = await newChallenge();
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge, 'otherMst') } })).body.error.code).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
    challenge = await newChallenge();
    const other = await newChallenge();
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(other) } })).body.error.code).toBe('SIGNATURE_INVALID');
    challenge = await newChallenge();
    portal.clock.advance(6 * 60_000);
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge) } })).body.error.code).toBe(
      'AUTH_INVALID_CREDENTIALS',
    );
  });
});
