// Dossier attachments on the portal: bytes an enterprise uploads, checked against the SHA-256 that
// names them and against their declared type, kept per enterprise; read back by that enterprise and by
// officers who may see a filing naming them. No file system is involved: the bytes live in the
// database, so no hash or name ever becomes a path.
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { attachmentStoreMaxBytes, mimeOfMagicBytes, sha256HexPattern, type AttachmentMime } from '../../../src-common/domain/attachment-files';
import type { AttachmentUploadResponse } from '../../../src-common/portal-api/attachments.api';
import type { PortalDb } from '../db/connection';
import { attachments, filings } from '../db/schema';
import type { Clock } from '../http/clock';
import { portalError } from '../http/portal-error';
import type { Principal } from '../scope/principal';
import type { PortalTx } from '../sync/change-log';
import { visibleWhere, type ScopeColumns } from '../scope/visibility';

const filingScopeColumns: ScopeColumns = {
  entity: 'filing',
  enterpriseId: filings.enterpriseId,
  branchId: filings.branchId,
  provinceCode: filings.provinceCode,
  communeCode: null,
};

export interface StoredAttachment {
  mime: AttachmentMime;
  size: number;
  /** Absent when only the existence was asked (HEAD). */
  bytes?: Uint8Array;
}

const enterpriseRoles = new Set<Principal['role']>(['enterpriseAdmin', 'branchStaff']);

export class AttachmentsService {
  constructor(
    private readonly db: PortalDb,
    private readonly clock: Clock,
  ) {}

  /**
   * Keeps `bytes` for the caller's enterprise under `sha256`. Refuses bytes whose hash is not `sha256`
   * (ATTACHMENT_HASH_MISMATCH: altered on the way, or a wrong name) and bytes that are not of the
   * declared type (ATTACHMENT_TYPE_MISMATCH). Uploading bytes the enterprise holds already is a no-op.
   */
  async store(principal: Principal, sha256: string, declaredMime: AttachmentMime, bytes: Uint8Array): Promise<AttachmentUploadResponse> {
    const enterpriseId = principal.enterpriseId;
    if (!enterpriseId || !enterpriseRoles.has(principal.role)) throw portalError('FORBIDDEN');
    if (!sha256HexPattern.test(sha256)) throw portalError('VALIDATION_FAILED', { issues: [{ path: 'params.sha256', message: 'sha256' }] });
    if (bytes.length === 0) throw portalError('VALIDATION_FAILED', { issues: [{ path: 'body', message: 'empty' }] });
    if (bytes.length > attachmentStoreMaxBytes) throw portalError('PAYLOAD_TOO_LARGE', { maxBytes: attachmentStoreMaxBytes });
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw portalError('ATTACHMENT_HASH_MISMATCH', { expected: sha256, actual });
    const detected = mimeOfMagicBytes(bytes);
    if (detected !== declaredMime) throw portalError('ATTACHMENT_TYPE_MISMATCH', { declared: declaredMime, detected });
    const inserted = await this.db
      .insert(attachments)
      .values({ enterpriseId, sha256, mime: detected, size: bytes.length, bytes, uploadedBy: principal.accountId, uploadedAt: this.clock.now() })
      .onConflictDoNothing()
      .returning({ sha256: attachments.sha256 });
    return { sha256, size: bytes.length, mime: detected, created: inserted.length > 0 };
  }

  /**
   * The attachment as the caller may see it, or null (not held, or not the caller's to see: the two
   * are not told apart). Enterprise users see what their enterprise uploaded; everyone else only bytes
   * that a filing they may see (scope/visibility.ts) names, held for that filing's enterprise.
   */
  async read(principal: Principal, sha256: string, withBytes: boolean): Promise<StoredAttachment | null> {
    if (!sha256HexPattern.test(sha256)) return null;
    const columns = { mime: attachments.mime, size: attachments.size, ...(withBytes ? { bytes: attachments.bytes } : {}) };
    if (enterpriseRoles.has(principal.role)) {
      if (!principal.enterpriseId) return null;
      const [row] = await this.db
        .select(columns)
        .from(attachments)
        .where(and(eq(attachments.enterpriseId, principal.enterpriseId), eq(attachments.sha256, sha256)));
      return row ? toStored(row) : null;
    }
    const named = JSON.stringify([{ sha256 }]);
    const [row] = await this.db
      .select(columns)
      .from(attachments)
      .innerJoin(filings, eq(filings.enterpriseId, attachments.enterpriseId))
      .where(and(eq(attachments.sha256, sha256), visibleWhere(principal, filingScopeColumns), sql`${filings.content} -> 'attachments' @> ${named}::jsonb`))
      .limit(1);
    return row ? toStored(row) : null;
  }
}

/** Which of `hashes` the enterprise holds, with type and size (filing.submit checks against it, in its transaction). */
export async function heldAttachments(
  db: PortalTx,
  enterpriseId: string,
  hashes: readonly string[],
): Promise<Map<string, { mime: string; size: number }>> {
  const held = new Map<string, { mime: string; size: number }>();
  const wanted = [...new Set(hashes)].filter((h) => sha256HexPattern.test(h));
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .select({ sha256: attachments.sha256, mime: attachments.mime, size: attachments.size })
      .from(attachments)
      .where(and(eq(attachments.enterpriseId, enterpriseId), inArray(attachments.sha256, wanted.slice(i, i + 500))));
    for (const row of rows) held.set(row.sha256, { mime: row.mime, size: row.size });
  }
  return held;
}

function toStored(row: { mime: string; size: number; bytes?: Uint8Array }): StoredAttachment {
  return { mime: row.mime as AttachmentMime, size: row.size, ...(row.bytes ? { bytes: row.bytes } : {}) };
}
