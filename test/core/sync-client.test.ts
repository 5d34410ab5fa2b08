// The client's sign-in, outbox and sync against the real portal on 127.0.0.1 (PGlite), nothing mocked.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src-main/core/index';
import { validContractRegistration } from '../fixtures/overseas-filings';
import { createEmployer, createOrganisation, goodPassword, signedInAccount, type TestOrganisation } from '../portal/helpers/org-fixtures';
import { startTestPortal, type TestPortal } from '../portal/helpers/portal-harness';
import { createTestCore, expectOk, newStoreKey, removeTempDirs, tempDir } from '../helpers/temp-core';

let portal: TestPortal;
let org: TestOrganisation;
const cores: Core[] = [];

/** The foreign employer the contract registrations name (it must be the enterprise's own). */
let employerId: string;

beforeAll(async () => {
  portal = await startTestPortal();
  org = await createOrganisation(portal, '01');
  employerId = await createEmployer(portal, org.admin.token);
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});
afterAll(async () => {
  await portal?.close();
  removeTempDirs();
});

async function client(options: { dataDir?: string; storeKey?: Buffer; fetch?: typeof fetch } = {}) {
  const core = await createTestCore({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.storeKey ? { key: { kind: 'fixed', storeKey: options.storeKey } } : {}),
    portalUrl: portal.url,
    sync: { autoSync: false, requestTimeoutMs: 3000, ...(options.fetch ? { fetch: options.fetch } : {}) },
  });
  cores.push(core);
  return core;
}
const call = async <T = any>(core: Core, method: string, input: unknown = {}) => expectOk((await core.invoke(method, input)) as never) as T;

async function newAdmin() {
  const created = await portal.services.admin.createAccount({
    username: `client.${Math.random().toString(36).slice(2, 8)}`,
    displayName: 'Ngô Thị Lan',
    role: 'enterpriseAdmin',
    enterpriseId: org.enterpriseId,
  });
  return { username: created.account.username, temporaryPassword: created.temporaryPassword };
}

async function signedIn(core: Core) {
  const admin = await newAdmin();
  await call(core, 'session:signIn', { portalUrl: portal.url, username: admin.username, password: admin.temporaryPassword });
  await call(core, 'session:changePassword', { currentPassword: admin.temporaryPassword, newPassword: goodPassword });
  return admin;
}

const employer = (id: string, name = 'Công ty Sato Kogyo') => ({
  kind: 'employer.upsert',
  payload: { id, fields: { name, country: 'JP', address: 'Osaka', registrationNumber: 'OS-1', sector: 'Xây dựng', contact: {} } },
});

describe('sign-in', () => {
  it('forces the first-login password change, then opens the account', async () => {
    const core = await client();
    expect((await call(core, 'session:status')).state).toBe('signedOut');
    const admin = await newAdmin();
    const first = await call(core, 'session:signIn', { portalUrl: portal.url, username: admin.username, password: admin.temporaryPassword });
    expect(first.state).toBe('passwordChangeRequired');
    const refused = await core.invoke('session:changePassword', { currentPassword: admin.temporaryPassword, newPassword: 'weak' });
    expect(refused.ok ? null : refused.error.code).toBe('PASSWORD_POLICY');
    const done = await call(core, 'session:changePassword', { currentPassword: admin.temporaryPassword, newPassword: goodPassword });
    expect(done).toMatchObject({ state: 'signedIn', account: { username: admin.username, role: 'enterpriseAdmin' } });
  });

  it('says plainly when the password is wrong, the account is locked, or the portal cannot be reached', async () => {
    const core = await client();
    const admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: org.enterpriseId });
    const wrong = await core.invoke('session:signIn', { portalUrl: portal.url, username: admin.username, password: 'Sai-mat-khau-1' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    for (let i = 0; i < 4; i += 1) await core.invoke('session:signIn', { portalUrl: portal.url, username: admin.username, password: `Sai-${i}-mat-khau` });
    const locked = await core.invoke('session:signIn', { portalUrl: portal.url, username: admin.username, password: goodPassword });
    expect(locked.ok ? null : locked.error).toMatchObject({ code: 'AUTH_ACCOUNT_LOCKED', details: { retryAfterSeconds: expect.any(Number) } });
    const away = await core.invoke('session:signIn', { portalUrl: 'http://127.0.0.1:9', username: admin.username, password: goodPassword });
    expect(away.ok ? null : away.error.code).toBe('SYNC_OFFLINE');
    expect((await call(core, 'session:status')).state).toBe('signedOut');
  });
});

describe('outbox and sync', () => {
  it('commits locally with the outbox entry, pushes, and another client pulls the portal’s version', async () => {
    const a = await client();
    await signedIn(a);
    const id = crypto.randomUUID();
    const committed = await call(a, 'records:commit', employer(id));
    expect(committed.record).toMatchObject({ id, pending: true, serverVersion: null, data: { name: 'Công ty Sato Kogyo' } });
    expect(await call(a, 'sync:status')).toMatchObject({ pending: 1 });
    const after = await call(a, 'sync:run');
    expect(after).toMatchObject({ connection: 'online', pending: 0, needsAttention: 0 });
    const mine = await call(a, 'records:list', { entity: 'employer', search: 'sato' });
    expect(mine.rows).toEqual([expect.objectContaining({ id, pending: false, serverVersion: 1 })]);

    const b = await client();
    await signedIn(b);
    await call(b, 'sync:run');
    const theirs = await call(b, 'records:list', { entity: 'employer', search: 'SATO kogyo' });
    expect(theirs.rows.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('never lets a rejected mutation block the ones behind it; it waits in needs-attention', async () => {
    const core = await client();
    await signedIn(core);
    // A filing version 2 without a version 1: the portal refuses it, for good.
    const bad = { kind: 'filing.submit', payload: { filingId: crypto.randomUUID(), version: 2, type: 'contractRegistration', title: 'Hồ sơ lạc', content: validContractRegistration({ employerId }) } };
    await call(core, 'records:commit', bad);
    const goodId = crypto.randomUUID();
    await call(core, 'records:commit', employer(goodId, 'Công ty Phía Sau'));
    const status = await call(core, 'sync:run');
    expect(status).toMatchObject({ pending: 0, needsAttention: 1 });
    const attention = await call(core, 'sync:attention');
    expect(attention).toEqual([expect.objectContaining({ kind: 'filing.submit', error: expect.objectContaining({ code: 'VERSION_CONFLICT' }) })]);
    expect((await call(core, 'records:list', { entity: 'filing' })).rows).toEqual([]);
    expect((await call(core, 'records:list', { entity: 'employer', search: 'phia sau' })).rows[0]).toMatchObject({ pending: false });

    // Corrected (version 1) and resubmitted: it goes through under a new id.
    const fixed = { ...(attention[0].payload as object), version: 1 };
    await call(core, 'sync:resubmit', { id: attention[0].id, payload: fixed });
    expect(await call(core, 'sync:run')).toMatchObject({ pending: 0, needsAttention: 0 });
    expect((await call(core, 'records:list', { entity: 'filing' })).rows).toHaveLength(1);
  });

  it('discards a rejected mutation on request, audited, and the record goes back to the portal’s version', async () => {
    const core = await client();
    await signedIn(core);
    const id = crypto.randomUUID();
    await call(core, 'records:commit', employer(id, 'Tên gốc'));
    await call(core, 'sync:run');
    // A filing whose version skips ahead: refused by the portal for good.
    await call(core, 'records:commit', { kind: 'filing.submit', payload: { filingId: crypto.randomUUID(), version: 3, type: 'periodicReport', title: 'Sai', content: {} } });
    await call(core, 'sync:run');
    const [item] = await call(core, 'sync:attention');
    expect((await core.invoke('sync:discard', { id: 'no-such-id' })).ok).toBe(false);
    expect(await call(core, 'sync:discard', { id: item.id })).toMatchObject({ needsAttention: 0, pending: 0 });
    const audit = await call(core, 'audit:list', { limit: 20 });
    expect(audit.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'sync.discarded', details: expect.objectContaining({ mutation: item.id }) })]));
    expect((await call(core, 'records:list', { entity: 'employer', search: 'ten goc' })).rows[0]).toMatchObject({ id, pending: false });
  });

  it('closes an entry from the pull when the push answer was lost, and a failing push never blocks the pull', async () => {
    let loseAnswers = true;
    const lossyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (loseAnswers && String(input).includes('/sync/push')) {
        await response.text();
        throw new TypeError('fetch failed: connection reset after the request was sent');
      }
      return response;
    };
    const core = await client({ fetch: lossyFetch });
    await signedIn(core);
    const id = crypto.randomUUID();
    await call(core, 'records:commit', employer(id, 'Câu trả lời bị mất'));
    const status = await call(core, 'sync:run');
    // The push "failed", but the pull ran and found the change the portal made from it.
    expect(status).toMatchObject({ pending: 0, needsAttention: 0, connection: 'offline', lastError: { code: 'SYNC_OFFLINE' } });
    expect((await call(core, 'records:list', { entity: 'employer', search: 'bi mat' })).rows[0]).toMatchObject({ id, pending: false, serverVersion: 1 });
    loseAnswers = false;
    expect((await call(core, 'sync:run')).connection).toBe('online');
    const applied = await portal.database.db.query.appliedMutations.findMany();
    expect(applied.filter((m) => m.kind === 'employer.upsert').length).toBeGreaterThan(0);
  });

  it('asks to sign in again after a 401 without touching the outbox, then carries on', async () => {
    const core = await client();
    const admin = await signedIn(core);
    await call(core, 'records:commit', employer(crypto.randomUUID(), 'Chờ phiên mới'));
    // An administrator's reset ends every session of the account on the portal.
    const accounts = await portal.services.admin.listAccounts();
    const accountId = accounts.find((a) => a.username === admin.username)!.id;
    const reset = await portal.services.admin.resetPassword(accountId);
    const status = await call(core, 'sync:run');
    expect(status).toMatchObject({ connection: 'needsSignIn', pending: 1 });
    expect((await call(core, 'session:status')).state).toBe('needsSignIn');
    expect((await call(core, 'records:list', { entity: 'employer', search: 'cho phien moi' })).rows).toHaveLength(1);

    const again = await call(core, 'session:signIn', { portalUrl: portal.url, username: admin.username, password: reset.temporaryPassword });
    expect(again.state).toBe('passwordChangeRequired');
    await call(core, 'session:changePassword', { currentPassword: reset.temporaryPassword, newPassword: 'Mật-khẩu-Mới-2027' });
    expect(await call(core, 'sync:run')).toMatchObject({ connection: 'online', pending: 0 });
  });

  it('starts offline with the cached session and keeps working; sign-out keeps pending work', async () => {
    const dataDir = tempDir();
    const storeKey = newStoreKey();
    const first = await client({ dataDir, storeKey });
    const admin = await signedIn(first);
    const id = crypto.randomUUID();
    await call(first, 'records:commit', employer(id, 'Trước khi tắt máy'));
    await call(first, 'sync:run');
    await first.close();
    cores.splice(cores.indexOf(first), 1);

    const offline = await createTestCore({ dataDir, key: { kind: 'fixed', storeKey }, portalUrl: 'http://127.0.0.1:9', sync: { autoSync: false, requestTimeoutMs: 1000 } });
    cores.push(offline);
    expect(await call(offline, 'session:status')).toMatchObject({ state: 'signedIn', account: { username: admin.username } });
    await call(offline, 'records:commit', employer(crypto.randomUUID(), 'Làm khi mất mạng'));
    expect((await call(offline, 'records:list', { entity: 'employer' })).total).toBeGreaterThanOrEqual(2);
    const status = await call(offline, 'sync:run');
    // The account keeps its own portal address; this one is reachable, so the pending change went out.
    expect(status.pending).toBe(0);
    await call(offline, 'records:commit', employer(crypto.randomUUID(), 'Còn chờ gửi'));
    expect((await call(offline, 'session:signOut')).state).toBe('signedOut');
    expect((await offline.invoke('records:list', { entity: 'employer' })).ok).toBe(false);
    // Signing back in reopens the same folder with the pending change still there.
    await call(offline, 'session:signIn', { portalUrl: portal.url, username: admin.username, password: goodPassword });
    expect((await call(offline, 'sync:status')).pending).toBe(1);
  });

  it('keeps each portal account in its own encrypted folder', async () => {
    const dataDir = tempDir();
    const core = await client({ dataDir });
    const first = await signedIn(core);
    await call(core, 'records:commit', employer(crypto.randomUUID(), 'Chỉ của người thứ nhất'));
    await call(core, 'session:signOut');
    await signedIn(core);
    expect((await call(core, 'records:list', { entity: 'employer', search: 'nguoi thu nhat' })).total).toBe(0);
    const folders = readdirSync(join(dataDir, 'accounts'));
    expect(folders).toHaveLength(2);
    expect((await call(core, 'session:status')).knownAccounts.map((a: { username: string }) => a.username)).toContain(first.username);
  });
});
