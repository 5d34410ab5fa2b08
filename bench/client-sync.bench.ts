// Benchmark: the client core's sync end to end against a real portal on PostgreSQL (durable), over HTTP
// on loopback. sync-push: 10,000 local commits, then one `sync:run` that pushes them all (and pulls the
// 10,000 resulting changes back). sync-pull: a fresh client with a new encrypted store pulls 100,000
// employer rows seeded on the portal. The portal runs in its own Node process, as on a server; the same
// runs against a portal inside the client's process (one JS thread for both) are given in the notes.
// Baselines: the same HTTP exchanges made by a bare client (fetch + JSON, no local store).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { SyncAttempt, SyncStatus } from '../src-common/contract';
import type { PullResponse } from '../src-common/portal-api/sync.api';
import { createCore, type Core } from '../src-main/core/index';
import { startThrowawayPostgres } from '../scripts/throwaway-postgres';
import { writeResult, type BenchResult } from './machine';
import { benchAdmin, benchEnterprise, benchPassword, employerMutation, pushAll, signInAdmin, startBenchPortal, type BenchPortal } from './portal-fixtures';
import { startPortalProcess, type PortalProcess } from './portal-process';

const PUSH_MUTATIONS = 10_000;
const PULL_ROWS = 100_000;
/** The client's defaults (SyncConfig): mutations per push, changes per pull page. */
const CLIENT_PUSH_BATCH = 200;
const CLIENT_PULL_LIMIT = 1_000;
/** Seeding the portal for sync-pull (not timed): the portal's largest push batch. */
const SEED_BATCH = 500;
const PUSH_TARGET = 2_000;
const PULL_TARGET = 20_000;
/** Timed runs of each client measurement against the portal process; the value is the median run. */
const RUNS = Math.max(1, Number(process.env.BENCH_CLIENT_SYNC_RUNS ?? 1));

const migrationsDir = fileURLToPath(new URL('../src-main/core/db/migrations', import.meta.url));
const round = (n: number) => Math.round(n);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (count: number, ms: number) => round((count * 1000) / ms);

/** Where the portal runs: its own process (the measured case) or inside this one. */
type PortalSide = Pick<PortalProcess, 'url' | 'call' | 'enterprise' | 'admin' | 'close'> & { pid?: number; where: string };

function inProcess(portal: BenchPortal): PortalSide {
  return {
    url: portal.url,
    call: portal.call,
    enterprise: (taxCode) => benchEnterprise(portal, taxCode),
    admin: (enterpriseId, username) => benchAdmin(portal, enterpriseId, username),
    close: () => portal.close(),
    where: 'in the client process',
  };
}

// ---------------------------------------------------------------------------------------------------
// Measuring a client core's sync:run

interface Exchange {
  path: string;
  started: number;
  /** When the whole body had been read by the portal client. */
  finished: number;
  /** The event loop's utilisation counters when the request started. */
  elu: ReturnType<typeof performance.eventLoopUtilization>;
}

/**
 * `fetch` that notes when each request started (and how busy the thread had been until then) and when
 * its body had been read, so a run splits into its push and pull phases. It copies nothing.
 */
function timingFetch(log: Exchange[]): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    const elu = performance.eventLoopUtilization();
    const response = await fetch(input, init);
    const text = response.text.bind(response);
    Object.defineProperty(response, 'text', {
      value: async () => {
        const body = await text();
        log.push({ path: new URL(String(input)).pathname, started, finished: performance.now(), elu });
        return body;
      },
    });
    return response;
  };
}

interface BenchClient {
  log: Exchange[];
  call<T>(method: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A fresh core (new data folder, new store key) signed in as `admin`, temporary password changed. */
async function signedInClient(portal: PortalSide, admin: { username: string; temporaryPassword: string }): Promise<BenchClient> {
  const dataDir = mkdtempSync(join(tmpdir(), 'labordesk-bench-client-'));
  const log: Exchange[] = [];
  let core: Core;
  try {
    core = await createCore({
      appVersion: 'bench',
      shell: 'web',
      dataDir,
      migrationsDir,
      key: { kind: 'fixed', storeKey: randomBytes(32) },
      portalUrl: portal.url,
      sync: { autoSync: false, fetch: timingFetch(log) },
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await core.invoke(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const close = async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await call('session:signIn', { portalUrl: portal.url, username: admin.username, password: admin.temporaryPassword });
    const status = await call<{ state: string }>('session:changePassword', { currentPassword: admin.temporaryPassword, newPassword: benchPassword });
    if (status.state !== 'signedIn') throw new Error(`client not signed in: ${status.state}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { log, call, close };
}

/** BENCH_CPU_PROFILE=<folder>: a V8 CPU profile of each timed sync:run (and nothing else) goes there. */
const profileDir = process.env.BENCH_CPU_PROFILE;
let profiles = 0;

async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!profileDir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `${name}-${(profiles += 1)}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** CPU time (user + system) another process has used so far, from /proc; undefined elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 10 ms.
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface RunFigures {
  totalMs: number;
  /** From the run's start to the first pull request (pushing, and storing the answers). */
  pushMs: number;
  pullMs: number;
  /** Time spent inside push requests (request sent until the body was read). */
  pushHttpMs: number;
  pushRequests: number;
  pullRequests: number;
  /** How long the client's JS thread was busy (event loop utilisation), per phase. */
  pushBusyMs: number;
  pullBusyMs: number;
  /** CPU time of the client process (all its threads) and of the portal process, when separate. */
  clientCpuMs: number;
  portalCpuMs: number | undefined;
  status: SyncStatus;
  attempt: SyncAttempt;
}

/** Times one `sync:run` and splits it with the exchange log. */
async function timedSyncRun(client: BenchClient, portal: PortalSide, name: string): Promise<RunFigures> {
  client.log.length = 0;
  const portalCpu = processCpuMs(portal.pid);
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const status = await profiled(name, () => client.call<SyncStatus>('sync:run'));
  const finished = performance.now();
  const eluEnd = performance.eventLoopUtilization();
  const cpuUsed = process.cpuUsage(cpu);
  const portalCpuEnd = processCpuMs(portal.pid);
  const pushes = client.log.filter((e) => e.path.endsWith('/sync/push'));
  const pulls = client.log.filter((e) => e.path.endsWith('/sync/pull'));
  const firstPull = pulls.reduce<Exchange | undefined>((first, e) => (!first || e.started < first.started ? e : first), undefined);
  const pullStart = firstPull?.started ?? finished;
  const eluAtPull = firstPull?.elu ?? eluEnd;
  const [attempt] = await client.call<SyncAttempt[]>('sync:attempts', { limit: 1 });
  return {
    totalMs: finished - started,
    pushMs: pullStart - started,
    pullMs: finished - pullStart,
    pushHttpMs: pushes.reduce((sum, e) => sum + (e.finished - e.started), 0),
    pushRequests: pushes.length,
    pullRequests: pulls.length,
    pushBusyMs: eluAtPull.active - elu.active,
    pullBusyMs: eluEnd.active - eluAtPull.active,
    clientCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    portalCpuMs: portalCpu === undefined || portalCpuEnd === undefined ? undefined : portalCpuEnd - portalCpu,
    status,
    attempt: attempt!,
  };
}

function cpuNote(r: RunFigures): string {
  return `CPU: client process ${s(r.clientCpuMs)}${r.portalCpuMs === undefined ? '' : `, portal process ${s(r.portalCpuMs)}`}`;
}

// ---------------------------------------------------------------------------------------------------
// Fixtures and bare-HTTP baselines (no client core, no local store)

const taxCodes = ['1000001005', '1000001012', '1000001037', '1000001044', '1000001051', '1000001069', '1000001076', '1000001083', '1000001090', '1000001108'];
let enterprises = 0;
let accounts = 0;
function nextEnterprise(portal: PortalSide): Promise<string> {
  const taxCode = taxCodes[enterprises++];
  if (!taxCode) throw new Error('out of bench tax codes');
  return portal.enterprise(taxCode);
}
const nextAdmin = (portal: PortalSide, enterpriseId: string) => portal.admin(enterpriseId, `bench.client${(accounts += 1)}`);

/** Pulls everything `token` may see from cursor 0 in pages of `limit`, parsing JSON and nothing more. */
async function rawPull(portal: PortalSide, token: string, limit: number): Promise<{ ms: number; rows: number; pages: number }> {
  let cursor = '0';
  let rows = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const answer = await portal.call<PullResponse>('GET', `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
    if (answer.status !== 200) throw new Error(`pull failed ${answer.status}: ${JSON.stringify(answer.body)}`);
    rows += answer.body.changes.length;
    pages += 1;
    cursor = answer.body.nextCursor;
    if (!answer.body.hasMore) break;
  }
  return { ms: performance.now() - started, rows, pages };
}

/** Pushes `count` new employers in batches of `batch`, one request at a time; each must be applied. */
async function rawPush(portal: PortalSide, token: string, count: number, batch: number): Promise<number> {
  let n = 0;
  const started = performance.now();
  for (let done = 0; done < count; done += batch) {
    await pushAll(portal, token, Array.from({ length: Math.min(batch, count - done) }, () => employerMutation((n += 1))));
  }
  return performance.now() - started;
}

async function appliedCount(databaseUrl: string, accountId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from applied_mutations where account_id = $1', [accountId]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// sync-push

function employerCommit(n: number) {
  const { fields } = employerMutation(n).payload as { fields: Record<string, unknown> };
  return { kind: 'employer.upsert', payload: { id: randomUUID(), fields } };
}

interface PushMeasurement {
  run: RunFigures;
  commitMs: number;
}

async function measureClientPush(portal: PortalSide, databaseUrl: string): Promise<PushMeasurement> {
  const enterpriseId = await nextEnterprise(portal);
  const admin = await nextAdmin(portal, enterpriseId);
  const client = await signedInClient(portal, admin);
  try {
    const committing = performance.now();
    for (let i = 1; i <= PUSH_MUTATIONS; i += 1) await client.call('records:commit', employerCommit(i));
    const commitMs = performance.now() - committing;
    const before = await client.call<SyncStatus>('sync:status');
    if (before.pending !== PUSH_MUTATIONS) throw new Error(`expected ${PUSH_MUTATIONS} pending, got ${before.pending}`);

    const run = await timedSyncRun(client, portal, 'sync-push');
    if (run.status.pending !== 0 || run.status.needsAttention !== 0 || run.status.connection !== 'online') {
      throw new Error(`sync:run left ${JSON.stringify(run.status)}`);
    }
    const { attempt } = run;
    if (attempt.outcome !== 'ok' || attempt.pushed !== PUSH_MUTATIONS || attempt.applied !== PUSH_MUTATIONS || attempt.rejected !== 0) {
      throw new Error(`unexpected attempt ${JSON.stringify(attempt)}`);
    }
    // Everything pushed comes back (the enterprise itself too), and the records are the portal's now.
    if (attempt.pulled !== PUSH_MUTATIONS + 1) throw new Error(`pulled ${attempt.pulled}, expected ${PUSH_MUTATIONS + 1}`);
    const applied = await appliedCount(databaseUrl, admin.accountId);
    if (applied !== PUSH_MUTATIONS) throw new Error(`portal applied_mutations has ${applied} rows for the account, expected ${PUSH_MUTATIONS}`);
    const sample = await client.call<{ rows: { pending: boolean; serverVersion: number | null }[]; total: number }>('records:list', { entity: 'employer', limit: 500 });
    if (sample.total !== PUSH_MUTATIONS || sample.rows.some((r) => r.pending || r.serverVersion !== 1)) {
      throw new Error(`local records not settled: total ${sample.total}`);
    }
    return { run, commitMs };
  } finally {
    await client.close();
  }
}

/** The same exchanges without the client core: push 10,000 in batches of 200, then pull them back. */
async function measureRawPushPull(portal: PortalSide): Promise<{ pushMs: number; pullMs: number }> {
  const enterpriseId = await nextEnterprise(portal);
  const token = await signInAdmin(portal, await nextAdmin(portal, enterpriseId));
  const pushMs = await rawPush(portal, token, PUSH_MUTATIONS, CLIENT_PUSH_BATCH);
  const pull = await rawPull(portal, token, CLIENT_PULL_LIMIT);
  if (pull.rows !== PUSH_MUTATIONS + 1) throw new Error(`raw pull returned ${pull.rows}`);
  return { pushMs, pullMs: pull.ms };
}

function pushRunNote(r: RunFigures): string {
  return (
    `${s(r.totalMs)} = push phase ${s(r.pushMs)} (${perSecond(PUSH_MUTATIONS, r.pushMs)} mutations/s; in push requests ${s(r.pushHttpMs)}, ` +
    `client thread busy ${s(r.pushBusyMs)}) + pull-back ${s(r.pullMs)} (client thread busy ${s(r.pullBusyMs)}); ${cpuNote(r)}`
  );
}

// ---------------------------------------------------------------------------------------------------
// sync-pull

async function measureClientPull(portal: PortalSide, enterpriseId: string): Promise<RunFigures> {
  const client = await signedInClient(portal, await nextAdmin(portal, enterpriseId));
  try {
    const run = await timedSyncRun(client, portal, 'sync-pull');
    if (run.status.pending !== 0 || run.status.connection !== 'online' || run.attempt.outcome !== 'ok') throw new Error(`sync:run left ${JSON.stringify(run.status)}`);
    if (run.attempt.pulled !== PULL_ROWS + 1) throw new Error(`pulled ${run.attempt.pulled}, expected ${PULL_ROWS + 1}`);
    const listed = await client.call<{ total: number }>('records:list', { entity: 'employer', limit: 1 });
    if (listed.total !== PULL_ROWS) throw new Error(`records:list total ${listed.total}, expected ${PULL_ROWS}`);
    const found = await client.call<{ total: number }>('records:list', { entity: 'employer', search: `Tanaka Seiki Co., Ltd. ${PULL_ROWS}`, limit: 1 });
    if (found.total !== 1) throw new Error(`search for the last employer found ${found.total}`);
    return run;
  } finally {
    await client.close();
  }
}

function pullRunNote(r: RunFigures): string {
  return `${s(r.totalMs)}, ${r.pullRequests} requests; client thread busy ${s(r.pullBusyMs)}; ${cpuNote(r)}`;
}

// ---------------------------------------------------------------------------------------------------

function medianRun<T>(runs: T[], ms: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => ms(a) - ms(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const server = await startThrowawayPostgres({ durable: true });
  try {
    // The portal on its own (the measured case), and a second portal on the same database inside this
    // process, for the figures with one JS thread doing both sides.
    const separate: PortalSide = { ...(await startPortalProcess(server.url)), where: 'in its own process' };
    try {
      const shared = inProcess(await startBenchPortal({ kind: 'postgres', url: server.url }));
      try {
        // --- sync-push. The bare-HTTP baseline goes first (it also warms the portal up).
        const raw = await measureRawPushPull(separate);
        const pushes: PushMeasurement[] = [];
        for (let i = 0; i < RUNS; i += 1) pushes.push(await measureClientPush(separate, server.url));
        const sharedPush = await measureClientPush(shared, server.url);
        const push = medianRun(pushes, (m) => m.run.totalMs);
        const rate = perSecond(PUSH_MUTATIONS, push.run.totalMs);
        const rawRate = perSecond(PUSH_MUTATIONS, raw.pushMs + raw.pullMs);
        results.push(
          writeResult({
            name: 'sync-push',
            value: rate,
            unit: 'mutations/s',
            baseline: rawRate,
            ratio: Number((rate / rawRate).toFixed(2)),
            target: `>= ${PUSH_TARGET} mutations/s`,
            notes:
              `${PUSH_MUTATIONS} employer.upsert commits (records:commit, not timed: ${s(push.commitMs)}) in a fresh client core ` +
              `(createCore, encrypted store, defaults: push batches of ${CLIENT_PUSH_BATCH}, pull pages of ${CLIENT_PULL_LIMIT}), then one timed sync:run ` +
              `against the portal on PostgreSQL 15 (throwaway cluster, fsync on) over HTTP on 127.0.0.1, the portal in its own Node process. ` +
              `The run pushes all ${PUSH_MUTATIONS} (${push.run.pushRequests} requests, one at a time) and pulls the ${PUSH_MUTATIONS + 1} resulting changes back ` +
              `(${push.run.pullRequests} pages), which settles every record; value = ${PUSH_MUTATIONS} / the whole run: ${pushRunNote(push.run)}. ` +
              (RUNS > 1 ? `Median of ${RUNS} runs: ${pushes.map((m) => perSecond(PUSH_MUTATIONS, m.run.totalMs)).join(', ')} mutations/s. ` : '') +
              `With the portal inside the client's process instead (one JS thread for both): ${perSecond(PUSH_MUTATIONS, sharedPush.run.totalMs)} mutations/s, ${pushRunNote(sharedPush.run)}. ` +
              `Checked each run: pending 0, needs attention 0, attempt pushed/applied ${PUSH_MUTATIONS}, the portal's applied_mutations has ${PUSH_MUTATIONS} rows for the account, records settled at version 1. ` +
              `Baseline: the same exchanges by a bare HTTP client (fetch + JSON, no store, same portal process): ${PUSH_MUTATIONS} in batches of ${CLIENT_PUSH_BATCH} ` +
              `in ${s(raw.pushMs)} (portal-only push ${perSecond(PUSH_MUTATIONS, raw.pushMs)} mutations/s, no warm-up) then pulled back in pages of ${CLIENT_PULL_LIMIT} in ${s(raw.pullMs)}`,
          }),
        );

        // --- sync-pull: 100,000 employers seeded through the portal's push API (not timed).
        const enterpriseId = await nextEnterprise(separate);
        const seeder = await signInAdmin(separate, await nextAdmin(separate, enterpriseId));
        const seedMs = await rawPush(separate, seeder, PULL_ROWS, SEED_BATCH);
        const pulls: RunFigures[] = [];
        for (let i = 0; i < RUNS; i += 1) pulls.push(await measureClientPull(separate, enterpriseId));
        const sharedPull = await measureClientPull(shared, enterpriseId);
        const rawPullRun = await rawPull(separate, seeder, CLIENT_PULL_LIMIT);
        if (rawPullRun.rows !== PULL_ROWS + 1) throw new Error(`raw pull returned ${rawPullRun.rows}`);
        const pull = medianRun(pulls, (m) => m.totalMs);
        const pullRate = perSecond(pull.attempt.pulled, pull.totalMs);
        const rawPullRate = perSecond(rawPullRun.rows, rawPullRun.ms);
        results.push(
          writeResult({
            name: 'sync-pull',
            value: pullRate,
            unit: 'rows/s',
            baseline: rawPullRate,
            ratio: Number((pullRate / rawPullRate).toFixed(2)),
            target: `>= ${PULL_TARGET} rows/s`,
            notes:
              `${PULL_ROWS} employers (+ the enterprise row) seeded on the portal through its push API in batches of ${SEED_BATCH} (not timed: ${s(seedMs)}); ` +
              `a fresh client core (new data folder, new encrypted store) signs in as another admin of the enterprise and one timed sync:run ` +
              `pulls all ${pull.attempt.pulled} changes in pages of ${CLIENT_PULL_LIMIT} into its store, from the portal in its own Node process (same PostgreSQL as sync-push): ` +
              `${pullRunNote(pull)}. ` +
              (RUNS > 1 ? `Median of ${RUNS} runs: ${pulls.map((m) => perSecond(m.attempt.pulled, m.totalMs)).join(', ')} rows/s. ` : '') +
              `With the portal inside the client's process instead (one JS thread for both): ${perSecond(sharedPull.attempt.pulled, sharedPull.totalMs)} rows/s, ${pullRunNote(sharedPull)}. ` +
              `Checked each run: records:list total ${PULL_ROWS}, the last employer found by search. ` +
              `Baseline: the same ${rawPullRun.pages} pages by a bare HTTP client (fetch + JSON.parse, nothing stored) from the portal process: ${s(rawPullRun.ms)}`,
          }),
        );
      } finally {
        await shared.close();
      }
    } finally {
      await separate.close();
    }
  } finally {
    server.stop();
  }
  return results;
}
