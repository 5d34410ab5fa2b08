// Token sign-in: a one-time challenge signed on the SoftHSM2 token; the certificate's MST picks the
// enterprise administrator. Reused challenges, other CAs, unknown tax codes and expired certificates fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';
import { enterpriseProfile, signedInAccount } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

const companyTaxCode = '0100684378';
let signer: OpenTestToken;
let portal: TestPortal;
let adminAccountId: string;

beforeAll(async () => {
  signer = await openTestToken({ mst: companyTaxCode });
  portal = await startTestPortal({ trustedCertificates: signer.trustList() });
  const { id } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01') });
  adminAccountId = (await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: id })).accountId;
});
afterAll(async () => {
  signer?.close();
  await portal?.close();
  removeTempDirs();
});

async function signChallenge(challenge: string, which: 'valid' | 'expired' | 'otherMst' = 'valid') {
  return Buffer.from(await signer.sign(new TextEncoder().encode(challenge), which)).toString('base64');
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
    expect(again.body.error.code).toBe('TOKEN_SIGN_IN_CHALLENGE_EXPIRED');
  });

  it('refuses an expired certificate, a tax code with no account, a signature over something else, and an expired challenge', async () => {
    let challenge = await newChallenge();
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge, 'expired') } })).body.error.code).toBe('CERT_EXPIRED');
    challenge = await newChallenge();
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge, 'otherMst') } })).body.error.code).toBe(
      'TOKEN_SIGN_IN_NO_ACCOUNT',
    );
    challenge = await newChallenge();
    const other = await newChallenge();
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(other) } })).body.error.code).toBe('SIGNATURE_INVALID');
    challenge = await newChallenge();
    portal.clock.advance(6 * 60_000);
    expect((await portal.call('POST', '/api/v1/auth/token-login', { body: { challenge, signature: await signChallenge(challenge) } })).body.error.code).toBe(
      'TOKEN_SIGN_IN_CHALLENGE_EXPIRED',
    );
  });
});
