// Filing versions prepared on this computer (filing_drafts) and every transition of a filing
// (filing_history). Plain prepared statements over the account's store; callers hold the transaction.
import type Database from 'better-sqlite3';

export type DraftState = 'draft' | 'signed' | 'submitted';

export interface DraftRow {
  filingId: string;
  version: number;
  type: string;
  title: string;
  branchId: string | null;
  content: string;
  state: DraftState;
  signature: string | null;
  mutationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryRow {
  seq: number;
  filingId: string;
  version: number;
  transition: string;
  at: string;
  actor: string;
  detail: string | null;
}

const draftColumns = `filing_id AS filingId, version, type, title, branch_id AS branchId, content, state, signature,
  mutation_id AS mutationId, created_at AS createdAt, updated_at AS updatedAt`;

export class FilingDraftsRepo {
  private readonly getStmt: Database.Statement<[string, number], DraftRow>;
  private readonly upsertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement<[string, number]>;
  private readonly historyStmt: Database.Statement<[string, number], HistoryRow>;
  private readonly lastTransitionStmt: Database.Statement<[string, number], { transition: string }>;
  private readonly addHistoryStmt: Database.Statement;
  private readonly latestVersionStmt: Database.Statement<[string, string], { version: number | null }>;

  constructor(private readonly sqlite: Database.Database) {
    this.getStmt = sqlite.prepare(`SELECT ${draftColumns} FROM filing_drafts WHERE filing_id = ? AND version = ?`);
    this.upsertStmt = sqlite.prepare(
      `INSERT INTO filing_drafts (filing_id, version, type, title, branch_id, content, state, signature, mutation_id, search_text, created_at, updated_at)
       VALUES (@filingId, @version, @type, @title, @branchId, @content, @state, @signature, @mutationId, @searchText, @createdAt, @updatedAt)
       ON CONFLICT (filing_id, version) DO UPDATE SET type = excluded.type, title = excluded.title, branch_id = excluded.branch_id,
         content = excluded.content, state = excluded.state, signature = excluded.signature, mutation_id = excluded.mutation_id,
         search_text = excluded.search_text, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = sqlite.prepare('DELETE FROM filing_drafts WHERE filing_id = ? AND version = ?');
    this.historyStmt = sqlite.prepare(
      'SELECT seq, filing_id AS filingId, version, transition, at, actor, detail FROM filing_history WHERE filing_id = ? AND version = ? ORDER BY seq',
    );
    this.lastTransitionStmt = sqlite.prepare('SELECT transition FROM filing_history WHERE filing_id = ? AND version = ? ORDER BY seq DESC LIMIT 1');
    this.addHistoryStmt = sqlite.prepare(
      'INSERT INTO filing_history (filing_id, version, transition, at, actor, detail) VALUES (@filingId, @version, @transition, @at, @actor, @detail)',
    );
    // The highest version known here, as a draft or as a record pulled from the portal ("<id>:<version>").
    this.latestVersionStmt = sqlite.prepare(
      `SELECT max(v) AS version FROM (
         SELECT version AS v FROM filing_drafts WHERE filing_id = ?
         UNION ALL SELECT CAST(substr(id, 38) AS INTEGER) FROM records WHERE entity = 'filing' AND substr(id, 1, 36) = ?)`,
    );
  }

  get(filingId: string, version: number): DraftRow | undefined {
    return this.getStmt.get(filingId, version);
  }

  put(row: DraftRow & { searchText: string }): void {
    this.upsertStmt.run(row);
  }

  delete(filingId: string, version: number): void {
    this.deleteStmt.run(filingId, version);
  }

  history(filingId: string, version: number): HistoryRow[] {
    return this.historyStmt.all(filingId, version);
  }

  lastTransition(filingId: string, version: number): string | null {
    return this.lastTransitionStmt.get(filingId, version)?.transition ?? null;
  }

  addHistory(entry: Omit<HistoryRow, 'seq' | 'detail'> & { detail?: unknown }): void {
    this.addHistoryStmt.run({ ...entry, detail: entry.detail === undefined ? null : JSON.stringify(entry.detail) });
  }

  latestVersion(filingId: string): number {
    return this.latestVersionStmt.get(filingId, filingId)?.version ?? 0;
  }

  /**
   * One page of filings, newest first: this computer's unsubmitted drafts and every filing version the
   * portal knows (records), with search over folded titles and an optional type.
   */
  list(options: { search?: string; type?: string; limit: number; offset: number }): { rows: ListedFiling[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: options.limit, offset: options.offset };
    if (options.search) {
      where.push(`search_text LIKE @search ESCAPE '\\'`);
      params.search = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (options.type) {
      where.push('type = @type');
      params.type = options.type;
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // Unsubmitted drafts, and the versions the portal knows (filing_index, kept by triggers on records).
    const union = `
      SELECT filing_id AS filingId, version, type, title, state, NULL AS status, 0 AS hasReceipt, NULL AS receiptStatus, 0 AS pending,
             updated_at AS updatedAt, search_text
        FROM filing_drafts WHERE state <> 'submitted'
      UNION ALL
      SELECT filing_id, version, type, title, 'submitted', status, has_receipt, receipt_status, pending, updated_at, search_text
        FROM filing_index`;
    const rows = this.sqlite
      .prepare(
        `SELECT filingId, version, type, title, state, status, hasReceipt, receiptStatus, pending, updatedAt FROM (${union}) ${filter}
         ORDER BY updatedAt DESC, filingId LIMIT @limit OFFSET @offset`,
      )
      .all(params) as ListedFiling[];
    const { total } = this.sqlite.prepare(`SELECT count(*) AS total FROM (${union}) ${filter}`).get(params) as { total: number };
    return { rows, total };
  }
}

export interface ListedFiling {
  filingId: string;
  version: number;
  type: string;
  title: string;
  state: DraftState;
  /** The portal's status of a submitted version ('pending' while still in the outbox); null for a draft. */
  status: string | null;
  hasReceipt: number;
  receiptStatus: string | null;
  pending: number;
  updatedAt: string;
}
