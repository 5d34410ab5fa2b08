// Builders for organisations, accounts and mutations, going through the portal's real services and API.
import type { CreateAccountRequest } from '../../../src-common/portal-api/admin.api';
import type { BranchFunction } from '../../../src-common/domain/roles';
import type { EnterpriseProfile } from '../../../src-common/domain/organisation';
import { uuidv7 } from '../../../src-common/domain/uuidv7';
import type { Mutation } from '../../../src-common/portal-api/mutations';
import { validContractRegistration, validInternshipWorkerList, validWorkerUpdate } from '../../fixtures/overseas-filings';
import type { TestPortal } from './portal-harness';

export const goodPassword = 'Đổi-Mật-Khẩu-2026';

const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
/** The n-th valid 10-digit tax code of a test run (check digit computed, the never-issued 10 skipped). */
export function taxCodeFor(n: number): string {
  for (let k = n * 7; ; k += 1) {
    const base = String(100_000_000 + k).padStart(9, '0');
    const check = 10 - ([...base].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11);
    if (check < 10) return `${base}${check}`;
  }
}

export function enterpriseProfile(provinceCode: string, name = 'Công ty TNHH Cung ứng Lao động'): EnterpriseProfile {
  return {
    nameVi: name,
    licence: { number: `GP-${provinceCode}-01`, issuedOn: '2024-01-10', expiresOn: '2031-01-09' },
    headOffice: { line: 'Số 5 đường Trần Phú', provinceCode },
    legalRepresentative: { fullName: 'Đặng Văn Lâm', title: 'Giám đốc' },
    contact: { phone: '0243 123 4567', email: 'info@example.vn' },
  };
}

let accountCounter = 0;
let enterpriseCounter = 0;

/** Creates an account, signs in with its temporary password, changes it: returns a full session token. */
export async function signedInAccount(portal: TestPortal, input: Omit<CreateAccountRequest, 'username' | 'displayName'> & { username?: string }) {
  accountCounter += 1;
  const username = input.username ?? `user${accountCounter}.${input.role.toLowerCase()}`;
  const created = await portal.services.admin.createAccount({ ...input, username, displayName: `Người dùng ${accountCounter}` });
  const first = await portal.call('POST', '/api/v1/auth/login', { body: { username, password: created.temporaryPassword } });
  if (first.status !== 200) throw new Error(`login failed: ${JSON.stringify(first.body)}`);
  const changed = await portal.call('POST', '/api/v1/auth/change-password', {
    token: first.body.token,
    body: { currentPassword: created.temporaryPassword, newPassword: goodPassword },
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
  return { token: changed.body.token as string, accountId: created.account.id, username };
}

export function mutation(kind: string, payload: unknown, signature?: string): Mutation {
  return { id: uuidv7(), kind, payload, ...(signature ? { signature } : {}) };
}

export async function push(portal: TestPortal, token: string, mutations: Mutation[]) {
  const answer = await portal.call('POST', '/api/v1/sync/push', { token, body: { mutations } });
  if (answer.status !== 200) throw new Error(`push failed ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.results as { id: string; status: string; error?: { code: string } }[];
}

export function branchMutation(id: string, code: string, provinceCode: string, functions: BranchFunction[]) {
  return mutation('branch.upsert', {
    id,
    fields: { code, name: `Chi nhánh ${code}`, address: { line: 'Số 9 Lê Lợi', provinceCode }, manager: 'Võ Thị Mai', functions },
  });
}

export function employerMutation(id: string, name = 'Tanaka Seiki Co., Ltd.') {
  return mutation('employer.upsert', {
    id,
    fields: { name, country: 'JP', address: '1-2-3 Chiyoda, Tokyo', registrationNumber: 'JP-0101-778', sector: 'Cơ khí', contact: { email: 'hr@tanaka.example' } },
  });
}

/** Pushes a foreign employer into the caller's enterprise (for filings to name); returns its id. */
export async function createEmployer(portal: TestPortal, token: string): Promise<string> {
  const id = crypto.randomUUID();
  const [result] = await push(portal, token, [employerMutation(id)]);
  if (result?.status !== 'applied') throw new Error(`employer not created: ${JSON.stringify(result)}`);
  return id;
}

export function brokerMutation(id: string) {
  return mutation('broker.upsert', {
    id,
    fields: { name: 'Kaigai Bridge KK', country: 'JP', contact: { phone: '+81 3 1234 5678' }, commissionTerms: 'Tối đa 1 tháng lương' },
  });
}

/**
 * Content valid for the filing type (test/fixtures/overseas-filings.ts). A contract registration or
 * internship worker list names a foreign employer, which must be the filing enterprise's own.
 */
export function filingContent(type: string, employerId?: string): Record<string, unknown> {
  if (type === 'contractRegistration' || type === 'internshipWorkerList') {
    if (!employerId) throw new Error(`a ${type} names one of the enterprise's employers: pass employerId`);
    return type === 'contractRegistration' ? validContractRegistration({ employerId }) : validInternshipWorkerList({ employerId });
  }
  if (type === 'workerUpdate') return validWorkerUpdate(0);
  // Periodic reports get their schema with the reports (issue 9); liquidations are filed in their own tests.
  return { note: `Hồ sơ ${type}` };
}

export function filingMutation(
  filingId: string,
  version = 1,
  extra: { branchId?: string; type?: string; employerId?: string; content?: Record<string, unknown> } = {},
) {
  const type = extra.type ?? 'contractRegistration';
  return mutation('filing.submit', {
    filingId,
    version,
    type,
    ...(extra.branchId ? { branchId: extra.branchId } : {}),
    title: `Đăng ký hợp đồng cung ứng số ${filingId.slice(0, 8)}`,
    content: extra.content ?? filingContent(type, extra.employerId),
  });
}

export interface TestOrganisation {
  enterpriseId: string;
  admin: { token: string; accountId: string };
  branches: Record<string, { id: string; staff: { token: string; accountId: string } }>;
}

/**
 * An enterprise in `provinceCode` with an admin, and branches (created by the admin through push,
 * the real path) each with one staff account.
 */
export async function createOrganisation(
  portal: TestPortal,
  provinceCode: string,
  branchSpecs: { code: string; provinceCode: string; functions: BranchFunction[] }[] = [],
): Promise<TestOrganisation> {
  enterpriseCounter += 1;
  const { id: enterpriseId } = await portal.services.admin.createEnterprise({
    taxCode: taxCodeFor(enterpriseCounter + Math.floor(Math.random() * 1_000_000)),
    profile: enterpriseProfile(provinceCode, `Công ty số ${enterpriseCounter}`),
  });
  const admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
  const branches: TestOrganisation['branches'] = {};
  for (const spec of branchSpecs) {
    const id = crypto.randomUUID();
    const [result] = await push(portal, admin.token, [branchMutation(id, spec.code, spec.provinceCode, spec.functions)]);
    if (result?.status !== 'applied') throw new Error(`branch not created: ${JSON.stringify(result)}`);
    const staff = await signedInAccount(portal, { role: 'branchStaff', enterpriseId, branchId: id });
    branches[spec.code] = { id, staff };
  }
  return { enterpriseId, admin, branches };
}

export async function officerOf(portal: TestPortal, level: 'central' | 'province' | 'commune', code?: string) {
  const agency = await portal.services.admin.createAgency(
    level === 'central'
      ? { name: 'Cục Quản lý lao động ngoài nước', level }
      : level === 'province'
        ? { name: `Sở Nội vụ ${code}`, level, provinceCode: code! }
        : { name: `UBND xã ${code}`, level, provinceCode: '01', communeCode: code! },
  );
  return signedInAccount(portal, { role: level === 'commune' ? 'communeOfficer' : 'officer', agencyId: agency.id });
}

export async function systemAdmin(portal: TestPortal) {
  return signedInAccount(portal, { role: 'systemAdmin' });
}
