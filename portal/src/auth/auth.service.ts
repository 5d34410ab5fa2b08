// Accounts: sign-in with lockout, forced password change, administrator resets, session lookup.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { passwordProblems, type PasswordProblem } from '../../../src-common/domain/password-policy';
import type { BranchFunction, Role } from '../../../src-common/domain/roles';
import type { AccountView, SessionResponse } from '../../../src-common/portal-api/auth.api';
import type { PortalDb } from '../db/connection';
import { accounts, agencies, branches, sessions } from '../db/schema';
import type { Clock } from '../http/clock';
import { portalError } from '../http/portal-error';
import type { Principal } from '../scope/principal';
import { hashPassword, temporaryPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { hashToken, issueSession, revokeAllSessions, revokeSession, type SessionPurpose } from './sessions';

export interface AuthPolicy {
  maxFailedLogins: number;
  lockoutMs: number;
  sessionTtlMs: number;
  temporaryPasswordTtlMs: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  maxFailedLogins: 5,
  lockoutMs: 15 * 60_000,
  sessionTtlMs: 12 * 3_600_000,
  temporaryPasswordTtlMs: 72 * 3_600_000,
};

export interface AuthenticatedSession {
  principal: Principal;
  purpose: SessionPurpose;
  tokenHash: string;
  mustChangePassword: boolean;
}

type AccountRow = typeof accounts.$inferSelect;

export class AuthService {
  constructor(
    private readonly db: PortalDb,
    private readonly clock: Clock,
    private readonly policy: AuthPolicy = defaultAuthPolicy,
  ) {}

  async login(username: string, password: string): Promise<SessionResponse> {
    const now = this.clock.now();
    const [account] = await this.db.select().from(accounts).where(eq(accounts.username, username));
    if (!account) {
      await verifyAgainstDummy(password);
      throw portalError('AUTH_INVALID_CREDENTIALS');
    }
    // While locked, the password is not even checked: guesses during the window teach nothing.
    if (account.lockedUntil && account.lockedUntil > now) throw this.lockedError(account.lockedUntil, now);
    if (!(await verifyPassword(account.passwordHash, password))) {
      await this.recordFailure(account.id, now);
      throw portalError('AUTH_INVALID_CREDENTIALS');
    }
    if (account.disabled) throw portalError('AUTH_ACCOUNT_DISABLED');
    if (account.temporaryPasswordExpiresAt && account.temporaryPasswordExpiresAt <= now) {
      throw portalError('AUTH_TEMPORARY_PASSWORD_EXPIRED');
    }
    await this.db.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    return this.openSession(account.id, account.mustChangePassword ? 'changePassword' : 'full', now);
  }

  /** Counts a wrong password; the failure that reaches the limit locks the account and says so. */
  private async recordFailure(accountId: string, now: Date): Promise<void> {
    const lockUntil = new Date(now.getTime() + this.policy.lockoutMs);
    const [row] = await this.db
      .update(accounts)
      .set({
        failedLogins: sql`case when ${accounts.failedLogins} + 1 >= ${this.policy.maxFailedLogins} then 0 else ${accounts.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${accounts.failedLogins} + 1 >= ${this.policy.maxFailedLogins} then ${lockUntil.toISOString()}::timestamptz else ${accounts.lockedUntil} end`,
      })
      .where(eq(accounts.id, accountId))
      .returning({ lockedUntil: accounts.lockedUntil });
    if (row?.lockedUntil && row.lockedUntil > now) throw this.lockedError(row.lockedUntil, now);
  }

  private lockedError(lockedUntil: Date, now: Date) {
    return portalError('AUTH_ACCOUNT_LOCKED', {
      lockedUntil: lockedUntil.toISOString(),
      retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }

  async changePassword(session: AuthenticatedSession, currentPassword: string, newPassword: string): Promise<SessionResponse> {
    const now = this.clock.now();
    const account = await this.accountById(session.principal.accountId);
    if (account.lockedUntil && account.lockedUntil > now) throw this.lockedError(account.lockedUntil, now);
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      await this.recordFailure(account.id, now);
      throw portalError('CURRENT_PASSWORD_INCORRECT');
    }
    const problems: PasswordProblem[] = passwordProblems(newPassword, account.username);
    if (newPassword === currentPassword) problems.push('sameAsCurrent');
    if (problems.length > 0) throw portalError('PASSWORD_POLICY', { problems });
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({ passwordHash, mustChangePassword: false, temporaryPasswordExpiresAt: null, failedLogins: 0, passwordChangedAt: now })
        .where(eq(accounts.id, account.id));
      // A changed password ends every session, this one included; the answer carries a fresh one.
      await revokeAllSessions(tx, account.id, now);
    });
    return this.openSession(account.id, 'full', now);
  }

  async logout(session: AuthenticatedSession): Promise<void> {
    await revokeSession(this.db, session.tokenHash, this.clock.now());
  }

  /** Sets a one-time temporary password that must be changed at the next sign-in. */
  async issueTemporaryPassword(accountId: string): Promise<{ account: AccountView; temporaryPassword: string; expiresAt: Date }> {
    const now = this.clock.now();
    await this.accountById(accountId);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const expiresAt = new Date(now.getTime() + this.policy.temporaryPasswordTtlMs);
    await this.db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({ passwordHash, mustChangePassword: true, temporaryPasswordExpiresAt: expiresAt, failedLogins: 0, lockedUntil: null })
        .where(eq(accounts.id, accountId));
      await revokeAllSessions(tx, accountId, now);
    });
    return { account: await this.accountView(accountId), temporaryPassword: password, expiresAt };
  }

  /** The session behind a bearer token, or AUTH_REQUIRED when it is unknown, expired or revoked. */
  async authenticate(token: string): Promise<AuthenticatedSession> {
    const now = this.clock.now();
    const tokenHash = hashToken(token);
    const [row] = await this.db
      .select({ purpose: sessions.purpose, accountId: sessions.accountId, disabled: accounts.disabled })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
    if (!row || row.disabled) throw portalError('AUTH_REQUIRED');
    const view = await this.accountView(row.accountId);
    return { principal: principalOf(view), purpose: row.purpose as SessionPurpose, tokenHash, mustChangePassword: view.mustChangePassword };
  }

  async accountView(accountId: string): Promise<AccountView> {
    const [row] = await this.db
      .select({ account: accounts, branchFunctions: branches.functions, agency: agencies })
      .from(accounts)
      .leftJoin(branches, eq(branches.id, accounts.branchId))
      .leftJoin(agencies, eq(agencies.id, accounts.agencyId))
      .where(eq(accounts.id, accountId));
    if (!row) throw portalError('NOT_FOUND');
    const { account, agency } = row;
    return {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role as Role,
      mustChangePassword: account.mustChangePassword,
      ...(account.enterpriseId ? { enterpriseId: account.enterpriseId } : {}),
      ...(account.branchId ? { branchId: account.branchId, branchFunctions: (row.branchFunctions ?? []) as BranchFunction[] } : {}),
      ...(agency
        ? {
            agencyId: agency.id,
            jurisdiction: {
              level: agency.level as 'central' | 'province' | 'commune',
              ...(agency.provinceCode ? { provinceCode: agency.provinceCode } : {}),
              ...(agency.communeCode ? { communeCode: agency.communeCode } : {}),
            },
          }
        : {}),
    };
  }

  private async accountById(accountId: string): Promise<AccountRow> {
    const [account] = await this.db.select().from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw portalError('NOT_FOUND');
    return account;
  }

  async openSession(accountId: string, purpose: SessionPurpose, now: Date): Promise<SessionResponse> {
    const session = await issueSession(this.db, accountId, purpose, now, this.policy.sessionTtlMs);
    const account = await this.accountView(accountId);
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), mustChangePassword: purpose === 'changePassword', account };
  }
}

export function principalOf(view: AccountView): Principal {
  return {
    accountId: view.id,
    username: view.username,
    role: view.role,
    ...(view.enterpriseId ? { enterpriseId: view.enterpriseId } : {}),
    ...(view.branchId ? { branchId: view.branchId, branchFunctions: view.branchFunctions ?? [] } : {}),
    ...(view.agencyId ? { agencyId: view.agencyId } : {}),
    ...(view.jurisdiction ? { jurisdiction: view.jurisdiction } : {}),
  };
}
