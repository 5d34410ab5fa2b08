// A real portal on 127.0.0.1 for benchmarks, spoken to over HTTP; the few builders the sync benchmark
// needs (test/portal/helpers has the full set but lives in the test tsconfig and imports vitest).
import { openPortalDatabase, type PortalStorage } from '../portal/src/db/connection';
import { buildPortal, type Portal } from '../portal/src/server';
import type { EnterpriseProfile } from '../src-common/domain/organisation';
import { uuidv7 } from '../src-common/domain/uuidv7';
import type { Mutation } from '../src-common/portal-api/mutations';
import type { PushResult } from '../src-common/portal-api/sync.api';

export interface BenchPortal extends Portal {
  url: string;
  call<T = unknown>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** JSON over HTTP to a portal at `url`, as a client would speak to it (fetch, bearer session). */
export function httpCall(url: string): BenchPortal['call'] {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as never };
  };
}

/** `trustedCertificates` (CA DER): the portal verifies filing signatures and requires them, as with PORTAL_TRUST_DIR. */
export async function startBenchPortal(storage: PortalStorage, options: { trustedCertificates?: Uint8Array[] } = {}): Promise<BenchPortal> {
  const database = await openPortalDatabase(storage);
  const portal = await buildPortal({ database, logger: false, ...(options.trustedCertificates ? { trustedCertificates: options.trustedCertificates } : {}) });
  const url = await portal.app.listen({ host: '127.0.0.1', port: 0 });
  const call = httpCall(url);
  return {
    ...portal,
    url,
    call,
    close: async () => {
      await portal.app.close();
      await database.close();
    },
  };
}

export const benchPassword = 'Đổi-Mật-Khẩu-2026';

function enterpriseProfile(provinceCode: string): EnterpriseProfile {
  return {
    nameVi: 'Công ty TNHH Cung ứng Lao động Đo Hiệu Năng',
    licence: { number: `GP-${provinceCode}-01`, issuedOn: '2024-01-10', expiresOn: '2031-01-09' },
    headOffice: { line: 'Số 5 đường Trần Phú', provinceCode },
    legalRepresentative: { fullName: 'Đặng Văn Lâm', title: 'Giám đốc' },
    contact: { phone: '0243 123 4567', email: 'info@example.vn' },
  };
}

/** A new enterprise (the tax code must be valid and unused on this portal): its id. */
export async function benchEnterprise(portal: BenchPortal, taxCode = '1000000072'): Promise<string> {
  const { id } = await portal.services.admin.createEnterprise({ taxCode, profile: enterpriseProfile('01') });
  return id;
}

/** A new enterprise admin with its one-time temporary password (not signed in yet). */
export async function benchAdmin(
  portal: BenchPortal,
  enterpriseId: string,
  username: string,
): Promise<{ accountId: string; username: string; temporaryPassword: string }> {
  const created = await portal.services.admin.createAccount({ role: 'enterpriseAdmin', enterpriseId, username, displayName: 'Quản trị đo hiệu năng' });
  return { accountId: created.account.id, username, temporaryPassword: created.temporaryPassword };
}

/** Signs in over HTTP with the temporary password and changes it to `benchPassword`: the full session token. */
export async function signInAdmin(portal: Pick<BenchPortal, 'call'>, admin: { username: string; temporaryPassword: string }): Promise<string> {
  const { username, temporaryPassword } = admin;
  const first = await portal.call<{ token: string }>('POST', '/api/v1/auth/login', { body: { username, password: temporaryPassword } });
  if (first.status !== 200) throw new Error(`login failed: ${JSON.stringify(first.body)}`);
  const changed = await portal.call<{ token: string }>('POST', '/api/v1/auth/change-password', {
    token: first.body.token,
    body: { currentPassword: temporaryPassword, newPassword: benchPassword },
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
  return changed.body.token;
}

/** An enterprise with a signed-in enterprise admin (temporary password changed): its full session token. */
export async function enterpriseWithAdmin(
  portal: BenchPortal,
  options: { taxCode?: string; username?: string } = {},
): Promise<{ enterpriseId: string; token: string }> {
  const enterpriseId = await benchEnterprise(portal, options.taxCode);
  const admin = await benchAdmin(portal, enterpriseId, options.username ?? 'bench.enterpriseadmin');
  return { enterpriseId, token: await signInAdmin(portal, admin) };
}

/** An unsigned `employer.upsert` for a new employer (the n-th of the run). */
export function employerMutation(n: number): Mutation {
  return {
    id: uuidv7(),
    kind: 'employer.upsert',
    payload: {
      id: uuidv7(),
      fields: {
        name: `Tanaka Seiki Co., Ltd. ${n}`,
        country: 'JP',
        address: `${n}-2-3 Chiyoda, Tokyo`,
        registrationNumber: `JP-0101-${n}`,
        sector: 'Cơ khí',
        contact: { email: 'hr@tanaka.example' },
      },
    },
  };
}

/** Pushes one batch; throws unless every mutation was applied. */
export async function pushAll(portal: Pick<BenchPortal, 'call'>, token: string, mutations: Mutation[]): Promise<void> {
  const answer = await portal.call<{ results: PushResult[] }>('POST', '/api/v1/sync/push', { token, body: { mutations } });
  if (answer.status !== 200) throw new Error(`push failed ${answer.status}: ${JSON.stringify(answer.body)}`);
  const notApplied = answer.body.results.filter((r) => r.status !== 'applied');
  if (notApplied.length > 0 || answer.body.results.length !== mutations.length) {
    throw new Error(`push: ${notApplied.length} of ${mutations.length} not applied, e.g. ${JSON.stringify(notApplied[0])}`);
  }
}
