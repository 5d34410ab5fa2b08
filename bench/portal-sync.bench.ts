// Benchmark: portal sync over real HTTP on loopback. One client pushes unsigned `employer.upsert`
// mutations in batches of 200, sequentially (mutations/s), on PostgreSQL (durable, fsync on) and PGlite;
// then pulls everything back in pages of 1,000 (rows/s) on PostgreSQL. Baselines are raw SQL against
// the same PostgreSQL: single-row autocommit INSERTs (push) and the same paged SELECT (pull).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PullResponse } from '../src-common/portal-api/sync.api';
import { startThrowawayPostgres } from '../scripts/throwaway-postgres';
import { median, writeResult, type BenchResult } from './machine';
import { employerMutation, enterpriseWithAdmin, pushAll, startBenchPortal, type BenchPortal } from './portal-fixtures';

const MUTATIONS = 20_000;
const BATCH = 200;
/** Batches pushed first and not counted: JIT, connection pool, plan caches. */
const WARMUP_BATCHES = 2;
const PULL_LIMIT = 1_000;
const RAW_INSERTS = 5_000;
const PUSH_TARGET = 2_000;

const round = (n: number) => Math.round(n);
const ms = (n: number) => Number(n.toFixed(1));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

interface PushFigures {
  rate: number;
  batchMs: number[];
}

/** Pushes MUTATIONS new employers in batches of BATCH, one request at a time; mutations/s over the lot. */
async function measurePush(portal: BenchPortal, token: string): Promise<PushFigures> {
  let n = 0;
  const nextBatch = () => Array.from({ length: BATCH }, () => employerMutation((n += 1)));
  for (let i = 0; i < WARMUP_BATCHES; i += 1) await pushAll(portal, token, nextBatch());
  const batchMs: number[] = [];
  const started = performance.now();
  for (let done = 0; done < MUTATIONS; done += BATCH) {
    const batch = nextBatch(); // built outside the batch's own timing, but inside the total
    const t = performance.now();
    await pushAll(portal, token, batch);
    batchMs.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  return { rate: MUTATIONS / seconds, batchMs };
}

/** Pulls every change the caller may see, from cursor 0, in pages of PULL_LIMIT; rows/s. */
async function measurePull(portal: BenchPortal, token: string): Promise<{ rate: number; rows: number; pages: number }> {
  let cursor = '0';
  let rows = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const answer = await portal.call<PullResponse>('GET', `/api/v1/sync/pull?cursor=${cursor}&limit=${PULL_LIMIT}`, { token });
    if (answer.status !== 200) throw new Error(`pull failed ${answer.status}: ${JSON.stringify(answer.body)}`);
    rows += answer.body.changes.length;
    pages += 1;
    cursor = answer.body.nextCursor;
    if (!answer.body.hasMore) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rate: rows / seconds, rows, pages };
}

/** The raw write baseline: parameterised single-row INSERTs, each its own (durable) commit. */
async function rawInsertRate(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create table bench_raw_insert (id uuid primary key, data jsonb not null)');
    const data = JSON.stringify(employerMutation(0).payload);
    for (let i = 0; i < 200; i += 1) await client.query('insert into bench_raw_insert (id, data) values ($1, $2)', [randomUUID(), data]);
    const started = performance.now();
    for (let i = 0; i < RAW_INSERTS; i += 1) await client.query('insert into bench_raw_insert (id, data) values ($1, $2)', [randomUUID(), data]);
    return RAW_INSERTS / ((performance.now() - started) / 1000);
  } finally {
    await client.query('drop table if exists bench_raw_insert');
    await client.end();
  }
}

/** The raw read baseline: the pull's own paged query, straight through `pg`, no HTTP, no JSON. */
async function rawSelectRate(url: string, enterpriseId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let cursor = '0';
    let rows = 0;
    const started = performance.now();
    for (;;) {
      const page = await client.query<{ seq: string }>(
        'select * from change_log where seq > $1 and enterprise_id = $2 order by seq limit $3',
        [cursor, enterpriseId, PULL_LIMIT],
      );
      rows += page.rows.length;
      if (page.rows.length < PULL_LIMIT) break;
      cursor = page.rows.at(-1)!.seq;
    }
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

function pushNotes(where: string, figures: PushFigures): string {
  const per = figures.batchMs;
  return (
    `${MUTATIONS} unsigned employer.upsert mutations (new UUIDv7 ids) in ${MUTATIONS / BATCH} batches of ${BATCH}, ` +
    `pushed one after another by one client over HTTP on 127.0.0.1 (fetch, JSON, session auth, zod validation) to ${where}, ` +
    `after ${WARMUP_BATCHES} warm-up batches not counted; every mutation answered applied. ` +
    `Per batch: median ${ms(median(per))} ms, p95 ${ms(percentile(per, 95))} ms, max ${ms(Math.max(...per))} ms`
  );
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  // PostgreSQL, durable (fsync on, synchronous_commit on), as in production.
  const server = await startThrowawayPostgres({ durable: true });
  try {
    const raw = await rawInsertRate(server.url);
    const portal = await startBenchPortal({ kind: 'postgres', url: server.url });
    try {
      const { enterpriseId, token } = await enterpriseWithAdmin(portal);
      const push = await measurePush(portal, token);
      results.push(
        writeResult({
          name: 'portal-push-pg',
          value: round(push.rate),
          unit: 'mutations/s',
          baseline: round(raw),
          ratio: Number((push.rate / raw).toFixed(2)),
          target: `>= ${PUSH_TARGET} mutations/s`,
          notes:
            `${pushNotes('PostgreSQL 15 (throwaway cluster, fsync on, synchronous_commit on)', push)}. ` +
            `Baseline: ${RAW_INSERTS} parameterised single-row INSERTs (uuid + jsonb), one commit each, one pg client, same cluster`,
        }),
      );
      const pull = await measurePull(portal, token);
      const expected = MUTATIONS + WARMUP_BATCHES * BATCH;
      if (pull.rows < expected) throw new Error(`pull returned ${pull.rows} changes, expected at least ${expected}`);
      const rawPull = await rawSelectRate(server.url, enterpriseId);
      results.push(
        writeResult({
          name: 'portal-pull-pg',
          value: round(pull.rate),
          unit: 'rows/s',
          baseline: round(rawPull),
          ratio: Number((pull.rate / rawPull).toFixed(2)),
          target: 'report only (issue 3 sets none)',
          notes:
            `All ${pull.rows} changes the enterprise admin may see, from cursor 0, GET /api/v1/sync/pull?limit=${PULL_LIMIT}, ` +
            `${pull.pages} pages fetched one after another over HTTP on 127.0.0.1, same PostgreSQL as portal-push-pg. ` +
            `Baseline: the same paged change_log query (seq > cursor, enterprise_id, order by seq, limit ${PULL_LIMIT}) through pg directly, no HTTP or JSON`,
        }),
      );
    } finally {
      await portal.close();
    }
  } finally {
    server.stop();
  }

  // PGlite (embedded, WASM) in a temp data dir, as `npm run portal` without DATABASE_URL runs it.
  const dataDir = mkdtempSync(join(tmpdir(), 'labordesk-bench-pglite-'));
  try {
    const portal = await startBenchPortal({ kind: 'pglite', dataDir });
    try {
      const { token } = await enterpriseWithAdmin(portal);
      const push = await measurePush(portal, token);
      results.push(
        writeResult({
          name: 'portal-push-pglite',
          value: round(push.rate),
          unit: 'mutations/s',
          target: 'report only (issue 3 sets none)',
          notes: pushNotes('PGlite 0.5.16 in a temp data dir, in the portal process', push),
        }),
      );
    } finally {
      await portal.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
