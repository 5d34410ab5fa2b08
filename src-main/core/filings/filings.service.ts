// The `filings:*` area: the lifecycle every filing type shares, on the enterprise's side.
//   draft (local, editable) -> signed (on the token) -> submitted (queued in the outbox, then pushed)
//   -> received (the portal's receipt) -> underReview -> approved | rejected | supplementRequested
// Each transition is kept with who, when and, for a signature, whose and which (filing_history); the
// portal's transitions are recorded as they are first seen here. A changed draft loses its signature:
// what the portal receives is always exactly what was signed.
import { createHash } from 'node:crypto';
import type { FilingListRow, FilingState, FilingView } from '../../../src-common/contract';
import { CodedError, errorMessage, type ErrorCode } from '../../../src-common/errors';
import { filingContentSchemas } from '../../../src-common/domain/overseas/filing-content';
import { uuidv7 } from '../../../src-common/domain/uuidv7';
import type { FilingType } from '../../../src-common/portal-api/filings';
import type { MutationPayload } from '../../../src-common/portal-api/mutations';
import { filingSigningBytes } from '../../../src-common/signing/filing-bytes';
import { foldVietnamese, normalizeStrings } from '../../../src-common/text';
import { validationIssues } from '../../../src-common/validation';
import type { AuditService } from '../audit/audit.service';
import type { EventBus } from '../events/event-bus';
import type { AccountContext } from '../session/account-context';
import type { SessionService } from '../session/session.service';
import type { SigningService } from '../signing/signing.service';
import { FilingDraftsRepo, type DraftRow } from './filing-drafts.repo';
import { exportFilings } from './list-exports';
import { importWorkerList, type WorkerListImport } from './worker-list-import';

export interface FilingsServiceDeps {
  session: SessionService;
  signing: SigningService;
  audit: AuditService;
  events: EventBus;
  now: () => Date;
  language: () => 'vi' | 'en';
}

/** The portal's statuses, as transitions on the timeline. */
const portalTransitions = ['underReview', 'approved', 'rejected', 'supplementRequested'] as const;

export class FilingsService {
  constructor(private readonly deps: FilingsServiceDeps) {}

  private account(): { account: AccountContext; drafts: FilingDraftsRepo } {
    const account = this.deps.session.account();
    return { account, drafts: new FilingDraftsRepo(account.store.sqlite) };
  }

  /** Creates or edits a draft. Editing a signed draft drops its signature. Submitted versions are read-only. */
  saveDraft(input: { filingId?: string; version?: number; type: FilingType; title: string; branchId?: string; content: Record<string, unknown> }): FilingView {
    const { account, drafts } = this.account();
    const now = this.deps.now().toISOString();
    const actor = account.profile.username;
    const filingId = input.filingId ?? uuidv7(this.deps.now().getTime());
    const version = input.version ?? drafts.latestVersion(filingId) + 1;
    const existing = drafts.get(filingId, version);
    if (existing?.state === 'submitted') throw new CodedError('FILING_ALREADY_SUBMITTED', { filingId, version });
    if (!existing && input.filingId && version <= drafts.latestVersion(filingId)) throw new CodedError('VERSION_CONFLICT', { expectedVersion: drafts.latestVersion(filingId) + 1 });
    if (existing && existing.type !== input.type) throw new CodedError('VALIDATION_FAILED', { issues: [{ path: 'type', message: 'a draft keeps its type' }] });
    const title = normalizeStrings(input.title);
    const row: DraftRow & { searchText: string } = {
      filingId,
      version,
      type: input.type,
      title,
      branchId: input.branchId ?? this.ownBranch(account),
      content: JSON.stringify(normalizeStrings(input.content)),
      state: 'draft',
      signature: null,
      mutationId: null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      searchText: foldVietnamese(title),
    };
    account.store.write(() => {
      drafts.put(row);
      drafts.addHistory({
        filingId,
        version,
        transition: existing ? 'edited' : 'created',
        at: now,
        actor,
        ...(existing?.state === 'signed' ? { detail: { signatureDropped: true } } : {}),
      });
    });
    this.deps.events.emit('records:changed', { entities: ['filing'] });
    return this.get(filingId, version);
  }

  /** A new version of a submitted filing (a supplement), prefilled from the latest one known here. */
  newVersion(filingId: string): FilingView {
    const { drafts } = this.account();
    const latest = drafts.latestVersion(filingId);
    if (latest === 0) throw new CodedError('NOT_FOUND', { filingId });
    const source = this.get(filingId, latest);
    if (source.state === 'draft' || source.state === 'signed') return source;
    return this.saveDraft({
      filingId,
      version: latest + 1,
      type: source.type,
      title: source.title,
      ...(source.branchId ? { branchId: source.branchId } : {}),
      content: source.content,
    });
  }

  deleteDraft(filingId: string, version: number): { deleted: boolean } {
    const { account, drafts } = this.account();
    const existing = drafts.get(filingId, version);
    if (!existing) return { deleted: false };
    if (existing.state === 'submitted') throw new CodedError('FILING_ALREADY_SUBMITTED', { filingId, version });
    account.store.write(() => drafts.delete(filingId, version));
    this.deps.events.emit('records:changed', { entities: ['filing'] });
    return { deleted: true };
  }

  list(options: { search?: string; type?: FilingType; limit: number; offset: number }): { rows: FilingListRow[]; total: number } {
    const { drafts } = this.account();
    const folded = options.search ? foldVietnamese(options.search) : undefined;
    const page = drafts.list({ ...(folded ? { search: folded } : {}), ...(options.type ? { type: options.type } : {}), limit: options.limit, offset: options.offset });
    return {
      total: page.total,
      rows: page.rows.map((row) => {
        const data = row.status === null ? null : { status: row.status, receipt: row.hasReceipt === 1 ? true : undefined };
        return {
          filingId: row.filingId,
          version: row.version,
          type: row.type as FilingType,
          title: row.title,
          state: data ? stateOfRecord(data, row.pending === 1) : row.state,
          updatedAt: row.updatedAt,
          receiptStatus: (row.receiptStatus as FilingListRow['receiptStatus']) ?? null,
        };
      }),
    };
  }

  /** One filing version with its timeline; portal transitions seen for the first time are recorded. */
  get(filingId: string, version: number): FilingView {
    const { account, drafts } = this.account();
    const draft = drafts.get(filingId, version);
    const record = account.records.get('filing', `${filingId}:${version}`);
    const data = record ? (JSON.parse(record.localData ?? record.serverData ?? '{}') as Record<string, unknown>) : null;
    if (!draft && !data) throw new CodedError('NOT_FOUND', { filingId, version });
    const outboxEntry = draft?.mutationId ? account.outbox.byId(draft.mutationId) : undefined;
    const state: FilingState =
      outboxEntry?.state === 'rejected' ? 'refused' : data && record ? stateOfRecord(data, record.localData !== null) : (draft!.state as FilingState);
    this.recordPortalTransitions(account, drafts, filingId, version, data);
    const receipt = (data?.receipt as FilingView['receipt']) ?? null;
    return {
      filingId,
      version,
      type: (draft?.type ?? data?.type) as FilingType,
      title: (draft?.title ?? data?.title) as string,
      branchId: (draft?.branchId ?? (data?.branchId as string | null | undefined)) ?? null,
      content: draft ? (JSON.parse(draft.content) as Record<string, unknown>) : ((data?.content as Record<string, unknown>) ?? {}),
      state,
      signed: Boolean(draft?.signature ?? data?.signature),
      receipt,
      receiptStatus: (record?.receiptStatus as FilingView['receiptStatus']) ?? null,
      ...(outboxEntry?.state === 'rejected'
        ? { refusal: { code: outboxEntry.errorCode ?? 'INTERNAL_ERROR', message: outboxEntry.errorMessage ?? '' } }
        : {}),
      history: drafts.history(filingId, version).map((h) => ({
        transition: h.transition,
        at: h.at,
        actor: h.actor,
        ...(h.detail ? { detail: JSON.parse(h.detail) as Record<string, unknown> } : {}),
      })),
    };
  }

  /**
   * "Ký và nộp": checks every chosen draft against its type's rules, signs them on the token after one
   * PIN entry (progress and cancel as a signing task), then queues each signed one for the portal.
   * A draft that fails the rules is not signed; a token pulled out mid-way keeps what was signed.
   */
  async signAndSubmit(input: {
    filings: { filingId: string; version: number }[];
    tokenLabel: string;
    certificateId: string;
    pin: string;
    taskId: string;
  }): Promise<{ submitted: { filingId: string; version: number }[]; notSubmitted: { filingId: string; version: number; code: string; message: string }[] }> {
    const { account, drafts } = this.account();
    const language = this.deps.language();
    const notSubmitted: { filingId: string; version: number; code: string; message: string }[] = [];
    const refuse = (filingId: string, version: number, code: ErrorCode, details?: unknown) =>
      notSubmitted.push({ filingId, version, code, message: errorMessage(code, language), ...(details === undefined ? {} : { details }) });
    const ready: { draft: DraftRow; payload: MutationPayload<'filing.submit'> }[] = [];
    for (const { filingId, version } of input.filings) {
      const draft = drafts.get(filingId, version);
      if (!draft) {
        refuse(filingId, version, 'NOT_FOUND');
        continue;
      }
      if (draft.state === 'submitted') {
        refuse(filingId, version, 'FILING_ALREADY_SUBMITTED');
        continue;
      }
      const content = filingContentSchemas[draft.type as FilingType].safeParse(JSON.parse(draft.content));
      if (!content.success) {
        refuse(filingId, version, 'VALIDATION_FAILED', { issues: validationIssues(content.error) });
        continue;
      }
      ready.push({
        draft,
        payload: {
          filingId,
          version,
          type: draft.type as FilingType,
          ...(draft.branchId ? { branchId: draft.branchId } : {}),
          title: draft.title,
          content: JSON.parse(draft.content) as Record<string, unknown>,
        },
      });
    }
    const submitted: { filingId: string; version: number }[] = [];
    if (ready.length === 0) return { submitted, notSubmitted };

    const key = (f: { filingId: string; version: number }) => `${f.filingId}:${f.version}`;
    const outcome = await this.deps.signing.signTask(
      { tokenLabel: input.tokenLabel, certificateId: input.certificateId, pin: input.pin, taskId: input.taskId, task: 'filings.sign' },
      // The bytes are made with the checks, before the PIN: the token's session is for signing only.
      ready.map(({ payload }) => ({ id: key(payload), content: filingSigningBytes(payload) })),
    );
    const actor = account.profile.username;
    for (const { draft, payload } of ready) {
      const signature = outcome.signed.get(key(payload));
      if (!signature) {
        refuse(payload.filingId, payload.version, outcome.stoppedBy ?? 'SIGNING_CANCELLED');
        continue;
      }
      const at = this.deps.now().toISOString();
      const signer = { ...outcome.signer, signatureSha256: createHash('sha256').update(Buffer.from(signature, 'base64')).digest('hex') };
      account.store.write(() => {
        const { mutationId } = account.local.commit('filing.submit', payload, signature);
        drafts.put({ ...draft, state: 'submitted', signature, mutationId, updatedAt: at, searchText: foldVietnamese(draft.title) });
        drafts.addHistory({ filingId: draft.filingId, version: draft.version, transition: 'signed', at, actor, detail: signer });
        drafts.addHistory({ filingId: draft.filingId, version: draft.version, transition: 'submitted', at, actor, detail: { mutationId } });
      });
      this.deps.audit.record('filing.submitted', `filing:${payload.filingId}:${payload.version}`, { account: actor, type: payload.type, signer: signer.partyId });
      submitted.push({ filingId: payload.filingId, version: payload.version });
    }
    if (submitted.length > 0) {
      account.scheduler.nudge();
      this.deps.events.emit('records:changed', { entities: ['filing'] });
    }
    return { submitted, notSubmitted };
  }

  /** Every row of the list under these filters, as .xlsx (base64). */
  async exportList(options: { search?: string; type?: FilingType }): Promise<{ fileName: string; content: string }> {
    const { total } = this.list({ ...options, limit: 1, offset: 0 });
    const rows: FilingListRow[] = [];
    for (let offset = 0; offset < total; offset += 500) rows.push(...this.list({ ...options, limit: 500, offset }).rows);
    const day = this.deps.now().toISOString().slice(0, 10);
    return { fileName: `ho-so-${day}.xlsx`, content: await exportFilings(rows, this.deps.language()) };
  }

  /** A worker list file for a registration's form (nothing is stored until the draft is saved). */
  importWorkerList(name: string, contentBase64: string): Promise<WorkerListImport> {
    return importWorkerList({ name, content: Buffer.from(contentBase64, 'base64') }, this.deps.language());
  }

  /** Branch staff file for their own branch, named explicitly (what they sign is what the portal keeps). */
  private ownBranch(account: AccountContext): string | null {
    return account.session.get()?.account.branchId ?? null;
  }

  private recordPortalTransitions(account: AccountContext, drafts: FilingDraftsRepo, filingId: string, version: number, data: Record<string, unknown> | null): void {
    if (!data || data.status === 'pending') return;
    const seen = new Set(drafts.history(filingId, version).map((h) => h.transition));
    const due: { transition: string; detail?: unknown }[] = [];
    const receipt = data.receipt as { reference?: string; receivedAt?: string } | null | undefined;
    if (receipt && !seen.has('received')) due.push({ transition: 'received', detail: { reference: receipt.reference, receivedAt: receipt.receivedAt } });
    const status = data.status as string;
    if ((portalTransitions as readonly string[]).includes(status) && !seen.has(status)) {
      due.push({ transition: status, ...(data.decisionReason ? { detail: { reason: data.decisionReason } } : {}) });
    }
    if (due.length === 0) return;
    const at = this.deps.now().toISOString();
    account.store.write(() => {
      for (const entry of due) drafts.addHistory({ filingId, version, transition: entry.transition, at, actor: 'portal', ...(entry.detail ? { detail: entry.detail } : {}) });
    });
  }
}

/** What the list and the timeline call a filing version given the portal's record of it. */
function stateOfRecord(data: { status?: string; receipt?: unknown }, pending: boolean): FilingState {
  if (pending || data.status === 'pending') return 'submitted';
  if (data.status === 'submitted') return data.receipt ? 'received' : 'submitted';
  return (data.status as FilingState) ?? 'submitted';
}
