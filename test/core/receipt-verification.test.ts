// The client checks the portal's receipts on pulled filings, against the real portal on 127.0.0.1 and a
// real encrypted account store: a signed filing pushed and pulled back has a valid receipt, under the
// key pinned on first use; a receipt or filing altered in the local store, or a receipt from the portal
// after its key changed, is flagged invalid and kept; a changed key is a warning until accepted.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalMeta } from '../../portal/src/db/schema';
import { buildPortal, type Portal } from '../../portal/src/server';
import type { LocalRecord } from '../../src-common/contract';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { openStore, type Store } from '../../src-main/core/db/store';
import { EventBus } from '../../src-main/core/events/event-bus';
import { LocalChanges } from '../../src-main/core/sync/local-changes';
import { OutboxRepo } from '../../src-main/core/sync/outbox.repo';
import { HttpPortalClient } from '../../src-main/core/sync/portal-client';
import { ReceiptChecker } from '../../src-main/core/sync/receipt-checker';
import { ReceiptKeysRepo } from '../../src-main/core/sync/receipt-keys.repo';
import { RecordsRepo } from '../../src-main/core/sync/records.repo';
import { SyncEngine } from '../../src-main/core/sync/sync-engine';
import { SyncStateRepo } from '../../src-main/core/sync/sync-state.repo';
import { createTestCore, expectOk, migrationsDir, newStoreKey, removeTempDirs, tempDir } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';
import { validContractRegistration } from '../fixtures/overseas-filings';
import { createEmployer, enterpriseProfile, goodPassword, signedInAccount } from '../portal/helpers/org-fixtures';
import { startTestPortal, type TestPortal } from '../portal/helpers/portal-harness';

const companyTaxCode = '0100684380';
let signer: OpenTestToken;
let portal: TestPortal;
/** The portal now answering on portal.url (replaced when its receipt key changes). */
let serving: Portal;
let enterpriseId: string;
let client: { store: Store; records: RecordsRepo; keys: ReceiptKeysRepo; receipts: ReceiptChecker; local: LocalChanges; engine: SyncEngine };

/** The foreign employer the filings name (it must be the enterprise's own). */
let employerId: string;

beforeAll(async () => {
  signer = await openTestToken({ mst: companyTaxCode });
  portal = await startTestPortal({ trustedCertificates: signer.trustList() });
  serving = portal;
  ({ id: enterpriseId } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01', 'Công ty TNHH Biên Nhận') }));
  const admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
  employerId = await createEmployer(portal, admin.token);

  // One account's client side, as AccountContext wires it, over a real encrypted store.
  const store = openStore({ file: join(tempDir('labordesk-receipts-'), 'account.db'), key: newStoreKey(), migrationsDir });
  const records = new RecordsRepo(store.sqlite);
  const outbox = new OutboxRepo(store.sqlite);
  const now = () => new Date();
  const local = new LocalChanges(store, records, outbox, now);
  const portalClient = new HttpPortalClient({ baseUrl: portal.url, timeoutMs: 5000, language: () => 'vi' });
  const keys = new ReceiptKeysRepo(store.sqlite);
  const receipts = new ReceiptChecker({ store, keys, fetchKey: () => portalClient.receiptKey(), now });
  const engine = new SyncEngine(
    {
      store,
      client: portalClient,
      records,
      outbox,
      state: new SyncStateRepo(store.sqlite),
      local,
      events: new EventBus(),
      now,
      language: () => 'vi',
      token: () => admin.token,
      receipts,
    },
    { pushBatch: 100, pullLimit: 100 },
  );
  client = { store, records, keys, receipts, local, engine };
});
afterAll(async () => {
  client?.store.close();
  signer?.close();
  if (serving !== portal) await serving.app.close();
  await portal?.close();
  removeTempDirs();
});

const filingPayload = (title: string) => ({
  filingId: crypto.randomUUID(),
  version: 1,
  type: 'contractRegistration' as const,
  title,
  content: validContractRegistration({ employerId }),
});

/** Signs the filing on the token, commits it in the client and syncs (push, then pull). */
async function submitAndSync(payload: ReturnType<typeof filingPayload>) {
  const signature = Buffer.from(await signer.sign(filingSigningBytes(payload))).toString('base64');
  client.local.commit('filing.submit', payload, signature);
  const run = await client.engine.run();
  expect(run).toMatchObject({ outcome: 'ok', rejected: 0 });
}

function filingRecord(filingId: string): LocalRecord {
  const rows = client.records.list('filing', undefined, 1000, 0).rows;
  const found = rows.find((r) => r.data.id === filingId);
  if (!found) throw new Error(`filing ${filingId} not in the local store`);
  return found;
}

const publishedKey = async () => (await portal.call('GET', '/api/v1/portal/receipt-key')).body as { keyId: string; publicKeyPem: string };
const spkiOf = (pem: string) => Buffer.from(createPublicKey(pem).export({ type: 'spki', format: 'der' })).toString('base64');

let first: ReturnType<typeof filingPayload>;

describe('receipts on pulled filings', () => {
  it('marks the receipt of a pushed signed filing valid when it comes back by pull, pinning the portal key on first use', async () => {
    expect(client.keys.all()).toEqual([]);
    first = filingPayload('Đăng ký hợp đồng cung ứng 07/2026');
    await submitAndSync(first);
    const record = filingRecord(first.filingId);
    expect(record).toMatchObject({ receiptStatus: 'valid', pending: false, data: { receipt: { filingId: first.filingId } } });
    const key = await publishedKey();
    expect(client.keys.all()).toEqual([expect.objectContaining({ keyId: key.keyId, spki: spkiOf(key.publicKeyPem), state: 'pinned' })]);
  });

  it('shows the receipt status through the contract (records:list) in a full core', async () => {
    const core = await createTestCore({ portalUrl: portal.url, sync: { autoSync: false, requestTimeoutMs: 5000 } });
    try {
      const account = await portal.services.admin.createAccount({ username: 'bien.nhan', displayName: 'Lê Văn Nhận', role: 'enterpriseAdmin', enterpriseId });
      expectOk(await core.invoke('session:signIn', { portalUrl: portal.url, username: 'bien.nhan', password: account.temporaryPassword }));
      expectOk(await core.invoke('session:changePassword', { currentPassword: account.temporaryPassword, newPassword: goodPassword }));
      expectOk(await core.invoke('sync:run', {}));
      const { rows } = expectOk(await core.invoke('records:list', { entity: 'filing', limit: 10, offset: 0 })) as { rows: LocalRecord[] };
      expect(rows.find((r) => r.data.id === first.filingId)?.receiptStatus).toBe('valid');
    } finally {
      await core.close();
    }
  });

  it('flags a receipt or filing altered in the local store as invalid, and keeps it', async () => {
    const id = `${first.filingId}:1`;
    const original = client.records.get('filing', id)!.serverData!;
    const tamper = (sql: string) => client.store.write(() => client.store.sqlite.prepare(`UPDATE records SET server_data = ${sql} WHERE entity = 'filing' AND id = ?`).run(id));

    tamper(`json_set(server_data, '$.receipt.receivedAt', '2020-01-01T00:00:00.000Z')`);
    expect(await client.receipts.recheckStored(client.records)).toEqual({ valid: 0, invalid: 1, unverified: 0 });
    expect(filingRecord(first.filingId)).toMatchObject({ receiptStatus: 'invalid', data: { receipt: { receivedAt: '2020-01-01T00:00:00.000Z' } } });

    // The receipt untouched, the filing changed: the receipt no longer acknowledges it.
    client.store.write(() => client.store.sqlite.prepare("UPDATE records SET server_data = ? WHERE entity = 'filing' AND id = ?").run(original, id));
    tamper(`json_set(server_data, '$.content.workerCount', 20)`);
    await client.receipts.recheckStored(client.records);
    expect(filingRecord(first.filingId).receiptStatus).toBe('invalid');

    client.store.write(() => client.store.sqlite.prepare("UPDATE records SET server_data = ? WHERE entity = 'filing' AND id = ?").run(original, id));
    expect(await client.receipts.recheckStored(client.records)).toEqual({ valid: 1, invalid: 0, unverified: 0 });
  });

  it('flags receipts signed after the portal’s key changed, warns, and trusts the new key only once accepted', async () => {
    // The same portal (URL, database, sessions) restarted with another receipt key.
    const port = Number(new URL(portal.url).port);
    await serving.app.close();
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const value = {
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    await portal.database.db.update(portalMeta).set({ value }).where(eq(portalMeta.key, 'receiptKey'));
    // As startTestPortal: the fixture filings name attachments by hash without uploading their bytes.
    serving = await buildPortal({ database: portal.database, clock: portal.clock, trustedCertificates: signer.trustList(), requireAttachmentBytes: false });
    await serving.app.listen({ host: '127.0.0.1', port });

    const second = filingPayload('Đăng ký hợp đồng cung ứng 08/2026');
    await submitAndSync(second);
    expect(filingRecord(second.filingId)).toMatchObject({ receiptStatus: 'invalid', data: { receipt: { filingId: second.filingId } } });
    expect(filingRecord(first.filingId).receiptStatus).toBe('valid');
    const changed = await publishedKey();
    expect(client.keys.pinned().map((k) => k.spki)).not.toContain(spkiOf(changed.publicKeyPem));
    expect(client.keys.unaccepted()).toEqual([expect.objectContaining({ keyId: changed.keyId, spki: spkiOf(changed.publicKeyPem) })]);

    // The user accepts the new key (after checking it with the portal): old and new receipts verify.
    expect(client.keys.accept(spkiOf(changed.publicKeyPem), new Date().toISOString())).toBe(true);
    expect(await client.receipts.recheckStored(client.records)).toEqual({ valid: 2, invalid: 0, unverified: 0 });
  });
});
