// Shared by the sync tests: a real portal on 127.0.0.1 with an enterprise and its admins, real client
// cores in temp folders talking to it (through fault proxies), and reads of the portal's own tables.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { appliedMutations, employers } from '../../portal/src/db/schema';
import { createCore, type Core } from '../../src-main/core/index';
import type { SyncConfig } from '../../src-main/core/core.types';
import type { LocalRecord, SyncStatus } from '../../src-common/contract';
import { createOrganisation, goodPassword, signedInAccount } from '../portal/helpers/org-fixtures';
import { startTestPortal, type TestPortal } from '../portal/helpers/portal-harness';
import { expectOk, migrationsDir, tempDir } from '../helpers/temp-core';

export { expectOk, goodPassword, migrationsDir, tempDir };
export { employerFields, seededUuid } from './employer-plan';

/** A portal for sync tests: logins are not rate-limited (many clients sign in from 127.0.0.1). */
export function startSyncPortal(): Promise<TestPortal> {
  return startTestPortal({ loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
}

export interface SyncEnterprise {
  enterpriseId: string;
  admins: { username: string; accountId: string }[];
}

/** An enterprise with `admins` enterprise-admin accounts, each with its first password change done. */
export async function enterpriseWithAdmins(portal: TestPortal, admins: number): Promise<SyncEnterprise> {
  const org = await createOrganisation(portal, '79');
  const accounts = [];
  for (let i = 0; i < admins; i += 1) {
    const account = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: org.enterpriseId });
    accounts.push({ username: account.username, accountId: account.accountId });
  }
  return { enterpriseId: org.enterpriseId, admins: accounts };
}

/** Sync timing for tests: short timeouts and backoff, so faults cost milliseconds, not minutes. */
export const fastSync: SyncConfig = {
  requestTimeoutMs: 2_000,
  periodMs: 500,
  debounceMs: 20,
  backoffBaseMs: 20,
  backoffMaxMs: 300,
};

export interface TestClient {
  core: Core;
  dataDir: string;
  storeKey: Buffer;
  invoke<T = unknown>(method: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A real core over a real encrypted store in its own folder; `invoke` unwraps the Result or throws. */
export async function startClient(options: { portalUrl: string; sync?: SyncConfig; dataDir?: string; storeKey?: Buffer }): Promise<TestClient> {
  const dataDir = options.dataDir ?? tempDir('labordesk-sync-');
  const storeKey = options.storeKey ?? randomBytes(32);
  const core = await createCore({
    appVersion: '0.0.0-test',
    shell: 'web',
    dataDir,
    migrationsDir,
    key: { kind: 'fixed', storeKey },
    portalUrl: options.portalUrl,
    sync: options.sync ?? fastSync,
  });
  return {
    core,
    dataDir,
    storeKey,
    invoke: async <T>(method: string, input: unknown = {}) => expectOk(await core.invoke(method, input)) as T,
    close: () => core.close(),
  };
}

export async function signIn(client: TestClient, portalUrl: string, username: string): Promise<void> {
  const status = await client.invoke<{ state: string }>('session:signIn', { portalUrl, username, password: goodPassword });
  if (status.state !== 'signedIn') throw new Error(`sign-in of ${username} ended in state ${status.state}`);
}

export const syncStatus = (client: TestClient) => client.invoke<SyncStatus>('sync:status');
export const syncRun = (client: TestClient) => client.invoke<SyncStatus>('sync:run');

/** Every local record of an entity, all pages. */
export async function allRecords(client: TestClient, entity: 'employer'): Promise<LocalRecord[]> {
  const rows: LocalRecord[] = [];
  for (;;) {
    const page = await client.invoke<{ rows: LocalRecord[]; total: number }>('records:list', { entity, limit: 500, offset: rows.length });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export interface PortalEmployer {
  id: string;
  version: number;
  fields: Record<string, unknown>;
}

/** The portal's employers table for one enterprise, read straight from its database. */
export async function portalEmployers(portal: TestPortal, enterpriseId: string): Promise<PortalEmployer[]> {
  const rows = await portal.database.db
    .select({ id: employers.id, version: employers.version, fields: employers.fields })
    .from(employers)
    .where(eq(employers.enterpriseId, enterpriseId));
  return rows.map((row) => ({ id: row.id, version: row.version, fields: row.fields as Record<string, unknown> }));
}

/** The portal's idempotency record for the given accounts: mutation ids with their account and change. */
export async function appliedBy(portal: TestPortal, accountIds: string[]): Promise<{ id: string; accountId: string; kind: string; changeSeq: bigint }[]> {
  return portal.database.db
    .select({ id: appliedMutations.id, accountId: appliedMutations.accountId, kind: appliedMutations.kind, changeSeq: appliedMutations.changeSeq })
    .from(appliedMutations)
    .where(and(inArray(appliedMutations.accountId, accountIds)));
}

/** The employer fields a client sent (the record's data minus what the portal adds). */
export function employerFieldsOf(data: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, version: _version, updatedAt: _updatedAt, enterpriseId: _enterpriseId, ...fields } = data;
  return fields;
}

/** Compares a client's employer records with the portal's; returns human-readable differences (empty = equal). */
export function diffEmployers(local: LocalRecord[], portal: PortalEmployer[]): string[] {
  const problems: string[] = [];
  const mine = new Map(local.map((r) => [r.id, r]));
  for (const row of portal) {
    const record = mine.get(row.id);
    if (!record) {
      problems.push(`${row.id}: on the portal (v${row.version}), missing locally`);
      continue;
    }
    mine.delete(row.id);
    if (record.pending) problems.push(`${row.id}: still pending locally`);
    if (record.serverVersion !== row.version) problems.push(`${row.id}: local serverVersion ${record.serverVersion}, portal ${row.version}`);
    if (record.data.version !== row.version) problems.push(`${row.id}: local data.version ${String(record.data.version)}, portal ${row.version}`);
    if (record.data.id !== row.id) problems.push(`${row.id}: local data.id ${String(record.data.id)}`);
    const fields = employerFieldsOf(record.data);
    if (JSON.stringify(sortKeys(fields)) !== JSON.stringify(sortKeys(row.fields))) {
      problems.push(`${row.id}: fields differ: local ${JSON.stringify(fields)} portal ${JSON.stringify(row.fields)}`);
    }
  }
  for (const record of mine.values()) problems.push(`${record.id}: local only (serverVersion ${record.serverVersion}, pending ${record.pending})`);
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
