// The account store's `attachments` table: a dossier's files by SHA-256 (encrypted at rest with the store).
import type Database from 'better-sqlite3';

export interface AttachmentMeta {
  sha256: string;
  name: string;
  mime: string;
  size: number;
  uploadedAt: string | null;
}

export interface AttachmentRow extends AttachmentMeta {
  bytes: Buffer;
}

export class AttachmentsRepo {
  private readonly insertStmt: Database.Statement;
  private readonly metaStmt: Database.Statement<[string], AttachmentMeta>;
  private readonly rowStmt: Database.Statement<[string], AttachmentRow>;
  private readonly uploadedStmt: Database.Statement<[string, string]>;

  constructor(sqlite: Database.Database) {
    // The same bytes added again (another name) keep the first row: a hash names one file.
    this.insertStmt = sqlite.prepare(
      `INSERT INTO attachments (sha256, name, mime, size, bytes, created_at) VALUES (@sha256, @name, @mime, @size, @bytes, @createdAt)
       ON CONFLICT (sha256) DO NOTHING`,
    );
    this.metaStmt = sqlite.prepare('SELECT sha256, name, mime, size, uploaded_at AS uploadedAt FROM attachments WHERE sha256 = ?');
    this.rowStmt = sqlite.prepare('SELECT sha256, name, mime, size, bytes, uploaded_at AS uploadedAt FROM attachments WHERE sha256 = ?');
    this.uploadedStmt = sqlite.prepare('UPDATE attachments SET uploaded_at = ? WHERE sha256 = ? AND uploaded_at IS NULL');
  }

  add(row: { sha256: string; name: string; mime: string; size: number; bytes: Buffer; createdAt: string }): void {
    this.insertStmt.run(row);
  }

  /** Name, type, size and upload state, without reading the bytes. */
  meta(sha256: string): AttachmentMeta | undefined {
    return this.metaStmt.get(sha256);
  }

  get(sha256: string): AttachmentRow | undefined {
    return this.rowStmt.get(sha256);
  }

  markUploaded(sha256: string, at: string): void {
    this.uploadedStmt.run(at, sha256);
  }
}
