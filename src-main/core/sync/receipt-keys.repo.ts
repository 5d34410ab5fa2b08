// The `receipt_keys` table of an account's store: the portal receipt keys this account trusts (pinned
// on first use) and any other key the portal published since (unaccepted: the warning to show).
import type Database from 'better-sqlite3';

export interface ReceiptKeyRow {
  /** SPKI DER, base64: what is pinned (a key id alone could be reused by another key). */
  spki: string;
  keyId: string;
  state: 'pinned' | 'unaccepted';
  firstSeenAt: string;
  acceptedAt: string | null;
}

export class ReceiptKeysRepo {
  private readonly allStmt: Database.Statement<[], ReceiptKeyRow>;
  private readonly insertStmt: Database.Statement;
  private readonly acceptStmt: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.allStmt = sqlite.prepare(
      'SELECT spki, key_id AS keyId, state, first_seen_at AS firstSeenAt, accepted_at AS acceptedAt FROM receipt_keys ORDER BY first_seen_at, spki',
    );
    // A key already known keeps its state: pinning never happens twice, a warning never un-pins.
    this.insertStmt = sqlite.prepare(
      'INSERT INTO receipt_keys (spki, key_id, state, first_seen_at, accepted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (spki) DO NOTHING',
    );
    this.acceptStmt = sqlite.prepare("UPDATE receipt_keys SET state = 'pinned', accepted_at = ? WHERE spki = ? AND state = 'unaccepted'");
  }

  all(): ReceiptKeyRow[] {
    return this.allStmt.all();
  }

  pinned(): ReceiptKeyRow[] {
    return this.all().filter((row) => row.state === 'pinned');
  }

  /** Keys the portal published that this account has not accepted: receipts under them count as invalid. */
  unaccepted(): ReceiptKeyRow[] {
    return this.all().filter((row) => row.state === 'unaccepted');
  }

  pin(spki: string, keyId: string, at: string): void {
    this.insertStmt.run(spki, keyId, 'pinned', at, at);
  }

  noteUnaccepted(spki: string, keyId: string, at: string): void {
    this.insertStmt.run(spki, keyId, 'unaccepted', at, null);
  }

  /**
   * The user's explicit decision that a changed key is the portal's (e.g. after checking with it):
   * the key joins the pinned ones; the old ones stay, so older receipts still verify.
   */
  accept(spki: string, at: string): boolean {
    return this.acceptStmt.run(at, spki).changes > 0;
  }
}
