// Seeded, randomised convergence: 3 client cores (3 admins of one enterprise) each commit 500
// employer.upsert mutations — new employers and updates of the others' — while syncing through their
// own fault-injecting proxy in front of the real portal. Then the faults stop and everyone syncs until
// quiet. Every mutation must be applied exactly once, every client must hold exactly the portal's
// employers, and every outbox must be empty.
//
// A scenario is reproducible from its seed (the mutation plan, the fault plan per request order, where
// the syncs and outages fall); timing on the wire still varies. To rerun one:
//   SYNC_SEED=<seed> SYNC_SCENARIOS=1 npx vitest run --project sync test/sync/convergence.test.ts
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { changeLog } from '../../portal/src/db/schema';
import type { TestPortal } from '../portal/helpers/portal-harness';
import { allFaultKinds, mulberry32, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { removeTempDirs } from '../helpers/temp-core';
import {
  allRecords,
  appliedBy,
  diffEmployers,
  employerFields,
  enterpriseWithAdmins,
  fastSync,
  portalEmployers,
  seededUuid,
  signIn,
  startClient,
  startSyncPortal,
  syncRun,
  syncStatus,
  type TestClient,
} from './sync-harness';

const CLIENTS = 3;
const MUTATIONS_PER_CLIENT = 500;
const SCENARIOS = Number(process.env.SYNC_SCENARIOS ?? 20);
const BASE_SEED = Number(process.env.SYNC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const seeds = Array.from({ length: SCENARIOS }, (_, i) => (BASE_SEED + i * 7919) % 2 ** 31);

let portal: TestPortal;

beforeAll(async () => {
  portal = await startSyncPortal();
});

afterAll(async () => {
  await portal?.close();
  removeTempDirs();
});

interface Committed {
  mutationId: string;
  client: number;
  employerId: string;
  fields: Record<string, unknown>;
}

const pickOf = (random: () => number) => <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

async function runScenario(seed: number): Promise<string> {
  const started = performance.now();
  const random = mulberry32(seed);
  const pick = pickOf(random);
  const enterprise = await enterpriseWithAdmins(portal, CLIENTS);
  const accountIds = enterprise.admins.map((a) => a.accountId);

  // Sizes vary per seed so different batch/page boundaries meet the faults.
  const sync = { ...fastSync, requestTimeoutMs: 500, debounceMs: 100, periodMs: 1_000, pushBatch: pick([20, 50, 100, 200]), pullLimit: pick([50, 200, 1000]) };
  const faultRate = 0.15 + random() * 0.25;
  const proxies: FaultProxy[] = [];
  const clients: TestClient[] = [];
  try {
    for (let c = 0; c < CLIENTS; c += 1) {
      const proxy = await startFaultProxy({
        target: portal.url,
        seed: (seed * 31 + c + 1) >>> 0,
        faultRate,
        faults: allFaultKinds,
        delayMs: { min: 5, max: 300 },
        mode: 'pass',
      });
      proxies.push(proxy);
      const client = await startClient({ portalUrl: proxy.url, sync });
      clients.push(client);
      await signIn(client, proxy.url, enterprise.admins[c]!.username);
      proxy.setMode('faulty');
    }

    // The plan: each client's 500 commits, in order, made up front from the seed. Ids are shared: an
    // "update" may target an employer another client created (pushed yet or not).
    const knownIds: string[] = [];
    const plans: { employerId: string; fields: Record<string, unknown>; syncAfter: 'none' | 'background' | 'await'; outageMs: number; pauseMs: number }[][] = [];
    for (let c = 0; c < CLIENTS; c += 1) plans.push([]);
    for (let i = 0; i < MUTATIONS_PER_CLIENT; i += 1) {
      for (let c = 0; c < CLIENTS; c += 1) {
        const isNew = knownIds.length === 0 || random() < 0.35;
        const employerId = isNew ? seededUuid(random) : pick(knownIds);
        if (isNew) knownIds.push(employerId);
        const roll = random();
        plans[c]!.push({
          employerId,
          fields: employerFields(random, `${c}.${i}`),
          syncAfter: roll < 0.006 ? 'await' : roll < 0.04 ? 'background' : 'none',
          outageMs: random() < 0.004 ? Math.round(50 + random() * 600) : 0,
          pauseMs: random() < 0.03 ? Math.round(random() * 30) : 0,
        });
      }
    }

    const committed: Committed[] = [];
    const background: Promise<unknown>[] = [];
    await Promise.all(
      clients.map(async (client, c) => {
        for (const step of plans[c]!) {
          const { mutationId } = await client.invoke<{ mutationId: string }>('records:commit', {
            kind: 'employer.upsert',
            payload: { id: step.employerId, fields: step.fields },
          });
          committed.push({ mutationId, client: c, employerId: step.employerId, fields: step.fields });
          if (step.syncAfter === 'await') await syncRun(client);
          if (step.syncAfter === 'background') background.push(syncRun(client));
          if (step.outageMs > 0) {
            // The portal becomes unreachable for this client for a while (it keeps committing).
            proxies[c]!.setMode('down');
            const proxy = proxies[c]!;
            background.push(sleep(step.outageMs).then(() => proxy.setMode('faulty')));
          }
          if (step.pauseMs > 0) await sleep(step.pauseMs);
          else await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    await Promise.all(background);
    const commitMs = performance.now() - started;

    // Faults off: sync until every outbox is empty and every run succeeds, then one more round in
    // which every client pulls after the last push of every other.
    for (const proxy of proxies) proxy.setMode('pass');
    const settleStarted = performance.now();
    let quiet = 0;
    for (let round = 0; quiet < 2; round += 1) {
      const statuses = await Promise.all(clients.map((client) => syncRun(client)));
      quiet = statuses.every((s) => s.pending === 0 && s.lastError === null) ? quiet + 1 : 0;
      if (round >= 100) throw new Error(`no quiet sync after the faults stopped: ${JSON.stringify(statuses)}`);
    }
    const settleMs = performance.now() - settleStarted;

    // 1. Every mutation applied exactly once, by the account that committed it, and nothing else.
    expect(committed).toHaveLength(CLIENTS * MUTATIONS_PER_CLIENT);
    const byId = new Map(committed.map((m) => [m.mutationId, m]));
    expect(byId.size).toBe(committed.length);
    const applied = await appliedBy(portal, accountIds);
    expect(applied).toHaveLength(committed.length);
    for (const row of applied) {
      const mine = byId.get(row.id);
      expect(mine, `applied mutation ${row.id} was never committed by these clients`).toBeDefined();
      expect(row.accountId).toBe(accountIds[mine!.client]);
      expect(row.kind).toBe('employer.upsert');
    }
    // ...and in the change log once each, so each employer's version is the number of its mutations.
    const changes = await portal.database.db
      .select({ mutationId: changeLog.mutationId, entityId: changeLog.entityId, version: changeLog.version, seq: changeLog.seq })
      .from(changeLog)
      .where(and(eq(changeLog.enterpriseId, enterprise.enterpriseId), eq(changeLog.entity, 'employer'), isNotNull(changeLog.mutationId)));
    expect(changes).toHaveLength(committed.length);
    expect(new Set(changes.map((c) => c.mutationId)).size).toBe(committed.length);
    const perEmployer = new Map<string, number>();
    for (const m of committed) perEmployer.set(m.employerId, (perEmployer.get(m.employerId) ?? 0) + 1);
    const remote = await portalEmployers(portal, enterprise.enterpriseId);
    expect(remote).toHaveLength(perEmployer.size);
    const lastChange = new Map<string, { seq: bigint; mutationId: string }>();
    for (const change of changes) {
      const last = lastChange.get(change.entityId);
      if (!last || change.seq > last.seq) lastChange.set(change.entityId, { seq: change.seq, mutationId: change.mutationId! });
    }
    for (const row of remote) {
      expect(row.version, `employer ${row.id} version`).toBe(perEmployer.get(row.id));
      // The portal's row is what the last applied mutation said.
      expect(row.fields).toEqual(byId.get(lastChange.get(row.id)!.mutationId)!.fields);
    }

    // 2. Every client's pulled state equals the portal's. 3. Every outbox is empty.
    for (const [c, client] of clients.entries()) {
      const problems = diffEmployers(await allRecords(client, 'employer'), remote);
      expect(problems.slice(0, 10), `client ${c}: ${problems.length} differences`).toEqual([]);
      const status = await syncStatus(client);
      expect(status).toMatchObject({ pending: 0, needsAttention: 0 });
      expect(await client.invoke('sync:attention')).toEqual([]);
    }

    const faults = proxies.reduce((sum, p) => sum + p.stats.requests - p.stats.decisions.pass, 0);
    const requests = proxies.reduce((sum, p) => sum + p.stats.requests, 0);
    const refused = proxies.reduce((sum, p) => sum + p.stats.refused, 0);
    const abandoned = proxies.reduce((sum, p) => sum + p.stats.abandoned, 0);
    // The faults must really have happened, or the scenario proved nothing.
    expect(faults).toBeGreaterThan(0);
    const kinds = Object.fromEntries(
      Object.keys(proxies[0]!.stats.decisions)
        .map((k) => [k, proxies.reduce((sum, p) => sum + p.stats.decisions[k as keyof FaultProxy['stats']['decisions']], 0)])
        .filter(([, n]) => n !== 0),
    );
    return (
      `seed ${seed}: batch ${sync.pushBatch}, page ${sync.pullLimit}, fault rate ${faultRate.toFixed(2)}, ${requests} requests, ` +
      `${faults} faulted ${JSON.stringify(kinds)}, ${refused} refused while down, ${abandoned} given up by the client unprompted, ` +
      `${remote.length} employers; committing ${Math.round(commitMs)} ms, settling ${Math.round(settleMs)} ms, ${Math.round(performance.now() - started)} ms in all`
    );
  } finally {
    for (const client of clients) await client.close().catch(() => undefined);
    for (const proxy of proxies) await proxy.close();
  }
}

describe(`sync convergence under faults (${SCENARIOS} scenarios, base seed ${BASE_SEED})`, () => {
  for (const [i, seed] of seeds.entries()) {
    it(`scenario ${i + 1}, seed ${seed}: ${CLIENTS} clients × ${MUTATIONS_PER_CLIENT} mutations converge`, async () => {
      onTestFailed(() => {
        console.error(`convergence scenario failed with seed ${seed}; rerun: SYNC_SEED=${seed} SYNC_SCENARIOS=1 npx vitest run --project sync test/sync/convergence.test.ts`);
      });
      console.log(await runScenario(seed));
    });
  }
});
