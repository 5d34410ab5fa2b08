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

export async function startBenchPortal(storage: PortalStorage): Promise<BenchPortal> {
  const database = await openPortalDatabase(storage);
  const portal = await buildPortal({ database, logger: false });
  const url = await portal.app.listen({ host: '127.0.0.1', port: 0 });
  const call: BenchPortal['call'] = async (method, path, options = {}) => {
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

const benchPassword = 'Đổi-Mật-Khẩu-2026';

function enterpriseProfile(provinceCode: string): EnterpriseProfile {
  return {
    nameVi: 'Công ty TNHH Cung ứng Lao động Đo Hiệu Năng',
    licence: { number: `GP-${provinceCode}-01`, issuedOn: '2024-01-10', expiresOn: '2031-01-09' },
    headOffice: { line: 'Số 5 đường Trần Phú', provinceCode },
    legalRepresentative: { fullName: 'Đặng Văn Lâm', title: 'Giám đốc' },
    contact: { phone: '0243 123 4567', email: 'info@example.vn' },
  };
}

/** An enterprise with a signed-in enterprise admin (temporary password changed): its full session token. */
export async function enterpriseWithAdmin(portal: BenchPortal): Promise<{ enterpriseId: string; token: string }> {
  const { id: enterpriseId } = await portal.services.admin.createEnterprise({ taxCode: '1000000072', profile: enterpriseProfile('01') });
  const username = 'bench.enterpriseadmin';
  const created = await portal.services.admin.createAccount({ role: 'enterpriseAdmin', enterpriseId, username, displayName: 'Quản trị đo hiệu năng' });
  const first = await portal.call<{ token: string }>('POST', '/api/v1/auth/login', { body: { username, password: created.temporaryPassword } });
  if (first.status !== 200) throw new Error(`login failed: ${JSON.stringify(first.body)}`);
  const changed = await portal.call<{ token: string }>('POST', '/api/v1/auth/change-password', {
    token: first.body.token,
    body: { currentPassword: created.temporaryPassword, newPassword: benchPassword },
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
  return { enterpriseId, token: changed.body.token };
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
export async function pushAll(portal: BenchPortal, token: string, mutations: Mutation[]): Promise<void> {
  const answer = await portal.call<{ results: PushResult[] }>('POST', '/api/v1/sync/push', { token, body: { mutations } });
  if (answer.status !== 200) throw new Error(`push failed ${answer.status}: ${JSON.stringify(answer.body)}`);
  const notApplied = answer.body.results.filter((r) => r.status !== 'applied');
  if (notApplied.length > 0 || answer.body.results.length !== mutations.length) {
    throw new Error(`push: ${notApplied.length} of ${mutations.length} not applied, e.g. ${JSON.stringify(notApplied[0])}`);
  }
}
