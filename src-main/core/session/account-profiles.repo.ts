// The device store's list of portal accounts with data on this computer (and each one's store key).
import type Database from 'better-sqlite3';

export interface AccountProfile {
  id: string;
  portalUrl: string;
  username: string;
  displayName: string;
  folder: string;
  storeKey: string;
  active: number;
  lastSignedInAt: string;
}

const columns = `id, portal_url AS portalUrl, username, display_name AS displayName, folder, store_key AS storeKey, active,
  last_signed_in_at AS lastSignedInAt`;

export class AccountProfilesRepo {
  constructor(private readonly sqlite: Database.Database) {}

  byId(id: string): AccountProfile | undefined {
    return this.sqlite.prepare(`SELECT ${columns} FROM account_profiles WHERE id = ?`).get(id) as AccountProfile | undefined;
  }

  active(): AccountProfile | undefined {
    return this.sqlite.prepare(`SELECT ${columns} FROM account_profiles WHERE active = 1 ORDER BY last_signed_in_at DESC LIMIT 1`).get() as
      | AccountProfile
      | undefined;
  }

  all(): AccountProfile[] {
    return this.sqlite.prepare(`SELECT ${columns} FROM account_profiles ORDER BY last_signed_in_at DESC`).all() as AccountProfile[];
  }

  insert(profile: AccountProfile): void {
    this.sqlite
      .prepare(
        `INSERT INTO account_profiles (id, portal_url, username, display_name, folder, store_key, active, last_signed_in_at)
         VALUES (@id, @portalUrl, @username, @displayName, @folder, @storeKey, @active, @lastSignedInAt)`,
      )
      .run(profile);
  }

  /** Makes `id` the one account reopened at start (or none, with null). */
  activate(id: string | null, displayName?: string, at?: string): void {
    this.sqlite.prepare('UPDATE account_profiles SET active = 0 WHERE active = 1').run();
    if (id === null) return;
    this.sqlite
      .prepare('UPDATE account_profiles SET active = 1, display_name = coalesce(?, display_name), last_signed_in_at = coalesce(?, last_signed_in_at) WHERE id = ?')
      .run(displayName ?? null, at ?? null, id);
  }
}
