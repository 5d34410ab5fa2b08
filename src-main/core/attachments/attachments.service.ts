// The `attachments:*` area: a dossier's files kept in the signed-in account's encrypted store, named by
// their SHA-256 (what a filing's content carries). The declared type must be what the file's first
// bytes say; the upload to the portal happens before the filing naming them is pushed (sync pass
// outbox-attachments.ts).
import { createHash } from 'node:crypto';
import type { AttachmentInfo } from '../../../src-common/contract';
import { attachmentStoreMaxBytes, isPlainFileName, mimeOfMagicBytes, type AttachmentMime } from '../../../src-common/domain/attachment-files';
import { CodedError } from '../../../src-common/errors';
import type { SessionService } from '../session/session.service';
import { AttachmentsRepo } from './attachments.repo';

export interface AttachmentsServiceDeps {
  session: SessionService;
  now: () => Date;
}

export class AttachmentsService {
  constructor(private readonly deps: AttachmentsServiceDeps) {}

  private repo(): { account: ReturnType<SessionService['account']>; repo: AttachmentsRepo } {
    const account = this.deps.session.account();
    return { account, repo: new AttachmentsRepo(account.store.sqlite) };
  }

  /** Keeps the file; the same bytes twice are kept once. */
  add(input: { name: string; mime: AttachmentMime; content: string }): AttachmentInfo {
    // The contract checks these too; the service does not rely on its caller.
    if (!isPlainFileName(input.name)) throw new CodedError('VALIDATION_FAILED', { issues: [{ path: 'name', message: 'fileName' }] });
    const bytes = Buffer.from(input.content, 'base64');
    if (bytes.length === 0) throw new CodedError('VALIDATION_FAILED', { issues: [{ path: 'content', message: 'empty' }] });
    if (bytes.length > attachmentStoreMaxBytes) throw new CodedError('PAYLOAD_TOO_LARGE', { maxBytes: attachmentStoreMaxBytes });
    const detected = mimeOfMagicBytes(bytes);
    if (detected !== input.mime) throw new CodedError('ATTACHMENT_TYPE_MISMATCH', { declared: input.mime, detected });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { account, repo } = this.repo();
    account.store.write(() => repo.add({ sha256, name: input.name, mime: detected, size: bytes.length, bytes, createdAt: this.deps.now().toISOString() }));
    return { sha256, size: bytes.length, name: input.name, mime: detected };
  }

  get(sha256: string): { name: string; mime: AttachmentMime; content: string } {
    const row = this.repo().repo.get(sha256);
    if (!row) throw new CodedError('NOT_FOUND', { sha256 });
    return { name: row.name, mime: row.mime as AttachmentMime, content: row.bytes.toString('base64') };
  }
}
