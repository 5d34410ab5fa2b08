// The `records` table: the portal's version of each record and, while changes are pending, the local one.
import type Database from 'better-sqlite3';
import type { LocalRecord, ReceiptStatus } from '../../../src-common/contract';
import type { EntityKind } from '../../../src-common/portal-api/sync.api';
import type { RecordData } from './local-effects';

export interface RecordRow {
  entity: string;
  id: string;
  serverVersion: number | null;
  serverData: string | null;
  localData: string | null;
  receiptStatus?: string | null;
}

export class RecordsRepo {
  private readonly getStmt: Database.Statement<[string, string], RecordRow>;
  private readonly putServerStmt: Database.Statement;
  private readonly putLocalStmt: Database.Statement;
  private readonly clearLocalStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly putAcknowledgedStmt: Database.Statement;
  private readonly setReceiptStatusStmt: Database.Statement;
  private readonly filingsPageStmt: Database.Statement<[string, number], { id: string; serverData: string }>;

  constructor(private readonly sqlite: Database.Database) {
    this.getStmt = sqlite.prepare(
      'SELECT entity, id, server_version AS serverVersion, server_data AS serverData, local_data AS localData, receipt_status AS receiptStatus FROM records WHERE entity = ? AND id = ?',
    );
    // Positional parameters: a pull stores every row through this one, and binding by name costs more.
    this.putServerStmt = sqlite.prepare(`
      INSERT INTO records (entity, id, server_version, server_seq, server_data, local_data, search_text, updated_at)
      VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
      ON CONFLICT (entity, id) DO UPDATE SET server_version = excluded.server_version, server_seq = excluded.server_seq,
        server_data = excluded.server_data, search_text = CASE WHEN records.local_data IS NULL THEN excluded.search_text ELSE records.search_text END,
        updated_at = excluded.updated_at`);
    this.putLocalStmt = sqlite.prepare(`
      INSERT INTO records (entity, id, server_version, server_seq, server_data, local_data, search_text, updated_at)
      VALUES (@entity, @id, NULL, NULL, NULL, @data, @searchText, @at)
      ON CONFLICT (entity, id) DO UPDATE SET local_data = excluded.local_data, search_text = excluded.search_text, updated_at = excluded.updated_at`);
    this.clearLocalStmt = sqlite.prepare('UPDATE records SET local_data = NULL, search_text = ?, updated_at = ? WHERE entity = ? AND id = ?');
    this.deleteStmt = sqlite.prepare('DELETE FROM records WHERE entity = ? AND id = ?');
    this.putAcknowledgedStmt = sqlite.prepare(`
      INSERT INTO records (entity, id, server_version, server_seq, server_data, local_data, search_text, updated_at)
      VALUES (?, ?, NULL, NULL, ?, NULL, ?, ?)
      ON CONFLICT (entity, id) DO UPDATE SET server_data = excluded.server_data, updated_at = excluded.updated_at`);
    this.setReceiptStatusStmt = sqlite.prepare('UPDATE records SET receipt_status = ? WHERE entity = ? AND id = ?');
    this.filingsPageStmt = sqlite.prepare(
      "SELECT id, server_data AS serverData FROM records WHERE entity = 'filing' AND server_data IS NOT NULL AND id > ? ORDER BY id LIMIT ?",
    );
  }

  /** The result of checking the portal's receipt kept in a filing's server data (null: no receipt). */
  setReceiptStatus(entity: string, id: string, status: ReceiptStatus | null): void {
    this.setReceiptStatusStmt.run(status, entity, id);
  }

  /** The portal's version of stored filings, by id, `limit` at a time after `afterId` (to re-check receipts). */
  filingsPage(afterId: string, limit: number): { id: string; serverData: string }[] {
    return this.filingsPageStmt.all(afterId, limit);
  }

  /**
   * The portal answered "applied" (or "duplicate"): its copy now includes the mutation, so ours does
   * too until the next pull brings the portal's own row (version and seq stay those last pulled).
   */
  putAcknowledged(entity: string, id: string, data: RecordData, searchText: string, at: string): void {
    this.putAcknowledgedStmt.run(entity, id, JSON.stringify(data), searchText, at);
  }

  get(entity: string, id: string): RecordRow | undefined {
    return this.getStmt.get(entity, id);
  }

  /** Stores the portal's version of a record (a pulled change); the local overlay is recomputed separately. */
  putServer(entity: string, id: string, version: number, seq: number, data: RecordData, searchText: string, at: string): void {
    this.putServerStmt.run(entity, id, version, seq, JSON.stringify(data), searchText, at);
  }

  /** Sets (or, with null, clears) the local overlay; a record with neither version disappears. */
  putLocal(entity: string, id: string, data: RecordData | null, searchText: string, at: string): void {
    if (data !== null) {
      this.putLocalStmt.run({ entity, id, data: JSON.stringify(data), searchText, at });
      return;
    }
    this.clearLocal(this.get(entity, id), searchText, at);
  }

  /** putLocal(..., null, ...) for a row the caller has just read in the same transaction. */
  clearLocal(row: RecordRow | undefined, searchText: string, at: string): void {
    if (!row) return;
    if (row.serverData === null) this.deleteStmt.run(row.entity, row.id);
    else this.clearLocalStmt.run(searchText, at, row.entity, row.id);
  }

  list(entity: EntityKind, foldedSearch: string | undefined, limit: number, offset: number): { rows: LocalRecord[]; total: number } {
    const where = foldedSearch ? 'entity = ? AND search_text LIKE ? ESCAPE \'\\\'' : 'entity = ?';
    const params: unknown[] = foldedSearch ? [entity, `%${foldedSearch.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [entity];
    const total = (this.sqlite.prepare(`SELECT count(*) AS n FROM records WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.sqlite
      .prepare(
        `SELECT entity, id, server_version AS serverVersion, server_data AS serverData, local_data AS localData,
                receipt_status AS receiptStatus
         FROM records WHERE ${where} ORDER BY search_text, id LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as RecordRow[];
    return { rows: rows.map(toLocalRecord), total };
  }
}

export function toLocalRecord(row: RecordRow): LocalRecord {
  return {
    entity: row.entity as EntityKind,
    id: row.id,
    data: JSON.parse(row.localData ?? row.serverData ?? '{}') as RecordData,
    serverVersion: row.serverVersion,
    pending: row.localData !== null,
    ...(row.receiptStatus ? { receiptStatus: row.receiptStatus as ReceiptStatus } : {}),
  };
}
