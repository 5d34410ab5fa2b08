// Sync API: idempotent push with per-mutation answers, validation, filing versions, paged pull.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-common/domain/uuidv7';
import { changeLog, employers, filings } from '../../portal/src/db/schema';
import { rowsOf } from '../../portal/src/db/query-rows';
import {
  createOrganisation,
  employerMutation,
  filingMutation,
  mutation,
  push,
  type TestOrganisation,
} from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

let portal: TestPortal;
let org: TestOrganisation;
/** The foreign employer the organisation's contract registrations name. */
let employerId: string;
beforeAll(async () => {
  portal = await startTestPortal();
  org = await createOrganisation(portal, '01', [
    { code: 'HN1', provinceCode: '01', functions: ['registerContracts'] },
    { code: 'DN1', provinceCode: '48', functions: ['manageWorkers'] },
  ]);
  employerId = crypto.randomUUID();
  expect((await push(portal, org.admin.token, [employerMutation(employerId)]))[0]!.status).toBe('applied');
});
afterAll(async () => {
  await portal?.close();
});

const changeCount = async () =>
  Number(rowsOf<{ n: string }>(await portal.database.db.execute(sql`select count(*)::text as n from change_log`))[0]!.n);

async function pullAll(token: string, limit: number, cursor = '0') {
  const changes: { seq: string; entity: string; id: string }[] = [];
  for (let page = 0; page < 10_000; page += 1) {
    const answer = await portal.call('GET', `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { token });
    expect(answer.status).toBe(200);
    changes.push(...answer.body.changes);
    cursor = answer.body.nextCursor;
    if (!answer.body.hasMore) return { changes, cursor };
  }
  throw new Error('pull did not finish');
}

describe(`sync push (${storageKind})`, () => {
  it('applies a batch once: re-sending it answers duplicate for every mutation and changes nothing', async () => {
    const batch = Array.from({ length: 20 }, () => employerMutation(crypto.randomUUID()));
    const first = await push(portal, org.admin.token, batch);
    expect(first.map((r) => r.status)).toEqual(Array(20).fill('applied'));
    const before = await changeCount();

    const second = await push(portal, org.admin.token, batch);
    expect(second).toEqual(batch.map((m) => ({ id: m.id, status: 'duplicate' })));
    expect(await changeCount()).toBe(before);
    const [row] = await portal.database.db.select().from(employers).where(eq(employers.id, (batch[0]!.payload as { id: string }).id));
    expect(row?.version).toBe(1);
    // Each pulled change names the mutation that made it, so a client whose push answer was lost can close it.
    const pulledIds = new Set((await pullAll(org.admin.token, 5000)).changes.map((c) => (c as { mutationId?: string }).mutationId));
    for (const m of batch) expect(pulledIds.has(m.id)).toBe(true);
  });

  it('answers a repeat inside one batch as duplicate', async () => {
    const m = employerMutation(crypto.randomUUID());
    const results = await push(portal, org.admin.token, [m, m]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
  });

  it('rejects an invalid payload with VALIDATION_FAILED, changes nothing for it, and applies the rest', async () => {
    const badId = crypto.randomUUID();
    const bad = mutation('employer.upsert', { id: badId, fields: { name: '', country: 'Japan', address: 'x', registrationNumber: 'r', sector: 's', contact: {} } });
    const good = employerMutation(crypto.randomUUID());
    const before = await changeCount();
    const results = await push(portal, org.admin.token, [bad, good]);
    expect(results[0]).toMatchObject({ id: bad.id, status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
    const paths = (results[0]!.error as unknown as { details: { issues: { path: string }[] } }).details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['fields.name', 'fields.country']));
    expect(results[1]!.status).toBe('applied');
    expect(await changeCount()).toBe(before + 1);
    expect(await portal.database.db.select().from(employers).where(eq(employers.id, badId))).toEqual([]);

    // A rejected mutation is not remembered as applied: corrected, the same id goes through.
    const corrected = { ...employerMutation(badId), id: bad.id };
    expect((await push(portal, org.admin.token, [corrected]))[0]!.status).toBe('applied');
  });

  it('rejects unknown kinds, and refuses malformed envelopes as a whole', async () => {
    const [unknown] = await push(portal, org.admin.token, [mutation('worker.teleport', {})]);
    expect(unknown).toMatchObject({ status: 'rejected', error: { code: 'UNKNOWN_MUTATION_KIND' } });
    const notV7 = await portal.call('POST', '/api/v1/sync/push', {
      token: org.admin.token,
      body: { mutations: [{ id: crypto.randomUUID(), kind: 'employer.upsert', payload: {} }] },
    });
    expect(notV7.status).toBe(400);
    expect(notV7.body.error.code).toBe('VALIDATION_FAILED');
    const notJson = await portal.call('POST', '/api/v1/sync/push', { token: org.admin.token, rawBody: '{"mutations": [', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a mutation id another account already used', async () => {
    const m = employerMutation(crypto.randomUUID());
    await push(portal, org.admin.token, [m]);
    const other = await createOrganisation(portal, '79');
    const [answer] = await push(portal, other.admin.token, [m]);
    expect(answer).toMatchObject({ status: 'rejected', error: { code: 'MUTATION_ID_CONFLICT' } });
  });

  it('keeps filings append-only: versions must follow one another', async () => {
    const filingId = crypto.randomUUID();
    expect((await push(portal, org.admin.token, [filingMutation(filingId, 1, { employerId })]))[0]!.status).toBe('applied');
    const again = await push(portal, org.admin.token, [filingMutation(filingId, 1, { employerId }), filingMutation(filingId, 3, { employerId })]);
    expect(again.map((r) => r.error?.code)).toEqual(['VERSION_CONFLICT', 'VERSION_CONFLICT']);
    expect((await push(portal, org.admin.token, [filingMutation(filingId, 2, { employerId })]))[0]!.status).toBe('applied');
    const changedType = await push(portal, org.admin.token, [filingMutation(filingId, 3, { type: 'periodicReport', employerId })]);
    expect(changedType[0]!.error?.code).toBe('VERSION_CONFLICT');
    const rows = await portal.database.db.select().from(filings).where(eq(filings.filingId, filingId));
    expect(rows.map((r) => r.filingVersion).sort()).toEqual([1, 2]);
    const read = await portal.call('GET', `/api/v1/filings/${filingId}`, { token: org.admin.token });
    expect(read.body).toMatchObject({ filingVersion: 2, versions: [1, 2], status: 'submitted' });
  });

  it('enforces the functions an enterprise delegates to a branch, as the admin changes them', async () => {
    const staff = org.branches.DN1!.staff.token;
    const refused = await push(portal, staff, [filingMutation(crypto.randomUUID(), 1, { employerId })]);
    expect(refused[0]).toMatchObject({ status: 'rejected', error: { code: 'BRANCH_FUNCTION_NOT_GRANTED' } });
    expect((await push(portal, staff, [employerMutation(crypto.randomUUID())]))[0]!.error?.code).toBe('BRANCH_FUNCTION_NOT_GRANTED');
    // Worker updates are delegated to this branch.
    expect((await push(portal, staff, [filingMutation(crypto.randomUUID(), 1, { type: 'workerUpdate' })]))[0]!.status).toBe('applied');

    const grant = mutation('branch.upsert', {
      id: org.branches.DN1!.id,
      fields: { code: 'DN1', name: 'Chi nhánh Đà Nẵng', address: { line: 'Số 2 Bạch Đằng', provinceCode: '48' }, manager: 'Lý Văn Hải', functions: ['manageWorkers', 'registerContracts'] },
    });
    expect((await push(portal, org.admin.token, [grant]))[0]!.status).toBe('applied');
    expect((await push(portal, staff, [filingMutation(crypto.randomUUID(), 1, { employerId })]))[0]!.status).toBe('applied');
    // A branch cannot grant itself anything.
    expect((await push(portal, staff, [{ ...grant, id: uuidv7() }]))[0]!.error?.code).toBe('FORBIDDEN');
  });

  it('keeps branch codes unique within an enterprise', async () => {
    const dup = mutation('branch.upsert', {
      id: crypto.randomUUID(),
      fields: { code: 'HN1', name: 'Trùng mã', address: { line: 'x', provinceCode: '01' }, manager: 'Ai đó', functions: [] },
    });
    expect((await push(portal, org.admin.token, [dup]))[0]!.error?.code).toBe('CONFLICT');
  });
});

describe(`sync pull (${storageKind})`, () => {
  it('pages through 10,000 changes in order with no gap and no repeat, while others write', async () => {
    const writer = await createOrganisation(portal, '31');
    const bystander = await createOrganisation(portal, '46');
    const start = await pullAll(writer.admin.token, 5000);
    const expectedIds = new Set<string>();
    const batches = Array.from({ length: 50 }, () =>
      Array.from({ length: 200 }, () => {
        const m = employerMutation(crypto.randomUUID());
        expectedIds.add((m.payload as { id: string }).id);
        return m;
      }),
    );
    // Pushes of another enterprise interleave with ours; the puller reads while both write.
    const writes = (async () => {
      for (const [i, batch] of batches.entries()) {
        await push(portal, writer.admin.token, batch);
        if (i % 5 === 0) await push(portal, bystander.admin.token, [employerMutation(crypto.randomUUID())]);
      }
    })();
    const seen: { seq: string; id: string }[] = [];
    let cursor = start.cursor;
    let done = false;
    void writes.then(() => (done = true));
    while (!done || seen.length < expectedIds.size) {
      const page = await pullAll(writer.admin.token, 777, cursor);
      seen.push(...page.changes);
      cursor = page.cursor;
      if (done && seen.length >= expectedIds.size) break;
    }
    await writes;
    const seqs = seen.map((c) => BigInt(c.seq));
    for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]! > seqs[i - 1]!).toBe(true);
    expect(seen.length).toBe(10_000);
    expect(new Set(seen.map((c) => c.id))).toEqual(expectedIds);
    const tail = await pullAll(writer.admin.token, 1000, cursor);
    expect(tail.changes).toEqual([]);
  });

  it('pages a fixed log the same way whatever the page size', async () => {
    const a = await pullAll(org.admin.token, 1);
    const b = await pullAll(org.admin.token, 5000);
    expect(a.changes).toEqual(b.changes);
    expect(a.cursor).toBe(b.cursor);
    expect(a.changes.length).toBeGreaterThan(20);
  });

  it('refuses bad cursors and limits with VALIDATION_FAILED', async () => {
    for (const query of ['cursor=-1', 'cursor=abc', 'limit=0', 'limit=5001', 'cursor=99999999999999999999']) {
      const answer = await portal.call('GET', `/api/v1/sync/pull?${query}`, { token: org.admin.token });
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
    const log = await portal.database.db.select({ seq: changeLog.seq }).from(changeLog).limit(1);
    expect(log.length).toBe(1);
  });
});
