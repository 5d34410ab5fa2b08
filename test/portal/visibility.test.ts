// The visibility rule exists twice (TypeScript for single rows, SQL for pulls and lists): they must agree.
import { and, asc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLog } from '../../portal/src/db/schema';
import type { Principal } from '../../portal/src/scope/principal';
import { isVisible, visibleWhere, type RowScope } from '../../portal/src/scope/visibility';
import { entityKinds } from '../../src-common/portal-api/sync.api';
import { freshDatabase } from './helpers/portal-harness';

const E1 = '00000000-0000-4000-8000-000000000001';
const E2 = '00000000-0000-4000-8000-000000000002';
const B1 = '00000000-0000-4000-8000-0000000000b1';
const B2 = '00000000-0000-4000-8000-0000000000b2';

const principals: Principal[] = [
  { accountId: 'x', username: 'sa', role: 'systemAdmin' },
  { accountId: 'x', username: 'ea', role: 'enterpriseAdmin', enterpriseId: E1 },
  { accountId: 'x', username: 'bs', role: 'branchStaff', enterpriseId: E1, branchId: B1, branchFunctions: [] },
  { accountId: 'x', username: 'oc', role: 'officer', jurisdiction: { level: 'central' } },
  { accountId: 'x', username: 'op', role: 'officer', jurisdiction: { level: 'province', provinceCode: '01' } },
  { accountId: 'x', username: 'cc', role: 'communeOfficer', jurisdiction: { level: 'commune', provinceCode: '01', communeCode: '00004' } },
  { accountId: 'x', username: 'broken', role: 'branchStaff', enterpriseId: E1 },
];

/** Every combination of entity and scope columns that matters to the rule. */
const scopes: RowScope[] = entityKinds.flatMap((entity) =>
  [null, E1, E2].flatMap((enterpriseId) =>
    [null, B1, B2].flatMap((branchId) =>
      [null, '01', '79'].flatMap((provinceCode) =>
        [null, '00004', '00007'].map((communeCode) => ({ entity, enterpriseId, branchId, provinceCode, communeCode })),
      ),
    ),
  ),
);

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
  const at = new Date();
  for (let i = 0; i < scopes.length; i += 500) {
    await database.db.insert(changeLog).values(
      scopes.slice(i, i + 500).map((scope, j) => ({ ...scope, entityId: String(i + j), version: 1, op: 'upsert', data: {}, at })),
    );
  }
});
afterAll(async () => {
  await database?.close();
  await database?.drop();
});

describe('visibility rule', () => {
  it.each(principals.map((p) => [p.username, p] as const))('SQL and TypeScript agree for %s', async (_name, principal) => {
    const rows = await database.db
      .select({ entityId: changeLog.entityId })
      .from(changeLog)
      .where(and(visibleWhere(principal), inArray(changeLog.entity, [...entityKinds])))
      .orderBy(asc(changeLog.seq));
    const bySql = rows.map((r) => Number(r.entityId));
    const byTs = scopes.flatMap((scope, i) => (isVisible(principal, scope) ? [i] : []));
    expect(bySql).toEqual(byTs);
  });

  it('gives a broken principal (no branch) nothing rather than everything', async () => {
    const broken = principals.at(-1)!;
    const rows = await database.db.select().from(changeLog).where(visibleWhere(broken));
    expect(rows).toEqual([]);
    expect(scopes.some((s) => isVisible(broken, s))).toBe(false);
  });

  it('shows a branch its own rows and the shared enterprise records only', () => {
    const staff = principals[2]!;
    expect(isVisible(staff, { entity: 'filing', enterpriseId: E1, branchId: null, provinceCode: '01', communeCode: null })).toBe(false);
    expect(isVisible(staff, { entity: 'employer', enterpriseId: E1, branchId: null, provinceCode: '01', communeCode: null })).toBe(true);
    expect(isVisible(staff, { entity: 'filing', enterpriseId: E1, branchId: B2, provinceCode: '01', communeCode: null })).toBe(false);
    expect(isVisible(staff, { entity: 'filing', enterpriseId: E1, branchId: B1, provinceCode: '79', communeCode: null })).toBe(true);
  });
});
