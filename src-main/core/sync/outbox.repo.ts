// The outbox: mutations waiting for the portal, and the ones it refused (the needs-attention list).
import type Database from 'better-sqlite3';
import type { Mutation } from '../../../src-common/portal-api/mutations';

export interface OutboxEntry {
  seq: number;
  id: string;
  kind: string;
  entity: string;
  entityId: string;
  payload: string;
  signature: string | null;
  state: 'pending' | 'rejected';
  createdAt: string;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  errorDetails: string | null;
  rejectedAt: string | null;
}

const columns = `seq, id, kind, entity, entity_id AS entityId, payload, signature, state, created_at AS createdAt, attempts,
  error_code AS errorCode, error_message AS errorMessage, error_details AS errorDetails, rejected_at AS rejectedAt`;

export class OutboxRepo {
  private readonly insertStmt: Database.Statement;
  private readonly pendingStmt: Database.Statement<[number], OutboxEntry>;
  private readonly deleteStmt: Database.Statement<[string]>;
  private readonly rejectStmt: Database.Statement;
  private readonly attemptStmt: Database.Statement;
  private readonly byEntityStmt: Database.Statement<[string, string], OutboxEntry>;
  private readonly byIdStmt: Database.Statement<[string], OutboxEntry>;

  constructor(private readonly sqlite: Database.Database) {
    this.insertStmt = sqlite.prepare(
      `INSERT INTO outbox (id, kind, entity, entity_id, payload, signature, state, created_at)
       VALUES (@id, @kind, @entity, @entityId, @payload, @signature, 'pending', @createdAt)`,
    );
    this.pendingStmt = sqlite.prepare(`SELECT ${columns} FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?`);
    this.deleteStmt = sqlite.prepare('DELETE FROM outbox WHERE id = ?');
    this.rejectStmt = sqlite.prepare(
      `UPDATE outbox SET state = 'rejected', error_code = @code, error_message = @message, error_details = @details, rejected_at = @at
       WHERE id = @id AND state = 'pending'`,
    );
    this.attemptStmt = sqlite.prepare('UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?');
    this.byEntityStmt = sqlite.prepare(`SELECT ${columns} FROM outbox WHERE entity = ? AND entity_id = ? AND state = 'pending' ORDER BY seq`);
    this.byIdStmt = sqlite.prepare(`SELECT ${columns} FROM outbox WHERE id = ?`);
  }

  add(entry: { id: string; kind: string; entity: string; entityId: string; payload: unknown; signature?: string; createdAt: string }): void {
    this.insertStmt.run({ ...entry, payload: JSON.stringify(entry.payload), signature: entry.signature ?? null });
  }

  /** The oldest pending mutations, in the order they were made. */
  pending(limit: number): OutboxEntry[] {
    return this.pendingStmt.all(limit);
  }

  pendingFor(entity: string, entityId: string): OutboxEntry[] {
    return this.byEntityStmt.all(entity, entityId);
  }

  byId(id: string): OutboxEntry | undefined {
    return this.byIdStmt.get(id);
  }

  /** The portal has it (applied now or earlier): the entry is done. Returns whether there was one. */
  close(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  reject(id: string, error: { code: string; message: string; details?: unknown }, at: string): void {
    this.rejectStmt.run({ id, code: error.code, message: error.message, details: error.details === undefined ? null : JSON.stringify(error.details), at });
  }

  countAttempt(id: string, at: string): void {
    this.attemptStmt.run(at, id);
  }

  /** Pending mutations of `kind`, oldest first (the attachment upload pass reads the filings). */
  pendingOfKind(kind: string): OutboxEntry[] {
    return this.sqlite.prepare(`SELECT ${columns} FROM outbox WHERE state = 'pending' AND kind = ? ORDER BY seq`).all(kind) as OutboxEntry[];
  }

  /** Pending mutations of `kind` that carry a signature, oldest first (the timestamp pass reads these). */
  pendingSigned(kind: string): OutboxEntry[] {
    return this.sqlite.prepare(`SELECT ${columns} FROM outbox WHERE state = 'pending' AND kind = ? AND signature IS NOT NULL ORDER BY seq`).all(kind) as OutboxEntry[];
  }

  /**
   * Replaces the signature of a pending entry with `to` (the same signature, timestamped) if it is
   * still `from`: an entry pushed, rejected or resubmitted meanwhile is left alone. Returns whether it was.
   */
  replaceSignature(id: string, from: string, to: string): boolean {
    return this.sqlite.prepare("UPDATE outbox SET signature = ? WHERE id = ? AND state = 'pending' AND signature = ?").run(to, id, from).changes > 0;
  }

  rejected(): OutboxEntry[] {
    return this.sqlite.prepare(`SELECT ${columns} FROM outbox WHERE state = 'rejected' ORDER BY seq`).all() as OutboxEntry[];
  }

  isEmpty(): boolean {
    return this.sqlite.prepare('SELECT 1 FROM outbox LIMIT 1').get() === undefined;
  }

  counts(): { pending: number; rejected: number } {
    const row = this.sqlite
      .prepare("SELECT sum(state = 'pending') AS pending, sum(state = 'rejected') AS rejected FROM outbox")
      .get() as { pending: number | null; rejected: number | null };
    return { pending: row.pending ?? 0, rejected: row.rejected ?? 0 };
  }
}

export function toMutation(entry: OutboxEntry): Mutation {
  return { id: entry.id, kind: entry.kind, payload: JSON.parse(entry.payload), ...(entry.signature ? { signature: entry.signature } : {}) };
}
