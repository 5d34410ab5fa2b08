// System administration: registers enterprises and agencies, creates accounts, resets passwords.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createAccountRequestSchema, createEnterpriseRequestSchema, TemporaryPasswordResponse } from '../../../src-common/portal-api/admin.api';
import type { AccountView } from '../../../src-common/portal-api/auth.api';
import type { AgencyFields } from '../../../src-common/domain/organisation';
import type { AuthService } from '../auth/auth.service';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import type { PortalDb } from '../db/connection';
import { accounts, agencies, branches, enterprises } from '../db/schema';
import type { Clock } from '../http/clock';
import { portalError } from '../http/portal-error';
import { agencyRecord, agencyScope, enterpriseRecord, enterpriseScope } from '../records/record-mappers';
import { appendChanges, writeTransaction } from '../sync/change-log';
import { isUniqueViolation } from '../db/pg-errors';

type CreateEnterprise = z.output<typeof createEnterpriseRequestSchema>;
type CreateAccount = z.output<typeof createAccountRequestSchema>;

export class AdminService {
  constructor(
    private readonly db: PortalDb,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly temporaryPasswordTtlMs: number,
  ) {}

  async createEnterprise(input: CreateEnterprise, id: string = randomUUID()): Promise<{ id: string; version: number }> {
    const now = this.clock.now();
    const row = {
      id,
      taxCode: input.taxCode,
      nameVi: input.profile.nameVi,
      provinceCode: input.profile.headOffice.provinceCode,
      licenceExpiresOn: input.profile.licence.expiresOn,
      profile: input.profile,
      version: 1,
      updatedAt: now,
    };
    try {
      await writeTransaction(this.db, async (tx) => {
        await tx.insert(enterprises).values(row);
        await appendChanges(tx, [{ entity: 'enterprise', entityId: id, version: 1, op: 'upsert', data: enterpriseRecord(row), scope: enterpriseScope(row) }], now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw portalError('CONFLICT', { field: 'taxCode' });
      throw error;
    }
    return { id, version: 1 };
  }

  async createAgency(input: AgencyFields, id: string = randomUUID()): Promise<{ id: string; version: number }> {
    const now = this.clock.now();
    const row = {
      id,
      name: input.name,
      level: input.level,
      provinceCode: input.provinceCode ?? null,
      communeCode: input.communeCode ?? null,
      version: 1,
      updatedAt: now,
    };
    await writeTransaction(this.db, async (tx) => {
      await tx.insert(agencies).values(row);
      const { entity: _agency, ...scope } = agencyScope();
      await appendChanges(tx, [{ entity: 'agency', entityId: id, version: 1, op: 'upsert', data: agencyRecord(row), scope }], now);
    });
    return { id, version: 1 };
  }

  /** Creates an account with a one-time temporary password; the first sign-in must change it. */
  async createAccount(input: CreateAccount, id: string = randomUUID()): Promise<TemporaryPasswordResponse> {
    await this.checkAffiliation(input);
    const now = this.clock.now();
    const password = temporaryPassword();
    const expiresAt = new Date(now.getTime() + this.temporaryPasswordTtlMs);
    try {
      await this.db.insert(accounts).values({
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        enterpriseId: input.enterpriseId ?? null,
        branchId: input.branchId ?? null,
        agencyId: input.agencyId ?? null,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
        temporaryPasswordExpiresAt: expiresAt,
        createdAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw portalError('CONFLICT', { field: 'username' });
      throw error;
    }
    return { account: await this.auth.accountView(id), temporaryPassword: password, temporaryPasswordExpiresAt: expiresAt.toISOString() };
  }

  async resetPassword(accountId: string): Promise<TemporaryPasswordResponse> {
    const issued = await this.auth.issueTemporaryPassword(accountId);
    return { account: issued.account, temporaryPassword: issued.temporaryPassword, temporaryPasswordExpiresAt: issued.expiresAt.toISOString() };
  }

  async listAccounts(): Promise<(AccountView & { lockedUntil: string | null; disabled: boolean })[]> {
    const rows = await this.db.select({ id: accounts.id, lockedUntil: accounts.lockedUntil, disabled: accounts.disabled }).from(accounts).orderBy(asc(accounts.username));
    return Promise.all(
      rows.map(async (row) => ({ ...(await this.auth.accountView(row.id)), lockedUntil: row.lockedUntil?.toISOString() ?? null, disabled: row.disabled })),
    );
  }

  /** An account's organisation must exist and fit its role (a commune officer belongs to a commune agency...). */
  private async checkAffiliation(input: CreateAccount): Promise<void> {
    if (input.enterpriseId) {
      const [enterprise] = await this.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
      if (!enterprise) throw portalError('VALIDATION_FAILED', { issues: [{ path: 'enterpriseId', message: 'unknown enterprise' }] });
    }
    if (input.branchId) {
      const [branch] = await this.db.select({ enterpriseId: branches.enterpriseId }).from(branches).where(eq(branches.id, input.branchId));
      if (!branch || branch.enterpriseId !== input.enterpriseId) {
        throw portalError('VALIDATION_FAILED', { issues: [{ path: 'branchId', message: 'not a branch of this enterprise' }] });
      }
    }
    if (input.agencyId) {
      const [agency] = await this.db.select({ level: agencies.level }).from(agencies).where(eq(agencies.id, input.agencyId));
      const fits = agency && (input.role === 'communeOfficer' ? agency.level === 'commune' : agency.level !== 'commune');
      if (!fits) throw portalError('VALIDATION_FAILED', { issues: [{ path: 'agencyId', message: 'agency level does not fit the role' }] });
    }
  }
}
