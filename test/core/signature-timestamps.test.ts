// The client's CAdES-T upgrade against a real portal (PGlite) and a real encrypted account store: a
// filing signed on the SoftHSM2 token while the TSA could not be reached waits in the outbox, then on
// the next push gets the portal's timestamp (outbox row rewritten) and reaches the portal with it; a
// stale kept TSA certificate is replaced by the portal's current one. Nothing mocked; the "offline"
// TSA is a proxy dropping the TSA's connections.
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings } from '../../portal/src/db/schema';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { hasSignatureTimestamp, verifySignatureTimestamp } from '../../src-common/signing/timestamp';
import { verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { openStore } from '../../src-main/core/db/store';
import { EventBus } from '../../src-main/core/events/event-bus';
import { AccountContext } from '../../src-main/core/session/account-context';
import { HttpPortalClient } from '../../src-main/core/sync/portal-client';
import { TsaCertificateRepo } from '../../src-main/core/sync/tsa-certificate.repo';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { migrationsDir, newStoreKey, removeTempDirs, tempDir } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';
import { validContractRegistration } from '../fixtures/overseas-filings';
import { createEmployer, enterpriseProfile, goodPassword, signedInAccount } from '../portal/helpers/org-fixtures';
import { startTestPortal, type TestPortal } from '../portal/helpers/portal-harness';

const taxCode = '0100684378';
let signer: OpenTestToken;
let portal: TestPortal;
let proxy: FaultProxy;
let enterpriseId: string;
let tsaDer: Uint8Array;
const accounts: AccountContext[] = [];

/** The foreign employer the filings name (it must be the enterprise's own). */
let employerId: string;

beforeAll(async () => {
  signer = await openTestToken({ mst: taxCode });
  // The portal requires every filing to be signed by a certificate of the test CA.
  portal = await startTestPortal({ trustedCertificates: signer.trustList() });
  // The TSA stamps with the portal's clock: at the real time, since the token signs at the real time
  // (a timestamp earlier than the signing time is refused).
  portal.clock.advance(Date.now() - portal.clock.now().getTime());
  enterpriseId = (await portal.services.admin.createEnterprise({ taxCode, profile: enterpriseProfile('01', 'Công ty TNHH Thử Nghiệm') })).id;
  employerId = await createEmployer(portal, (await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId })).token);
  proxy = await startFaultProxy({ target: portal.url, seed: 5, faultRate: 0, mode: 'pass' });
  tsaDer = new Uint8Array(new X509Certificate(await (await fetch(`${portal.url}/api/v1/tsa/certificate`)).text()).raw);
}, 120_000);
afterAll(async () => {
  for (const account of accounts.splice(0)) await account.close();
  await proxy?.close();
  signer?.close();
  await portal?.close();
  removeTempDirs();
});

/** A signed-in account's own encrypted store and sync engine, talking to the portal through the proxy. */
async function openAccount(): Promise<AccountContext> {
  const { username } = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
  const login = await portal.call('POST', '/api/v1/auth/login', { body: { username, password: goodPassword } });
  const store = openStore({ file: join(tempDir('labordesk-cades-t-'), 'account.db'), key: newStoreKey(), migrationsDir });
  const language = () => 'vi' as const;
  const account = new AccountContext({
    profile: { id: login.body.account.id, portalUrl: proxy.url, username, displayName: username, folder: 'a', storeKey: '', active: 1, lastSignedInAt: '' },
    store,
    client: new HttpPortalClient({ baseUrl: proxy.url, timeoutMs: 3_000, language }),
    events: new EventBus(),
    now: () => new Date(),
    language,
    // Fixture filings name attachments by made-up hashes: push them without their bytes.
    engine: { pushBatch: 200, pullLimit: 1000, requireAttachmentBytes: false },
    scheduler: { periodMs: 3_600_000, debounceMs: 3_600_000, backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000 },
    random: () => 0.5,
    onRunFinished: () => {},
  });
  account.session.save({ portalUrl: proxy.url, token: login.body.token, expiresAt: login.body.expiresAt ?? null, account: login.body.account, mustChangePassword: false }, new Date().toISOString());
  accounts.push(account);
  return account;
}

/** A filing signed on the token as the signing page does it offline: CAdES-BES, no timestamp. */
async function commitSignedFiling(account: AccountContext, title: string) {
  const payload = { filingId: crypto.randomUUID(), version: 1, type: 'contractRegistration', title, content: validContractRegistration({ employerId }) };
  const signature = Buffer.from(await signer.sign(filingSigningBytes(payload))).toString('base64');
  const { mutationId } = account.local.commit('filing.submit', payload, signature);
  return { payload, signature, mutationId };
}

async function portalSignature(filingId: string): Promise<Uint8Array> {
  const [row] = await portal.database.db.select().from(filings).where(eq(filings.filingId, filingId));
  expect(row?.signature).toBeTruthy();
  return new Uint8Array(Buffer.from(row!.signature!, 'base64'));
}

describe('CAdES-T upgrade of the outbox', () => {
  it('keeps an offline-signed filing unpushed while the TSA is unreachable, then timestamps and pushes it', async () => {
    const account = await openAccount();
    const first = await commitSignedFiling(account, 'Hồ sơ ký khi mất mạng 01');
    const second = await commitSignedFiling(account, 'Hồ sơ ký khi mất mạng 02');
    // Another kind of mutation, unsigned, goes through the same push untouched.
    account.local.commit('employer.upsert', { id: crypto.randomUUID(), fields: { name: 'Công ty Sato', country: 'JP', address: 'Osaka', registrationNumber: 'OS-1', sector: 'Xây dựng', contact: {} } });

    // The TSA's connections are dropped: the run ends offline and nothing leaves the outbox unstamped.
    proxy.setIntercept((request) => (request.path.startsWith('/api/v1/tsa') ? { kind: 'resetBefore' } : undefined));
    const offline = await account.scheduler.runNow();
    expect(offline).toMatchObject({ outcome: 'offline', error: { code: 'SYNC_OFFLINE' }, pushed: 0 });
    expect(account.outbox.counts()).toEqual({ pending: 3, rejected: 0 });
    expect(account.outbox.byId(first.mutationId)?.signature).toBe(first.signature);

    // Back online: both signatures get the timestamp in one pass, then everything is pushed.
    proxy.setIntercept(undefined);
    const online = await account.scheduler.runNow();
    expect(online).toMatchObject({ outcome: 'ok', error: null, pushed: 3, applied: 3, rejected: 0 });
    expect(account.outbox.counts()).toEqual({ pending: 0, rejected: 0 });

    for (const filing of [first, second]) {
      const stored = await portalSignature(filing.payload.filingId);
      expect(hasSignatureTimestamp(stored)).toBe(true);
      const timestamp = await verifySignatureTimestamp(stored, [tsaDer]);
      expect(timestamp).toMatchObject({ valid: true, tsaName: 'LaborDesk Portal TSA' });
      // The signed part is the one made on the token: the CAdES-BES verifies as before.
      expect(await verifyCadesDetached(stored, filingSigningBytes(filing.payload), { trustedCertificates: signer.trustList(), expectedParty: `MST:${taxCode}` })).toMatchObject({ valid: true });
    }
    // The TSA certificate the client fetched is kept in the account's store.
    expect(Buffer.from(new TsaCertificateRepo(account.store.sqlite).get()!).equals(Buffer.from(tsaDer))).toBe(true);
  }, 60_000);

  it('replaces a stale kept TSA certificate with the portal’s current one', async () => {
    const account = await openAccount();
    const certificates = new TsaCertificateRepo(account.store.sqlite);
    // What a client would hold after the portal's TSA key changed: some other certificate.
    certificates.put(signer.trustList()[0]!, new Date().toISOString());
    const filing = await commitSignedFiling(account, 'Hồ sơ sau khi cổng đổi khoá TSA');

    const upgraded = await account.timestamps.upgradePending(account.session.get()!.token!);
    expect(upgraded).toEqual({ stamped: 1, skipped: [] });
    expect(Buffer.from(certificates.get()!).equals(Buffer.from(tsaDer))).toBe(true);
    const signature = new Uint8Array(Buffer.from(account.outbox.byId(filing.mutationId)!.signature!, 'base64'));
    expect(await verifySignatureTimestamp(signature, [tsaDer])).toMatchObject({ valid: true });
    // A second pass finds nothing left to stamp and asks the TSA nothing.
    const before = proxy.stats.requests;
    expect(await account.timestamps.upgradePending(account.session.get()!.token!)).toEqual({ stamped: 0, skipped: [] });
    expect(proxy.stats.requests).toBe(before);
  }, 60_000);
});
