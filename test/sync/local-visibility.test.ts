// A record the user committed stays visible locally through every stage of its sync, also when the
// push succeeds but the pull after it does not (portal gone, process killed): offline-first means the
// client never shows less than the user has done.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestPortal } from '../portal/helpers/portal-harness';
import { mulberry32, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { removeTempDirs } from '../helpers/temp-core';
import { allRecords, appliedBy, employerFields, enterpriseWithAdmins, seededUuid, signIn, startClient, startSyncPortal, syncRun, type TestClient } from './sync-harness';

let portal: TestPortal;
let proxy: FaultProxy;
let client: TestClient;

beforeAll(async () => {
  portal = await startSyncPortal();
});

afterAll(async () => {
  await client?.close();
  await proxy?.close();
  await portal?.close();
  removeTempDirs();
});

// After a push is answered `applied`, the outbox entry closes; the record must stay listed (with the
// mutation folded into the local copy of the portal's version) even when the pull that would bring the
// portal's own row fails, or the process dies before it.
it('a pushed employer stays listed while the pull that would bring its portal version fails', async () => {
  const enterprise = await enterpriseWithAdmins(portal, 1);
  proxy = await startFaultProxy({ target: portal.url, seed: 1, faultRate: 0, mode: 'pass' });
  client = await startClient({ portalUrl: proxy.url, sync: { autoSync: false, requestTimeoutMs: 2_000 } });
  await signIn(client, proxy.url, enterprise.admins[0]!.username);

  const random = mulberry32(7);
  const id = seededUuid(random);
  const fields = employerFields(random, 'visible');
  await client.invoke('records:commit', { kind: 'employer.upsert', payload: { id, fields } });
  expect((await allRecords(client, 'employer')).map((r) => r.id)).toEqual([id]);

  // The push goes through; every pull answers 503.
  proxy.setIntercept((request) => (request.path.startsWith('/api/v1/sync/pull') ? { kind: 'status503' } : undefined));
  const status = await syncRun(client);
  expect(status.pending).toBe(0);
  expect(await appliedBy(portal, [enterprise.admins[0]!.accountId])).toHaveLength(1);

  const listed = await allRecords(client, 'employer');
  expect(listed.map((r) => r.id)).toEqual([id]);
  expect(listed[0]!.data).toMatchObject(fields);
  expect(listed[0]!.pending).toBe(false);
});
