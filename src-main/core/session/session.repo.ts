// The cached portal session inside an account's encrypted store.
import type Database from 'better-sqlite3';
import { accountViewSchema, type AccountView } from '../../../src-common/portal-api/auth.api';

export interface CachedSession {
  portalUrl: string;
  token: string | null;
  expiresAt: string | null;
  account: AccountView;
  mustChangePassword: boolean;
}

export class SessionRepo {
  constructor(private readonly sqlite: Database.Database) {}

  get(): CachedSession | null {
    const row = this.sqlite
      .prepare('SELECT portal_url AS portalUrl, token, expires_at AS expiresAt, account, must_change_password AS mustChangePassword FROM portal_session WHERE slot = 1')
      .get() as { portalUrl: string; token: string | null; expiresAt: string | null; account: string; mustChangePassword: number } | undefined;
    if (!row) return null;
    const account = accountViewSchema.safeParse(JSON.parse(row.account));
    if (!account.success) return null;
    return { ...row, account: account.data, mustChangePassword: row.mustChangePassword === 1 };
  }

  save(session: CachedSession, at: string): void {
    this.sqlite
      .prepare(
        `INSERT INTO portal_session (slot, portal_url, token, expires_at, account, must_change_password, saved_at)
         VALUES (1, @portalUrl, @token, @expiresAt, @account, @mustChangePassword, @at)
         ON CONFLICT (slot) DO UPDATE SET portal_url = excluded.portal_url, token = excluded.token, expires_at = excluded.expires_at,
           account = excluded.account, must_change_password = excluded.must_change_password, saved_at = excluded.saved_at`,
      )
      .run({ ...session, account: JSON.stringify(session.account), mustChangePassword: session.mustChangePassword ? 1 : 0, at });
  }

  /** The portal refused the token: forget it, keep everything else (the outbox above all). */
  dropToken(): void {
    this.sqlite.prepare('UPDATE portal_session SET token = NULL WHERE slot = 1').run();
  }

  clear(): void {
    this.sqlite.prepare('DELETE FROM portal_session').run();
  }
}
