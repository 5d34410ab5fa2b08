// Push (idempotent, per-mutation answers) and pull (the caller's visible changes after a cursor).
import { and, asc, eq, gt, inArray, lte, max } from 'drizzle-orm';
import { CodedError, errorMessage, hasErrorCode, type ErrorCode } from '../../../src-common/errors';
import { canonicalBytes } from '../../../src-common/canonical-json';
import { filingSigningBytes } from '../../../src-common/signing/filing-bytes';
import { verifyInclusion } from '../../../src-common/signing/manifest';
import type { ManifestSignature } from '../../../src-common/signing/manifest-signature.schema';
import type { Language } from '../../../src-common/language';
import { isMutationKind, mutationPayloadSchemas, type Mutation } from '../../../src-common/portal-api/mutations';
import type { Change, PullResponse, PushResult } from '../../../src-common/portal-api/sync.api';
import { normalizeStrings } from '../../../src-common/text';
import type { PortalDb } from '../db/connection';
import { appliedMutations, changeLog, enterprises } from '../db/schema';
import type { Clock } from '../http/clock';
import { validationIssues } from '../../../src-common/validation';
import type { Principal } from '../scope/principal';
import { visibleWhere } from '../scope/visibility';
import { writeTransaction } from './change-log';
import { PushBatch, type ValidMutation } from './push-batch';
import { VerifyPool } from './verify-pool';
import type { ReceiptSigner } from '../receipts/receipt-signer';

type Verdict = { id: string; status: 'applied'; changeIndex: number } | { id: string; status: 'duplicate' } | Extract<PushResult, { status: 'rejected' }>;

/** Whichever signature form the mutation carries (the envelope schema allows at most one). */
function signatureOf(m: Mutation): Pick<ValidMutation, 'signature' | 'manifestSignature'> {
  if (m.signature) return { signature: m.signature };
  if (m.manifestSignature) return { manifestSignature: m.manifestSignature };
  return {};
}

/** Signed filings: the trust list, and whether a filing without a signature is refused. */
export interface SignaturePolicy {
  trustedCertificates: Uint8Array[];
  /** TSA certificates whose signature timestamps (CAdES-T) are checked; a timestamp from another TSA is refused. */
  trustedTimestampAuthorities?: Uint8Array[];
  requireSignedFilings: boolean;
}

/** What a filing must come with besides its signature. */
export interface FilingPolicy {
  /** Every attachment the content names must have been uploaded by the enterprise (ATTACHMENT_MISSING). */
  requireAttachmentBytes: boolean;
}

export class SyncService {
  constructor(
    private readonly db: PortalDb,
    private readonly clock: Clock,
    private readonly signatures: SignaturePolicy = { trustedCertificates: [], requireSignedFilings: false },
    private readonly receipts: ReceiptSigner | null = null,
    private readonly filingPolicy: FilingPolicy = { requireAttachmentBytes: true },
  ) {}

  /** verifyCadesDetached on worker threads (one per core): off the event loop, filings in parallel. */
  private verifierPool: VerifyPool | undefined;

  private get verifier(): VerifyPool {
    return (this.verifierPool ??= new VerifyPool(this.signatures.trustedCertificates, this.signatures.trustedTimestampAuthorities ?? []));
  }

  /** Ends the verification workers (the portal's onClose). */
  async close(): Promise<void> {
    await this.verifierPool?.close();
  }

  /**
   * Checks every filing's signature before the write transaction (verification is slow and async):
   * the signer must chain to the trust list and be the enterprise itself (MST = its tax code).
   * A filing is signed alone (`signature`) or through a signed manifest (`manifestSignature`): each
   * distinct manifest signature is verified once per push, each filing's inclusion proof on its own.
   * Answers the refusal code per mutation id.
   */
  private async signatureRefusals(principal: Principal, mutations: readonly ValidMutation[]): Promise<Map<string, ErrorCode>> {
    const refusals = new Map<string, ErrorCode>();
    const filings = mutations.filter((m) => m.kind === 'filing.submit');
    if (filings.length === 0) return refusals;
    const [enterprise] = principal.enterpriseId
      ? await this.db.select({ taxCode: enterprises.taxCode }).from(enterprises).where(eq(enterprises.id, principal.enterpriseId))
      : [];
    // A branch's tax code is the enterprise's with a suffix: the certificate is the enterprise's.
    const expectedParty = `MST:${(enterprise?.taxCode ?? '').split('-')[0]}`;
    const signatureRefusal = async (signatureBase64: string, content: Uint8Array): Promise<ErrorCode | null> => {
      const verdict = await this.verifier.verify(Buffer.from(signatureBase64, 'base64'), content, { expectedParty });
      return verdict.valid ? null : (verdict.code ?? 'SIGNATURE_INVALID');
    };
    // One verification per distinct (manifest, signature), shared by every filing relying on it.
    const manifestVerdicts = new Map<string, Promise<ErrorCode | null>>();
    const manifestRefusal = (form: ManifestSignature) => {
      const key = `${form.manifest.root}:${form.manifest.count}:${form.signature}`;
      let verdict = manifestVerdicts.get(key);
      if (!verdict) manifestVerdicts.set(key, (verdict = signatureRefusal(form.signature, canonicalBytes(form.manifest))));
      return verdict;
    };
    await Promise.all(
      filings.map(async (m) => {
        let refusal: ErrorCode | null;
        if (m.signature) {
          refusal = await signatureRefusal(m.signature, filingSigningBytes(m.payload));
        } else if (m.manifestSignature) {
          const form = m.manifestSignature;
          const [signed, included] = await Promise.all([manifestRefusal(form), verifyInclusion(filingSigningBytes(m.payload), form.proof, form.manifest)]);
          // A bad manifest signature refuses all its filings; a bad proof refuses only its own filing.
          refusal = signed ?? (included ? null : 'SIGNATURE_MANIFEST_PROOF_INVALID');
        } else {
          refusal = this.signatures.requireSignedFilings ? 'SIGNATURE_REQUIRED' : null;
        }
        if (refusal) refusals.set(m.id, refusal);
      }),
    );
    return refusals;
  }

  /**
   * Applies a batch in one transaction. Each mutation is answered on its own: a rejected one changes
   * nothing and does not stop the ones after it; one already applied answers `duplicate`.
   */
  async push(principal: Principal, mutations: readonly Mutation[], language: Language): Promise<PushResult[]> {
    const reject = (id: string, code: CodedError['code'], details?: unknown): Verdict => ({
      id,
      status: 'rejected',
      error: { code, message: errorMessage(code, language), ...(details === undefined ? {} : { details }) },
    });
    const parsedAll: ValidMutation[] = [];
    for (const m of mutations) {
      if (!isMutationKind(m.kind)) continue;
      const parsed = mutationPayloadSchemas[m.kind].safeParse(normalizeStrings(m.payload));
      if (parsed.success) parsedAll.push({ id: m.id, kind: m.kind, payload: parsed.data, ...signatureOf(m) } as ValidMutation);
    }
    const refusedSignatures = await this.signatureRefusals(principal, parsedAll);
    return writeTransaction(this.db, async (tx) => {
      const now = this.clock.now();
      const ids = [...new Set(mutations.map((m) => m.id))];
      const known = await tx
        .select({ id: appliedMutations.id, accountId: appliedMutations.accountId })
        .from(appliedMutations)
        .where(inArray(appliedMutations.id, ids));
      const appliedBy = new Map(known.map((row) => [row.id, row.accountId]));

      const valid = new Map<Mutation, ValidMutation>();
      for (const m of mutations) {
        if (!isMutationKind(m.kind)) continue;
        const parsed = mutationPayloadSchemas[m.kind].safeParse(normalizeStrings(m.payload));
        if (parsed.success) valid.set(m, { id: m.id, kind: m.kind, payload: parsed.data, ...signatureOf(m) } as ValidMutation);
      }
      const batch = await PushBatch.load(tx, principal, [...valid.values()], now, this.receipts, this.filingPolicy.requireAttachmentBytes);

      const verdicts: Verdict[] = [];
      for (const m of mutations) {
        const earlierAccount = appliedBy.get(m.id);
        if (earlierAccount !== undefined) {
          verdicts.push(earlierAccount === principal.accountId ? { id: m.id, status: 'duplicate' } : reject(m.id, 'MUTATION_ID_CONFLICT'));
          continue;
        }
        if (!isMutationKind(m.kind)) {
          verdicts.push(reject(m.id, 'UNKNOWN_MUTATION_KIND', { kind: m.kind }));
          continue;
        }
        const mutation = valid.get(m);
        if (!mutation) {
          const issues = mutationPayloadSchemas[m.kind].safeParse(normalizeStrings(m.payload)).error;
          verdicts.push(reject(m.id, 'VALIDATION_FAILED', issues ? { issues: validationIssues(issues) } : undefined));
          continue;
        }
        const signatureRefusal = refusedSignatures.get(m.id);
        if (signatureRefusal) {
          verdicts.push(reject(m.id, signatureRefusal));
          continue;
        }
        try {
          batch.apply(mutation);
        } catch (error) {
          if (!hasErrorCode(error)) throw error;
          verdicts.push(reject(m.id, error.code, error.details));
          continue;
        }
        appliedBy.set(m.id, principal.accountId);
        verdicts.push({ id: m.id, status: 'applied', changeIndex: batch.lastChangeIndex });
      }

      const seqs = await batch.write(tx);
      const appliedRows = verdicts.flatMap((v) =>
        v.status === 'applied'
          ? [{ id: v.id, accountId: principal.accountId, kind: mutations.find((m) => m.id === v.id)!.kind, changeSeq: BigInt(seqs[v.changeIndex]!), appliedAt: now }]
          : [],
      );
      for (let i = 0; i < appliedRows.length; i += 1000) await tx.insert(appliedMutations).values(appliedRows.slice(i, i + 1000));
      return verdicts.map((v) => (v.status === 'applied' ? { id: v.id, status: 'applied', seq: seqs[v.changeIndex]! } : v));
    });
  }

  /**
   * Changes after `cursor` that the caller may see, oldest first. The upper bound is read first; since
   * sequence numbers commit in order (change-log.ts), everything up to it is final, so when the page
   * is the last one the cursor can jump to it and skip rows the caller may not see.
   */
  async pull(principal: Principal, cursor: string, limit: number): Promise<PullResponse> {
    const after = BigInt(cursor);
    const [bound] = await this.db.select({ top: max(changeLog.seq) }).from(changeLog);
    const top = bound?.top ?? 0n;
    if (top <= after) return { changes: [], nextCursor: cursor, hasMore: false };
    const rows = await this.db
      .select()
      .from(changeLog)
      .where(and(gt(changeLog.seq, after), lte(changeLog.seq, top), visibleWhere(principal)))
      .orderBy(asc(changeLog.seq))
      .limit(limit + 1);
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const changes: Change[] = page.map((row) => ({
      seq: row.seq.toString(),
      entity: row.entity as Change['entity'],
      id: row.entityId,
      version: row.version,
      op: row.op as Change['op'],
      data: row.data as Record<string, unknown>,
      at: row.at.toISOString(),
      ...(row.mutationId ? { mutationId: row.mutationId } : {}),
    }));
    const nextCursor = hasMore ? changes.at(-1)!.seq : top.toString();
    return { changes, nextCursor, hasMore };
  }
}
