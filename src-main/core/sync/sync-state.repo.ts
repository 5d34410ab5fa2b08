// Where pulling stands (the cursor) and the log of recent attempts, for the badge and the sync panel.
import type Database from 'better-sqlite3';
import type { SyncAttempt } from '../../../src-common/contract';

export interface SyncStateRow {
  cursor: string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
}

export type AttemptOutcome = SyncAttempt['outcome'];

const keptAttempts = 100;

export class SyncStateRepo {
  constructor(private readonly sqlite: Database.Database) {
    sqlite.prepare("INSERT OR IGNORE INTO sync_state (slot, cursor) VALUES (1, '0')").run();
  }

  get(): SyncStateRow {
    return this.sqlite
      .prepare(
        `SELECT cursor, last_success_at AS lastSuccessAt, last_attempt_at AS lastAttemptAt,
                last_error_code AS lastErrorCode, last_error_message AS lastErrorMessage FROM sync_state WHERE slot = 1`,
      )
      .get() as SyncStateRow;
  }

  setCursor(cursor: string): void {
    this.sqlite.prepare('UPDATE sync_state SET cursor = ? WHERE slot = 1').run(cursor);
  }

  finish(at: string, error: { code: string; message: string } | null): void {
    if (error) {
      this.sqlite.prepare('UPDATE sync_state SET last_attempt_at = ?, last_error_code = ?, last_error_message = ? WHERE slot = 1').run(at, error.code, error.message);
    } else {
      this.sqlite.prepare('UPDATE sync_state SET last_attempt_at = ?, last_success_at = ?, last_error_code = NULL, last_error_message = NULL WHERE slot = 1').run(at, at);
    }
  }

  startAttempt(at: string): number {
    const id = Number(this.sqlite.prepare("INSERT INTO sync_attempts (started_at, outcome) VALUES (?, 'error')").run(at).lastInsertRowid);
    this.sqlite.prepare('DELETE FROM sync_attempts WHERE id <= ?').run(id - keptAttempts);
    return id;
  }

  finishAttempt(
    id: number,
    at: string,
    outcome: AttemptOutcome,
    counts: { pushed: number; applied: number; rejected: number; pulled: number },
    error: { code: string; message: string } | null,
  ): void {
    this.sqlite
      .prepare(
        `UPDATE sync_attempts SET finished_at = ?, outcome = ?, pushed = ?, applied = ?, rejected = ?, pulled = ?,
         error_code = ?, error_message = ? WHERE id = ?`,
      )
      .run(at, outcome, counts.pushed, counts.applied, counts.rejected, counts.pulled, error?.code ?? null, error?.message ?? null, id);
  }

  attempts(limit: number): SyncAttempt[] {
    const rows = this.sqlite
      .prepare(
        `SELECT id, started_at AS startedAt, finished_at AS finishedAt, outcome, pushed, applied, rejected, pulled,
                error_code AS errorCode, error_message AS errorMessage FROM sync_attempts ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as (Omit<SyncAttempt, 'error'> & { errorCode: string | null; errorMessage: string | null })[];
    return rows.map(({ errorCode, errorMessage, ...row }) => ({
      ...row,
      error: errorCode ? { code: errorCode, message: errorMessage ?? '' } : null,
    }));
  }
}
