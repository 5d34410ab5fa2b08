// Crash safety: the client core runs as a child process (test/sync/crash-client.ts) and is killed with
// SIGKILL in the middle of a push and in the middle of a paged pull, then restarted on the same data
// folder. Nothing committed may be lost, nothing may be applied twice, and the client must end with
// exactly the portal's rows. The fault proxy in front of the portal holds the chosen request, so the
// kill lands at a known point (or, for the racy variants, the moment an answer has been handed over).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPortal } from '../portal/helpers/portal-harness';
import { employerMutation, push, signedInAccount } from '../portal/helpers/org-fixtures';
import { startFaultProxy, type Decision, type FaultProxy, type ProxyEvent } from '../helpers/fault-proxy';
import { removeTempDirs } from '../helpers/temp-core';
import type { CrashClientConfig } from './crash-client';
import {
  allRecords,
  appliedBy,
  diffEmployers,
  enterpriseWithAdmins,
  goodPassword,
  portalEmployers,
  startClient,
  startSyncPortal,
  syncStatus,
  tempDir,
  type SyncEnterprise,
} from './sync-harness';

const COMMITS = 1_000;
const PUSH_BATCH = 100;
const PULL_ROWS = 20_000;
const PULL_LIMIT = 500;

let portal: TestPortal;
const proxies: FaultProxy[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  portal = await startSyncPortal();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const proxy of proxies) await proxy.close();
  await portal?.close();
  removeTempDirs();
});

interface ChildLine {
  event: string;
  [key: string]: unknown;
}

interface RunningClient {
  child: ChildProcess;
  lines: ChildLine[];
  waitFor(event: string, timeoutMs?: number): Promise<ChildLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

function startChild(config: CrashClientConfig): RunningClient {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/sync/crash-client.ts', JSON.stringify(config)], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: ChildLine[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as ChildLine);
    } catch {
      stderr += `(stdout) ${line}\n`;
    }
    for (const listener of listeners) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
      for (const listener of listeners) listener();
    });
  });
  return {
    child,
    lines,
    exited,
    stderr: () => stderr,
    waitFor: (event, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`child did not report "${event}" within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
        const done = (error?: Error, line?: ChildLine) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        const check = () => {
          const line = lines.find((l) => l.event === event);
          if (line) done(undefined, line);
          else if (child.exitCode !== null || child.signalCode !== null) {
            done(new Error(`child exited (${child.exitCode ?? child.signalCode}) before "${event}"; stderr:\n${stderr}`));
          }
        };
        listeners.add(check);
        check();
      }),
  };
}

async function killNow(running: RunningClient): Promise<void> {
  running.child.kill('SIGKILL');
  expect(await running.exited).toEqual({ code: null, signal: 'SIGKILL' });
}

/** One client's data folder and proxy, for an account of `enterprise`. */
async function clientSetup(enterprise: { enterpriseId: string }) {
  const account = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: enterprise.enterpriseId });
  const proxy = await startFaultProxy({ target: portal.url, seed: 1, faultRate: 0, mode: 'pass' });
  proxies.push(proxy);
  const dataDir = tempDir('labordesk-crash-');
  const storeKey = randomBytes(32);
  const config = (steps: CrashClientConfig['steps']): CrashClientConfig => ({
    dataDir,
    storeKey: storeKey.toString('hex'),
    portalUrl: proxy.url,
    username: account.username,
    password: goodPassword,
    sync: { requestTimeoutMs: 10_000, pushBatch: PUSH_BATCH, pullLimit: PULL_LIMIT },
    steps,
  });
  /** Opens the same data folder in this process (the child being dead) to see what it kept. */
  const inspect = async () => {
    const client = await startClient({ portalUrl: proxy.url, dataDir, storeKey, sync: { autoSync: false } });
    try {
      return { status: await syncStatus(client), records: await allRecords(client, 'employer') };
    } finally {
      await client.close();
    }
  };
  return { account, proxy, config, inspect };
}

/** The n-th request matching `match` gets `decision`; resolves with the proxy event named `on` for it. */
function onNth(proxy: FaultProxy, match: (method: string, path: string) => boolean, n: number, decision: Decision, on: 'decision' | 'upstream' | 'answered') {
  let seen = 0;
  let target = -1;
  proxy.setIntercept((request) => {
    if (!match(request.method, request.path)) return undefined;
    seen += 1;
    if (seen !== n) return undefined;
    target = request.n;
    return decision;
  });
  return new Promise<ProxyEvent>((resolve) => {
    const listener = (event: ProxyEvent) => {
      if (event.request.n !== target) return;
      proxy.events.off(on, listener);
      resolve(event);
    };
    proxy.events.on(on, listener);
  });
}

const isPush = (method: string, path: string) => method === 'POST' && path.startsWith('/api/v1/sync/push');
const isPull = (method: string, path: string) => method === 'GET' && path.startsWith('/api/v1/sync/pull');

describe('SIGKILL in the middle of a push', () => {
  async function crashDuringPush(decision: Decision, on: 'decision' | 'upstream' | 'answered') {
    // An enterprise of its own, so the client's employers are exactly the ones it committed.
    const enterprise = await enterpriseWithAdmins(portal, 0);
    const { account, proxy, config, inspect } = await clientSetup(enterprise);
    const seed = Math.floor(Math.random() * 2 ** 31);
    const reached = onNth(proxy, isPush, 3, decision, on);
    const first = startChild(config([{ kind: 'signIn' }, { kind: 'commit', seed, count: COMMITS }, { kind: 'sync' }]));
    const committed = (await first.waitFor('committed')).ids as string[];
    expect(committed).toHaveLength(COMMITS);
    await first.waitFor('syncing');
    await reached;
    await killNow(first);
    proxy.setIntercept(undefined);

    const appliedAtCrash = (await appliedBy(portal, [account.accountId])).length;
    const atCrash = await inspect();

    const second = startChild(config([{ kind: 'sync' }]));
    await second.waitFor('done');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    // Zero loss, zero duplicates: exactly the committed mutations, once each, and every employer at v1.
    const applied = await appliedBy(portal, [account.accountId]);
    expect(applied.map((a) => a.id).sort()).toEqual([...committed].sort());
    const after = await inspect();
    expect(after.status).toMatchObject({ pending: 0, needsAttention: 0 });
    const remote = await portalEmployers(portal, enterprise.enterpriseId);
    expect(remote).toHaveLength(COMMITS);
    expect(remote.every((e) => e.version === 1)).toBe(true);
    expect(diffEmployers(after.records, remote)).toEqual([]);
    return { appliedAtCrash, atCrash };
  }

  it('after the portal applied the batch but before the client heard: resent on restart, applied once', async () => {
    const { appliedAtCrash, atCrash } = await crashDuringPush({ kind: 'stallAfter' }, 'upstream');
    // The portal has three batches; the client only knows of two, so the third is still in its outbox.
    expect(appliedAtCrash).toBe(3 * PUSH_BATCH);
    expect(atCrash.status.pending).toBe(COMMITS - 2 * PUSH_BATCH);
  });

  it('while the batch is on its way and the portal has not seen it', async () => {
    const { appliedAtCrash, atCrash } = await crashDuringPush({ kind: 'stall' }, 'decision');
    expect(appliedAtCrash).toBe(2 * PUSH_BATCH);
    expect(atCrash.status.pending).toBe(COMMITS - 2 * PUSH_BATCH);
  });

  it('the moment the answer has been handed over (the client may be half-way through recording it)', async () => {
    const { appliedAtCrash, atCrash } = await crashDuringPush({ kind: 'pass' }, 'answered');
    expect(appliedAtCrash).toBeGreaterThanOrEqual(3 * PUSH_BATCH);
    expect([COMMITS - 2 * PUSH_BATCH, COMMITS - 3 * PUSH_BATCH]).toContain(atCrash.status.pending);
  });
});

describe(`SIGKILL in the middle of a pull of ${PULL_ROWS} rows in pages of ${PULL_LIMIT}`, () => {
  let enterprise: SyncEnterprise;
  beforeAll(async () => {
    // Another admin of the enterprise fills its registry through the real push API.
    enterprise = await enterpriseWithAdmins(portal, 0);
    const seeder = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: enterprise.enterpriseId });
    for (let i = 0; i < PULL_ROWS; i += 500) {
      const batch = Array.from({ length: 500 }, (_, k) => employerMutation(crypto.randomUUID(), `Employer ${i + k}`));
      const results = await push(portal, seeder.token, batch);
      expect(results.every((r) => r.status === 'applied')).toBe(true);
    }
  }, 120_000);

  /** The entities of the changes the account will pull, in order (the enterprise's own row comes first). */
  async function visibleChanges(token: string): Promise<string[]> {
    const entities: string[] = [];
    for (let cursor = '0'; ; ) {
      const page = await portal.call('GET', `/api/v1/sync/pull?cursor=${cursor}&limit=5000`, { token });
      entities.push(...(page.body.changes as { entity: string }[]).map((c) => c.entity));
      cursor = page.body.nextCursor;
      if (!page.body.hasMore) return entities;
    }
  }
  const employersIn = (entities: string[], n: number) => entities.slice(0, n).filter((e) => e === 'employer').length;

  async function crashDuringPull(decision: Decision, on: 'upstream' | 'answered') {
    const { account, proxy, config, inspect } = await clientSetup(enterprise);
    const entities = await visibleChanges(account.token);
    const reached = onNth(proxy, isPull, 6, decision, on);
    const first = startChild(config([{ kind: 'signIn' }, { kind: 'sync' }]));
    await first.waitFor('syncing');
    await reached;
    await killNow(first);
    proxy.setIntercept(undefined);
    const atCrash = await inspect();

    const cursors: string[] = [];
    const track = ({ request }: ProxyEvent) => {
      if (isPull(request.method, request.path)) cursors.push(new URL(request.path, 'http://x').searchParams.get('cursor')!);
    };
    proxy.events.on('decision', track);
    const second = startChild(config([{ kind: 'sync' }]));
    await second.waitFor('done');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    proxy.events.off('decision', track);

    const after = await inspect();
    const remote = await portalEmployers(portal, enterprise.enterpriseId);
    expect(remote).toHaveLength(PULL_ROWS);
    expect(after.records).toHaveLength(PULL_ROWS);
    expect(diffEmployers(after.records, remote)).toEqual([]);
    expect(after.status).toMatchObject({ pending: 0, needsAttention: 0 });
    return { atCrash, cursors, entities };
  }

  it('while page 6 is on its way back: the restart resumes from the cursor of the last stored page', async () => {
    const { atCrash, cursors, entities } = await crashDuringPull({ kind: 'stallAfter' }, 'upstream');
    // The client asks for page 6 while it stores page 5, so at the kill it holds 5 whole pages, or 4 if
    // page 5 was still being written (then that write never happened at all).
    const stored = [5, 4].find((pages) => atCrash.records.length === employersIn(entities, pages * PULL_LIMIT));
    expect(stored, `records at the crash: ${atCrash.records.length}`).toBeDefined();
    // Resumed, not restarted: the pulls after the restart fetch only what the later pages hold.
    expect(cursors[0]).not.toBe('0');
    expect(cursors).toHaveLength(Math.ceil((entities.length - stored! * PULL_LIMIT) / PULL_LIMIT));
  });

  it('the moment page 6 has been handed over: a page is stored whole or not at all', async () => {
    const { atCrash, cursors, entities } = await crashDuringPull({ kind: 'pass' }, 'answered');
    // Whole pages only: what the client kept is exactly what some number of pages (4 or more) held.
    const wholePages = [4, 5, 6, 7].map((pages) => employersIn(entities, pages * PULL_LIMIT));
    expect(wholePages).toContain(atCrash.records.length);
    expect(cursors[0]).not.toBe('0');
  });
});
