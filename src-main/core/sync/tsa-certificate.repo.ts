// The portal TSA's certificate this account fetched (GET /api/v1/tsa/certificate), kept in the account
// store's key-value `settings` table: timestamps are checked against it, also offline.
import type Database from 'better-sqlite3';

const settingKey = 'portal.tsaCertificate';

export class TsaCertificateRepo {
  private readonly getStmt: Database.Statement<[string], { value: string }>;
  private readonly putStmt: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.getStmt = sqlite.prepare('SELECT value FROM settings WHERE key = ?');
    this.putStmt = sqlite.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  /** The kept certificate (DER), or null before the first fetch. */
  get(): Uint8Array | null {
    const row = this.getStmt.get(settingKey);
    return row ? new Uint8Array(Buffer.from(row.value, 'base64')) : null;
  }

  put(certificateDer: Uint8Array, at: string): void {
    this.putStmt.run(settingKey, Buffer.from(certificateDer).toString('base64'), at);
  }
}
