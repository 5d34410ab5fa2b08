// Audit log rows: append with the hash chain, list recent, iterate in order for verification.
import type Database from 'better-sqlite3';
import { desc, lt } from 'drizzle-orm';
import type { StoreDb } from '../db/store';
import { auditLog } from '../db/schema';
import { entryHash, GENESIS_HASH, type ChainFields } from './audit-chain';

export interface NewAuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

export type AuditRow = typeof auditLog.$inferSelect;

interface AuditStatements {
  last: Database.Statement<[], { seq: number; hash: string } | undefined>;
  insert: Database.Statement<[AuditRow]>;
}

/** Appends are the hot path (imports, sync batches): prepared once per connection, not built per call. */
const statementsByConnection = new WeakMap<Database.Database, AuditStatements>();

function statements(sqlite: Database.Database): AuditStatements {
  let prepared = statementsByConnection.get(sqlite);
  if (!prepared) {
    prepared = {
      last: sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: sqlite.prepare(
        'INSERT INTO audit_log (seq, at, actor, action, target, details, prev_hash, hash) ' +
          'VALUES (@seq, @at, @actor, @action, @target, @details, @prevHash, @hash)',
      ),
    };
    statementsByConnection.set(sqlite, prepared);
  }
  return prepared;
}

/** Appends one entry; call inside the write transaction of the change it records. */
export function appendAuditEntry(sqlite: Database.Database, entry: NewAuditEntry): AuditRow {
  const { last, insert } = statements(sqlite);
  const previous = last.get();
  const fields: ChainFields = {
    seq: (previous?.seq ?? 0) + 1,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: JSON.stringify(entry.details),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  const row: AuditRow = { ...fields, hash: entryHash(fields) };
  insert.run(row);
  return row;
}

export function listAuditEntries(db: StoreDb, limit: number, beforeSeq?: number): AuditRow[] {
  const query = db.select().from(auditLog);
  const filtered = beforeSeq === undefined ? query : query.where(lt(auditLog.seq, beforeSeq));
  return filtered.orderBy(desc(auditLog.seq)).limit(limit).all();
}

export function countAuditEntries(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

/** Streams every row in chain order without loading the table into memory. */
export function iterateAuditRows(sqlite: Database.Database): IterableIterator<AuditRow> {
  return sqlite
    .prepare(
      'SELECT seq, at, actor, action, target, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<AuditRow>;
}
