// Scope on every route: enterprise A (and its branch A1) never reads or changes enterprise B's data,
// an officer of province P sees no filing of province Q. A new route without a probe here fails.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokers, employers, enterprises } from '../../portal/src/db/schema';
import { uuidv7 } from '../../src-common/domain/uuidv7';
import {
  brokerMutation,
  createOrganisation,
  employerMutation,
  enterpriseProfile,
  filingMutation,
  mutation,
  officerOf,
  push,
  systemAdmin,
  type TestOrganisation,
} from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';
import { fixtureFile } from '../fixtures/attachment-files';

const allFunctions = ['registerContracts', 'manageWorkers', 'liquidate', 'reports'] as const;

let portal: TestPortal;
let A: TestOrganisation;
let B: TestOrganisation;
const ids = {
  employerA: crypto.randomUUID(),
  brokerA: crypto.randomUUID(),
  employerB: crypto.randomUUID(),
  brokerB: crypto.randomUUID(),
  filingA: crypto.randomUUID(), // head office, province 01
  filingA1: crypto.randomUUID(), // branch A1, province 01
  filingA2: crypto.randomUUID(), // branch A2, province 79
  filingB: crypto.randomUUID(), // head office, province 79
  filingB1: crypto.randomUUID(), // branch B1, province 79
};
let officer01: { token: string };
let officer79: { token: string };
let central: { token: string };
let commune: { token: string };
let admin: { token: string };
let agencyId: string;

beforeAll(async () => {
  portal = await startTestPortal();
  A = await createOrganisation(portal, '01', [
    { code: 'A1', provinceCode: '01', functions: [...allFunctions] },
    { code: 'A2', provinceCode: '79', functions: [...allFunctions] },
  ]);
  B = await createOrganisation(portal, '79', [{ code: 'B1', provinceCode: '79', functions: [...allFunctions] }]);
  const applied = async (token: string, ms: ReturnType<typeof mutation>[]) =>
    expect((await push(portal, token, ms)).map((r) => r.status)).toEqual(ms.map(() => 'applied'));
  await applied(A.admin.token, [employerMutation(ids.employerA), brokerMutation(ids.brokerA), filingMutation(ids.filingA, 1, { employerId: ids.employerA })]);
  await applied(A.branches.A1!.staff.token, [filingMutation(ids.filingA1, 1, { employerId: ids.employerA })]);
  await applied(A.branches.A2!.staff.token, [filingMutation(ids.filingA2, 1, { employerId: ids.employerA })]);
  await applied(B.admin.token, [employerMutation(ids.employerB), brokerMutation(ids.brokerB), filingMutation(ids.filingB, 1, { employerId: ids.employerB })]);
  await applied(B.branches.B1!.staff.token, [filingMutation(ids.filingB1, 1, { employerId: ids.employerB })]);
  officer01 = await officerOf(portal, 'province', '01');
  officer79 = await officerOf(portal, 'province', '79');
  central = await officerOf(portal, 'central');
  commune = await officerOf(portal, 'commune', '00004');
  admin = await systemAdmin(portal);
  agencyId = (await portal.services.admin.createAgency({ name: 'Sở Nội vụ Huế', level: 'province', provinceCode: '46' })).id;
});
afterAll(async () => {
  await portal?.close();
});

const get = (token: string, path: string) => portal.call('GET', path, { token });
const status = async (token: string, path: string) => (await get(token, path)).status;
const a = () => A.admin.token;
const a1 = () => A.branches.A1!.staff.token;

async function pulled(token: string) {
  const changes: { entity: string; id: string; data: Record<string, unknown> }[] = [];
  let cursor = '0';
  for (;;) {
    const page = await get(token, `/api/v1/sync/pull?cursor=${cursor}&limit=500`);
    expect(page.status).toBe(200);
    changes.push(...page.body.changes);
    cursor = page.body.nextCursor;
    if (!page.body.hasMore) return changes;
  }
}
async function listedFilings(token: string) {
  const answer = await get(token, '/api/v1/filings?limit=500');
  expect(answer.status).toBe(200);
  return answer.body.filings as { id: string; enterpriseId: string; branchId: string | null; provinceCode: string }[];
}

/** One probe per non-public route: what it proves about scope. */
const probes: Record<string, () => Promise<void>> = {
  'GET /api/v1/enterprises/:id': async () => {
    expect(await status(a(), `/api/v1/enterprises/${A.enterpriseId}`)).toBe(200);
    expect(await status(a1(), `/api/v1/enterprises/${A.enterpriseId}`)).toBe(200);
    for (const token of [a(), a1(), officer01.token, commune.token]) expect(await status(token, `/api/v1/enterprises/${B.enterpriseId}`)).toBe(404);
    expect(await status(officer01.token, `/api/v1/enterprises/${A.enterpriseId}`)).toBe(200);
    expect(await status(central.token, `/api/v1/enterprises/${B.enterpriseId}`)).toBe(200);
  },
  'GET /api/v1/branches/:id': async () => {
    expect(await status(a(), `/api/v1/branches/${A.branches.A2!.id}`)).toBe(200);
    expect(await status(a1(), `/api/v1/branches/${A.branches.A1!.id}`)).toBe(200);
    expect(await status(a1(), `/api/v1/branches/${A.branches.A2!.id}`)).toBe(404);
    expect(await status(a(), `/api/v1/branches/${B.branches.B1!.id}`)).toBe(404);
    expect(await status(a1(), `/api/v1/branches/${B.branches.B1!.id}`)).toBe(404);
    // Branch A2 is in province 79: the officer of 79 sees it, the officer of 01 does not.
    expect(await status(officer79.token, `/api/v1/branches/${A.branches.A2!.id}`)).toBe(200);
    expect(await status(officer01.token, `/api/v1/branches/${A.branches.A2!.id}`)).toBe(404);
  },
  'GET /api/v1/employers/:id': async () => {
    expect(await status(a(), `/api/v1/employers/${ids.employerA}`)).toBe(200);
    expect(await status(a1(), `/api/v1/employers/${ids.employerA}`)).toBe(200);
    expect(await status(a(), `/api/v1/employers/${ids.employerB}`)).toBe(404);
    expect(await status(a1(), `/api/v1/employers/${ids.employerB}`)).toBe(404);
    expect(await status(admin.token, `/api/v1/employers/${ids.employerA}`)).toBe(404);
  },
  'GET /api/v1/brokers/:id': async () => {
    expect(await status(a1(), `/api/v1/brokers/${ids.brokerA}`)).toBe(200);
    expect(await status(a(), `/api/v1/brokers/${ids.brokerB}`)).toBe(404);
    expect(await status(a1(), `/api/v1/brokers/${ids.brokerB}`)).toBe(404);
  },
  'GET /api/v1/agencies/:id': async () => {
    expect(await status(admin.token, `/api/v1/agencies/${agencyId}`)).toBe(200);
    for (const token of [a(), a1(), officer01.token]) expect(await status(token, `/api/v1/agencies/${agencyId}`)).toBe(404);
  },
  'GET /api/v1/filings/:id': async () => {
    expect(await status(a(), `/api/v1/filings/${ids.filingA2}`)).toBe(200);
    expect(await status(a1(), `/api/v1/filings/${ids.filingA1}`)).toBe(200);
    for (const filing of [ids.filingA, ids.filingA2, ids.filingB, ids.filingB1]) expect(await status(a1(), `/api/v1/filings/${filing}`)).toBe(404);
    for (const filing of [ids.filingB, ids.filingB1]) expect(await status(a(), `/api/v1/filings/${filing}`)).toBe(404);
    for (const filing of [ids.filingA2, ids.filingB, ids.filingB1]) expect(await status(officer01.token, `/api/v1/filings/${filing}`)).toBe(404);
    for (const filing of [ids.filingA, ids.filingA1]) expect(await status(officer79.token, `/api/v1/filings/${filing}`)).toBe(404);
    expect(await status(officer01.token, `/api/v1/filings/${ids.filingA1}`)).toBe(200);
    expect(await status(admin.token, `/api/v1/filings/${ids.filingA}`)).toBe(404);
  },
  'GET /api/v1/filings': async () => {
    expect(new Set((await listedFilings(a())).map((f) => f.enterpriseId))).toEqual(new Set([A.enterpriseId]));
    expect((await listedFilings(a1())).map((f) => f.id)).toEqual([ids.filingA1]);
    expect((await listedFilings(officer01.token)).every((f) => f.provinceCode === '01')).toBe(true);
    expect((await listedFilings(officer01.token)).map((f) => f.id).sort()).toEqual([ids.filingA, ids.filingA1].sort());
    expect((await listedFilings(officer79.token)).map((f) => f.id).sort()).toEqual([ids.filingA2, ids.filingB, ids.filingB1].sort());
    expect(await listedFilings(commune.token)).toEqual([]);
    expect(await listedFilings(admin.token)).toEqual([]);
    expect((await listedFilings(central.token)).length).toBeGreaterThanOrEqual(5);
  },
  'GET /api/v1/sync/pull': async () => {
    const ofA = await pulled(a());
    expect(ofA.length).toBeGreaterThan(0);
    const bIds = new Set([B.enterpriseId, B.branches.B1!.id, ids.employerB, ids.brokerB, ids.filingB, ids.filingB1]);
    const mentionsB = (c: { id: string; data: Record<string, unknown> }) =>
      bIds.has(c.id.split(':')[0]!) || c.data.enterpriseId === B.enterpriseId;
    expect(ofA.filter(mentionsB)).toEqual([]);
    const ofA1 = await pulled(a1());
    expect(ofA1.filter(mentionsB)).toEqual([]);
    expect(ofA1.map((c) => c.id.split(':')[0])).not.toContain(A.branches.A2!.id);
    expect(ofA1.filter((c) => c.entity === 'filing').map((c) => c.id.split(':')[0])).toEqual([ids.filingA1]);
    // The branch still gets the enterprise profile and the shared registries.
    expect(ofA1.map((c) => c.id)).toEqual(expect.arrayContaining([A.enterpriseId, ids.employerA, ids.brokerA]));
    const of01 = await pulled(officer01.token);
    expect(of01.filter((c) => c.entity === 'filing' && c.data.provinceCode !== '01')).toEqual([]);
    expect(of01.filter((c) => c.entity === 'filing').length).toBe(2);
    const of79 = await pulled(officer79.token);
    expect(of79.filter((c) => c.entity === 'filing' && c.data.provinceCode !== '79')).toEqual([]);
    expect(await pulled(commune.token)).toEqual([]);
    expect((await pulled(admin.token)).filter((c) => c.entity === 'filing' || c.entity === 'employer')).toEqual([]);
  },
  'POST /api/v1/sync/push': async () => {
    const [before] = await portal.database.db.select().from(employers).where(eq(employers.id, ids.employerB));
    const [brokerBefore] = await portal.database.db.select().from(brokers).where(eq(brokers.id, ids.brokerB));
    const [profileBefore] = await portal.database.db.select().from(enterprises).where(eq(enterprises.id, B.enterpriseId));
    const intoB = () => [
      employerMutation(ids.employerB, 'Chiếm quyền'),
      brokerMutation(ids.brokerB),
      filingMutation(ids.filingB, 2, { employerId: ids.employerB }),
      filingMutation(ids.filingB1, 2, { branchId: B.branches.B1!.id, employerId: ids.employerB }),
      filingMutation(crypto.randomUUID(), 1, { branchId: B.branches.B1!.id, employerId: ids.employerB }),
      mutation('enterprise.updateProfile', { enterpriseId: B.enterpriseId, profile: enterpriseProfile('79', 'Đổi tên B') }),
      mutation('branch.upsert', {
        id: B.branches.B1!.id,
        fields: { code: 'B1X', name: 'x', address: { line: 'x', provinceCode: '79' }, manager: 'x', functions: [] },
      }),
    ];
    const byA = await push(portal, a(), intoB());
    expect(byA.map((r) => r.error?.code)).toEqual(Array(7).fill('NOT_FOUND'));
    const byA1 = await push(portal, a1(), intoB());
    expect(byA1.every((r) => r.status === 'rejected')).toBe(true);
    // Branch A1 cannot file for, or supplement a filing of, its sister branch A2.
    const intoA2 = await push(portal, a1(), [
      filingMutation(crypto.randomUUID(), 1, { branchId: A.branches.A2!.id, employerId: ids.employerA }),
      filingMutation(ids.filingA2, 2, { employerId: ids.employerA }),
    ]);
    expect(intoA2.map((r) => r.error?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    // Officers and administrators do not write enterprise records.
    for (const token of [officer01.token, central.token, admin.token]) {
      const tried = await push(portal, token, [employerMutation(ids.employerA), filingMutation(crypto.randomUUID(), 1, { employerId: ids.employerA })]);
      expect(tried.map((r) => r.error?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    }
    const [after] = await portal.database.db.select().from(employers).where(eq(employers.id, ids.employerB));
    const [brokerAfter] = await portal.database.db.select().from(brokers).where(eq(brokers.id, ids.brokerB));
    const [profileAfter] = await portal.database.db.select().from(enterprises).where(eq(enterprises.id, B.enterpriseId));
    expect(after).toEqual(before);
    expect(brokerAfter).toEqual(brokerBefore);
    expect(profileAfter).toEqual(profileBefore);
    expect((await get(B.admin.token, `/api/v1/filings/${ids.filingB}`)).body.versions).toEqual([1]);
  },
  'POST /api/v1/population/verify': async () => {
    // The registry is national reference data, not an enterprise's: every working role may query it,
    // the system administrator (who has no business reason) may not.
    const body = { people: [{ citizenId: '001090000001', fullName: 'Nguyễn Văn A', birthDate: '1990-01-01', gender: 'male' }] };
    expect((await portal.call('POST', '/api/v1/population/verify', { token: a1(), body })).status).toBe(200);
    expect((await portal.call('POST', '/api/v1/population/verify', { token: admin.token, body })).status).toBe(403);
  },
  'GET /api/v1/auth/me': async () => {
    expect((await get(a1(), '/api/v1/auth/me')).body).toMatchObject({ enterpriseId: A.enterpriseId, branchId: A.branches.A1!.id, role: 'branchStaff' });
  },
  'POST /api/v1/auth/change-password': async () => {
    // Acts on the caller's own account only: there is no account id to point elsewhere.
    const tried = await portal.call('POST', '/api/v1/auth/change-password', {
      token: a1(),
      body: { currentPassword: 'not-mine', newPassword: 'Whatever-2026!', accountId: B.admin.accountId },
    });
    expect(tried.status).toBe(400);
  },
  'POST /api/v1/auth/logout': async () => {
    // Ends the caller's own session only.
    const other = await createOrganisation(portal, '46');
    expect((await portal.call('POST', '/api/v1/auth/logout', { token: other.admin.token })).status).toBe(204);
    expect(await status(a(), '/api/v1/auth/me')).toBe(200);
  },
  'POST /api/v1/admin/enterprises': async () => adminOnly('POST', '/api/v1/admin/enterprises'),
  'POST /api/v1/admin/agencies': async () => adminOnly('POST', '/api/v1/admin/agencies'),
  'POST /api/v1/admin/accounts': async () => adminOnly('POST', '/api/v1/admin/accounts'),
  'POST /api/v1/admin/accounts/:id/reset-password': async () => adminOnly('POST', `/api/v1/admin/accounts/${B.admin.accountId}/reset-password`),
  'GET /api/v1/admin/accounts': async () => adminOnly('GET', '/api/v1/admin/accounts'),
  'POST /api/v1/tsa': async () => {
    // A timestamp covers a hash and holds nobody's data: every signed-in role may ask, nobody else.
    const ask = (token: string | null) =>
      fetch(`${portal.url}/api/v1/tsa`, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: Buffer.from('3000', 'hex'),
      });
    for (const token of [a(), a1(), officer01.token, B.admin.token]) {
      const answer = await ask(token);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('application/timestamp-reply');
    }
    expect((await ask(null)).status).toBe(401);
  },
  'PUT /api/v1/attachments/:sha256': async () => {
    // Enterprise users upload for their own enterprise; officers and the administrator upload nothing.
    const file = fixtureFile('application/pdf');
    const put = (token: string) =>
      fetch(`${portal.url}/api/v1/attachments/${file.sha256}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': file.mime }, body: new Uint8Array(file.bytes) });
    expect((await put(a1())).status).toBe(201);
    expect((await put(a())).status).toBe(200);
    for (const token of [officer01.token, central.token, commune.token, admin.token]) expect((await put(token)).status).toBe(403);
    // B uploading the same bytes gets its own copy, and A's stays A's.
    expect((await put(B.admin.token)).status).toBe(201);
  },
  'GET /api/v1/attachments/:sha256': async () => {
    const file = fixtureFile('image/png');
    const put = await fetch(`${portal.url}/api/v1/attachments/${file.sha256}`, { method: 'PUT', headers: { authorization: `Bearer ${a()}`, 'content-type': file.mime }, body: new Uint8Array(file.bytes) });
    expect(put.status).toBe(201);
    // The body is the file, not JSON: ask with fetch.
    const read = async (token: string) => (await fetch(`${portal.url}/api/v1/attachments/${file.sha256}`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await read(a())).toBe(200);
    // No filing names it: no officer may read it; another enterprise never may.
    for (const token of [B.admin.token, B.branches.B1!.staff.token, officer01.token, central.token, commune.token, admin.token]) expect(await read(token)).toBe(404);
  },
};

async function adminOnly(method: string, path: string) {
  for (const token of [a(), a1(), officer01.token, central.token, commune.token]) {
    const answer = await portal.call(method, path, { token, ...(method === 'POST' ? { body: {} } : {}) });
    expect(answer.status, `${method} ${path}`).toBe(403);
    expect(answer.body.error.code).toBe('FORBIDDEN');
  }
  expect(await status(B.admin.token, '/api/v1/auth/me')).toBe(200);
}

describe(`scope on every route (${storageKind})`, () => {
  it('has a probe for every route that needs a session, and only documented routes are public', () => {
    const guarded = portal.routes.filter((r) => r.access !== 'public').map((r) => `${r.method} ${r.url}`);
    expect(guarded.sort()).toEqual(Object.keys(probes).sort());
    const open = portal.routes.filter((r) => r.access === 'public' && !r.url.startsWith('/docs')).map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([
      'GET /api/v1/health',
      'GET /api/v1/portal/receipt-key',
      'GET /api/v1/tsa/certificate',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/token-challenge',
      'POST /api/v1/auth/token-login',
    ]);
  });

  for (const [route, probe] of Object.entries(probes)) {
    it(route, probe);
  }

  it('refuses every guarded route without a session', async () => {
    for (const route of portal.routes.filter((r) => r.access !== 'public')) {
      const path = route.url.replace(':id', crypto.randomUUID());
      const answer = await portal.call(route.method, path, route.method === 'POST' ? { body: {} } : {});
      expect(answer.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('uses fresh mutation ids in the probes (ids are UUIDv7)', () => {
    expect(uuidv7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});
