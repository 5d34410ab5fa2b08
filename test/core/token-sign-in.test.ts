// Token sign-in on the client, against the real portal on 127.0.0.1 and a SoftHSM2 token (nothing
// mocked): the portal's challenge signed on the token opens the same local session as a password does;
// a wrong PIN, an expired certificate (refused before any portal call) and an MST with no account each
// give their code; the PIN shows up in no log line, event or audit entry.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index';
import type { Logger } from '../../src-main/core/logger';
import { ACCOUNT_STORE_FILE, ACCOUNTS_DIR, profileIdOf } from '../../src-main/core/session/session.service';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { createTestCore, expectOk, removeTempDirs, tempDir } from '../helpers/temp-core';
import { enterpriseProfile, goodPassword, signedInAccount } from '../portal/helpers/org-fixtures';
import { startTestPortal, type TestPortal } from '../portal/helpers/portal-harness';

// The fixture's "valid" and "expired" certificates carry this enterprise's MST; its "otherMst" one
// (MST:0312345673) belongs to no enterprise on this portal.
const companyTaxCode = '0101234567';

let token: TestToken;
let portal: TestPortal;
let core: Core;
let dataDir: string;
let admin: { accountId: string; username: string };
const portalRequests: string[] = [];
const logLines: string[] = [];
const events: string[] = [];

const recordingLogger: Logger = {
  info: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
  warn: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
  error: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
};
const countingFetch: typeof fetch = (input, init) => {
  portalRequests.push(String(input instanceof Request ? input.url : input));
  return fetch(input, init);
};

const call = async <T = any>(method: string, input: unknown = {}) => expectOk((await core.invoke(method, input)) as never) as T;
const failureOf = async (method: string, input: unknown) => {
  const result = await core.invoke(method, input);
  if (result.ok) throw new Error(`expected ${method} to fail`);
  return result.error as { code: string; message: string; details?: any };
};
const tokenSignIn = (certificateId: string, pin: string) => ({ portalUrl: portal.url, tokenLabel: token.tokenLabel, certificateId, pin });

beforeAll(async () => {
  const dir = tempDir('labordesk-token-sign-in-');
  token = await createTestToken(join(dir, 'token'));
  // SoftHSM2 reads its configuration when the library is initialised.
  Object.assign(process.env, token.env);
  portal = await startTestPortal({ trustedCertificates: [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)] });
  const { id } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01') });
  admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: id });
  dataDir = tempDir('labordesk-token-sign-in-client-');
  core = await createTestCore({
    dataDir,
    portalUrl: portal.url,
    logger: recordingLogger,
    sync: { autoSync: false, requestTimeoutMs: 5000, fetch: countingFetch },
  });
  core.onEvent((topic, payload) => events.push(JSON.stringify({ topic, payload })));
  await call('settings:set', { pkcs11ModulePath: token.module });
}, 120_000);

afterAll(async () => {
  await core?.close();
  await portal?.close();
  removeTempDirs();
});

describe('token sign-in', () => {
  it('refuses an expired certificate before asking the portal anything', async () => {
    const before = portalRequests.length;
    const error = await failureOf('session:signInWithToken', tokenSignIn(token.certs.expired.id, token.userPin));
    expect(error.code).toBe('CERT_EXPIRED');
    expect(error.message).toBe('Chứng thư số đã hết hạn.');
    expect(portalRequests.length).toBe(before);
    expect((await call('session:status')).state).toBe('signedOut');
  });

  it('refuses a certificate whose MST names no account on the portal, with its own code', async () => {
    const error = await failureOf('session:signInWithToken', tokenSignIn(token.certs.otherMst.id, token.userPin));
    expect(error.code).toBe('TOKEN_SIGN_IN_NO_ACCOUNT');
    expect(error.details).toMatchObject({ partyId: 'MST:0312345673' });
    expect(error.message).toMatch(/không gắn với tài khoản quản trị doanh nghiệp/);
    expect((await call('session:status')).state).toBe('signedOut');
  });

  it('says TOKEN_PIN_INCORRECT for a wrong PIN, then signs in with the right one', async () => {
    const wrong = await failureOf('session:signInWithToken', tokenSignIn(token.certs.valid.id, '000000'));
    expect(wrong.code).toBe('TOKEN_PIN_INCORRECT');
    // The token's own retry flags come with it, for the PIN dialog's warning.
    expect(wrong.details).toMatchObject({ countLow: expect.any(Boolean), finalTry: expect.any(Boolean) });
    expect((await call('session:status')).state).toBe('signedOut');

    const requestsBefore = portalRequests.length;
    const status = await call('session:signInWithToken', tokenSignIn(token.certs.valid.id, token.userPin));
    expect(status).toMatchObject({ state: 'signedIn', portalUrl: portal.url, account: { id: admin.accountId, username: admin.username, role: 'enterpriseAdmin' } });
    expect(portalRequests.slice(requestsBefore).map((url) => new URL(url).pathname)).toEqual(['/api/v1/auth/token-challenge', '/api/v1/auth/token-login']);

    // The account's own encrypted store is open, and the portal session works for sync.
    const folder = join(dataDir, ACCOUNTS_DIR, profileIdOf(portal.url, admin.username));
    expect(existsSync(join(folder, ACCOUNT_STORE_FILE))).toBe(true);
    expect(await call('sync:run')).toMatchObject({ connection: 'online', lastError: null });
    expect(events.some((event) => event.includes('session:changed') && event.includes('"signedIn"'))).toBe(true);
  });

  it('uses the same account profile as a password sign-in, and never keeps or tells the PIN', async () => {
    await call('session:signOut');
    const status = await call('session:signIn', { portalUrl: portal.url, username: admin.username, password: goodPassword });
    expect(status.state).toBe('signedIn');
    expect(status.knownAccounts).toHaveLength(1);

    const audit = await call('audit:list', { limit: 50 });
    const signIns = audit.entries.filter((entry: { action: string }) => entry.action === 'session.signedIn');
    expect(signIns.length).toBe(2);
    expect(JSON.stringify(signIns)).toContain('"method":"token"');
    for (const text of [JSON.stringify(audit), ...logLines, ...events]) expect(text).not.toContain(token.userPin);
  });
});
