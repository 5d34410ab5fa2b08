// The attachment upload before a push: every attachment a pending `filing.submit` names is uploaded to
// the portal first (content-addressed; skipped when the portal already holds it for the enterprise),
// so the portal can check the bytes the signature covers when the filing arrives.
//
// A filing whose attachment is neither in this account's store nor on the portal, or whose upload the
// portal refused, is held back: it stays pending in the outbox (later versions of the same filing wait
// behind it) and the run reports ATTACHMENT_MISSING, rather than pushing a filing the portal would
// refuse for good. Adding the same file again (attachments:add) lets the next run push it. Network
// trouble or a refused session stops the pass and goes up to the sync engine like a failed push.
import { attachmentHashesOf } from '../../../src-common/domain/attachment-files';
import { hasErrorCode, type ErrorCode } from '../../../src-common/errors';
import type { MutationPayload } from '../../../src-common/portal-api/mutations';
import type { AttachmentsRepo } from '../attachments/attachments.repo';
import type { Store } from '../db/store';
import type { AttachmentUploadClient } from './attachment-upload-client';
import type { OutboxRepo } from './outbox.repo';
import { isTransient } from './portal-client';

export interface OutboxAttachmentsDeps {
  store: Store;
  outbox: OutboxRepo;
  attachments: AttachmentsRepo;
  client: AttachmentUploadClient;
  now: () => Date;
  /** false: what cannot be uploaded is pushed anyway and the portal decides (tests of other parts). */
  holdBackMissing: boolean;
}

export interface HeldBackFiling {
  /** The outbox entry (mutation id). */
  id: string;
  filingId: string;
  code: ErrorCode;
  /** The attachments at fault (empty when it waits behind an earlier version of its filing). */
  attachments: string[];
}

export interface AttachmentUploadResult {
  uploaded: number;
  heldBack: HeldBackFiling[];
}

const stopsThePass = (code: string) => isTransient(code) || code === 'AUTH_REQUIRED';

export class OutboxAttachments {
  constructor(private readonly deps: OutboxAttachmentsDeps) {}

  async uploadPending(sessionToken: string): Promise<AttachmentUploadResult> {
    const result: AttachmentUploadResult = { uploaded: 0, heldBack: [] };
    /** Per hash, once per pass: null when the portal holds it, else why not. */
    const outcome = new Map<string, ErrorCode | null>();
    const heldFilings = new Set<string>();
    for (const entry of this.deps.outbox.pendingOfKind('filing.submit')) {
      const payload = JSON.parse(entry.payload) as MutationPayload<'filing.submit'>;
      const faults: { sha256: string; code: ErrorCode }[] = [];
      for (const sha256 of attachmentHashesOf(payload.content)) {
        if (!outcome.has(sha256)) outcome.set(sha256, await this.ensureOnPortal(sessionToken, sha256, result));
        const code = outcome.get(sha256);
        if (code) faults.push({ sha256, code });
      }
      if (this.deps.holdBackMissing && (faults.length > 0 || heldFilings.has(payload.filingId))) {
        heldFilings.add(payload.filingId);
        result.heldBack.push({ id: entry.id, filingId: payload.filingId, code: faults[0]?.code ?? 'ATTACHMENT_MISSING', attachments: faults.map((f) => f.sha256) });
      }
    }
    return result;
  }

  /** Null once the portal holds the bytes (now or before); the code that keeps the filing back otherwise. */
  private async ensureOnPortal(sessionToken: string, sha256: string, result: AttachmentUploadResult): Promise<ErrorCode | null> {
    const { attachments, client, store, now } = this.deps;
    if (await client.has(sessionToken, sha256)) {
      if (attachments.meta(sha256)?.uploadedAt === null) store.write(() => attachments.markUploaded(sha256, now().toISOString()));
      return null;
    }
    const row = attachments.get(sha256);
    if (!row) return 'ATTACHMENT_MISSING';
    try {
      await client.upload(sessionToken, sha256, row.mime, row.bytes);
    } catch (error) {
      if (!hasErrorCode(error) || stopsThePass(error.code)) throw error;
      return error.code;
    }
    store.write(() => attachments.markUploaded(sha256, now().toISOString()));
    result.uploaded += 1;
    return null;
  }
}
