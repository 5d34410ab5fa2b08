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

/** Appends one entry; call inside the write transaction of the change it records. */
export function appendAuditEntry(db: StoreDb, entry: NewAuditEntry): AuditRow {
  const last = db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  const fields: ChainFields = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: JSON.stringify(entry.details),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row: AuditRow = { ...fields, hash: entryHash(fields) };
  db.insert(auditLog).values(row).run();
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
