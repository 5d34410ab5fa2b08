// Applies one pushed batch: checks each mutation against the caller's rights and the current state
// (kept in memory as the batch goes, so later mutations see earlier ones), then writes it all in bulk.
import { createHash } from 'node:crypto';
import { eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { EnterpriseProfile } from '../../../src-common/domain/organisation';
import type { BranchFunction } from '../../../src-common/domain/roles';
import { isFeeCapKey } from '../../../src-common/domain/overseas/fee-caps';
import { filingContentSchemas, registryReferencesOf } from '../../../src-common/domain/overseas/filing-content';
import { functionRequiredToFile } from '../../../src-common/portal-api/filings';
import { validationIssues } from '../../../src-common/validation';
import { filingSigningBytes } from '../../../src-common/signing/filing-bytes';
import type { ManifestSignature } from '../../../src-common/signing/manifest-signature.schema';
import type { ReceiptSigner } from '../receipts/receipt-signer';
import { attachmentHashesOf } from '../../../src-common/domain/attachment-files';
import { heldAttachments } from '../attachments/attachments.service';
import type { MutationKind, MutationPayload } from '../../../src-common/portal-api/mutations';
import { branches, brokers, employers, enterprises, filings } from '../db/schema';
import { portalError } from '../http/portal-error';
import {
  branchRecord,
  branchScope,
  brokerRecord,
  employerRecord,
  enterpriseRecord,
  enterpriseScope,
  filingChangeId,
  filingRecord,
  filingScope,
  registryScope,
  type BranchRow,
  type BrokerRow,
  type EmployerRow,
  type EnterpriseRow,
  type FilingRow,
} from '../records/record-mappers';
import type { Principal } from '../scope/principal';
import type { RowScope } from '../scope/visibility';
import { appendChanges, type ChangeEntry, type PortalTx } from './change-log';

export interface ValidMutation<K extends MutationKind = MutationKind> {
  id: string;
  kind: K;
  payload: MutationPayload<K>;
  signature?: string;
  /** The other signature form: a signed manifest covering the filing, with its inclusion proof. */
  manifestSignature?: ManifestSignature;
}

interface FilingState {
  enterpriseId: string;
  branchId: string | null;
  type: string;
  latestVersion: number;
}

type RegistryRow = EmployerRow | BrokerRow;

export class PushBatch {
  private enterprise: EnterpriseRow | undefined;
  /** Branches of the caller's enterprise, plus any branch id the batch names (to spot foreign ids). */
  private readonly branches = new Map<string, BranchRow>();
  private readonly foreignIds = new Set<string>();
  private readonly employers = new Map<string, EmployerRow>();
  private readonly brokers = new Map<string, BrokerRow>();
  private readonly filingStates = new Map<string, FilingState>();
  private readonly dirty = { enterprise: false, branches: new Set<string>(), employers: new Set<string>(), brokers: new Set<string>() };
  private readonly newFilings: FilingRow[] = [];
  private readonly changes: ChangeEntry[] = [];
  private currentMutationId: string | undefined;
  /** The attachments the batch's filings name that the enterprise has uploaded (type and size). */
  private readonly attachments = new Map<string, { mime: string; size: number }>();

  private constructor(
    private readonly principal: Principal,
    private readonly now: Date,
    private readonly receipts: ReceiptSigner | null,
    private readonly requireAttachmentBytes: boolean,
  ) {}

  /** Loads, in a few queries, the state the batch's mutations refer to. */
  static async load(
    tx: PortalTx,
    principal: Principal,
    mutations: readonly ValidMutation[],
    now: Date,
    receipts: ReceiptSigner | null = null,
    requireAttachmentBytes = true,
  ): Promise<PushBatch> {
    const batch = new PushBatch(principal, now, receipts, requireAttachmentBytes);
    const enterpriseId = principal.enterpriseId;
    if (!enterpriseId) return batch;
    const idsOf = (kind: MutationKind) =>
      mutations.filter((m) => m.kind === kind).map((m) => (m.payload as { id: string }).id);
    const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    batch.enterprise = enterprise;
    for (const row of await tx.select().from(branches).where(eq(branches.enterpriseId, enterpriseId))) batch.branches.set(row.id, row);
    const branchIds = idsOf('branch.upsert');
    if (branchIds.length > 0) {
      for (const row of await tx.select({ id: branches.id, enterpriseId: branches.enterpriseId }).from(branches).where(inArray(branches.id, branchIds))) {
        if (row.enterpriseId !== enterpriseId) batch.foreignIds.add(row.id);
      }
    }
    // Filings name employers and brokers in their content; those must be found among the enterprise's own.
    const filingPayloads = mutations.filter((m) => m.kind === 'filing.submit').map((m) => m.payload as MutationPayload<'filing.submit'>);
    const references = filingPayloads.map((p) => registryReferencesOf(p.type, p.content));
    const referencedEmployers = references.flatMap((r) => r.employerIds).filter(isUuid);
    const referencedBrokers = references.flatMap((r) => r.brokerIds).filter(isUuid);
    await batch.loadRegistry(tx, employers, [...new Set([...idsOf('employer.upsert'), ...referencedEmployers])], batch.employers);
    await batch.loadRegistry(tx, brokers, [...new Set([...idsOf('broker.upsert'), ...referencedBrokers])], batch.brokers);
    const filingIds = filingPayloads.map((p) => p.filingId);
    if (requireAttachmentBytes) {
      const named = mutations.filter((m) => m.kind === 'filing.submit').flatMap((m) => attachmentHashesOf((m.payload as MutationPayload<'filing.submit'>).content));
      for (const [sha256, held] of await heldAttachments(tx, enterpriseId, named)) batch.attachments.set(sha256, held);
    }
    if (filingIds.length > 0) {
      const rows = await tx
        .select({
          filingId: filings.filingId,
          enterpriseId: filings.enterpriseId,
          branchId: filings.branchId,
          type: filings.type,
          latestVersion: sql<number>`max(${filings.filingVersion})`.mapWith(Number),
        })
        .from(filings)
        .where(inArray(filings.filingId, [...new Set(filingIds)]))
        .groupBy(filings.filingId, filings.enterpriseId, filings.branchId, filings.type);
      for (const row of rows) batch.filingStates.set(row.filingId, row);
    }
    return batch;
  }

  private async loadRegistry(tx: PortalTx, table: typeof employers | typeof brokers, ids: string[], into: Map<string, RegistryRow>) {
    if (ids.length === 0) return;
    for (const row of await tx.select().from(table).where(inArray(table.id, ids))) {
      if (row.enterpriseId === this.principal.enterpriseId) into.set(row.id, row);
      else this.foreignIds.add(row.id);
    }
  }

  /** Checks and applies one mutation to the in-memory state; throws a coded error to reject it. */
  apply(mutation: ValidMutation): void {
    this.currentMutationId = mutation.id;
    switch (mutation.kind) {
      case 'enterprise.updateProfile':
        return this.updateProfile(mutation.payload as MutationPayload<'enterprise.updateProfile'>);
      case 'branch.upsert':
        return this.upsertBranch(mutation.payload as MutationPayload<'branch.upsert'>);
      case 'employer.upsert':
        return this.upsertRegistry('employer', mutation.payload as MutationPayload<'employer.upsert'>);
      case 'broker.upsert':
        return this.upsertRegistry('broker', mutation.payload as MutationPayload<'broker.upsert'>);
      case 'filing.submit':
        return this.submitFiling(mutation.payload as MutationPayload<'filing.submit'>, mutation);
    }
  }

  /** Index of the change the last applied mutation produced (its seq is known after `write`). */
  get lastChangeIndex(): number {
    return this.changes.length - 1;
  }

  private ownEnterprise(): EnterpriseRow {
    if (!this.enterprise || (this.principal.role !== 'enterpriseAdmin' && this.principal.role !== 'branchStaff')) {
      throw portalError('FORBIDDEN');
    }
    return this.enterprise;
  }

  private requireEnterpriseAdmin(): EnterpriseRow {
    const enterprise = this.ownEnterprise();
    if (this.principal.role !== 'enterpriseAdmin') throw portalError('FORBIDDEN');
    return enterprise;
  }

  private updateProfile(payload: MutationPayload<'enterprise.updateProfile'>): void {
    const current = this.requireEnterpriseAdmin();
    if (payload.enterpriseId !== current.id) throw portalError('NOT_FOUND');
    const profile: EnterpriseProfile = payload.profile;
    const next: EnterpriseRow = {
      ...current,
      nameVi: profile.nameVi,
      provinceCode: profile.headOffice.provinceCode,
      licenceExpiresOn: profile.licence.expiresOn,
      profile,
      version: current.version + 1,
      updatedAt: this.now,
    };
    this.enterprise = next;
    this.dirty.enterprise = true;
    this.record({ entity: 'enterprise', entityId: next.id, version: next.version, data: enterpriseRecord(next), scope: enterpriseScope(next) });
  }

  private upsertBranch(payload: MutationPayload<'branch.upsert'>): void {
    const enterprise = this.requireEnterpriseAdmin();
    if (this.foreignIds.has(payload.id)) throw portalError('NOT_FOUND');
    const { functions, ...fields } = payload.fields;
    for (const other of this.branches.values()) {
      if (other.id !== payload.id && other.code === fields.code) throw portalError('CONFLICT', { field: 'code' });
    }
    const current = this.branches.get(payload.id);
    const next: BranchRow = {
      id: payload.id,
      enterpriseId: enterprise.id,
      code: fields.code,
      provinceCode: fields.address.provinceCode,
      functions,
      fields,
      version: (current?.version ?? 0) + 1,
      updatedAt: this.now,
    };
    this.branches.set(next.id, next);
    this.dirty.branches.add(next.id);
    this.record({ entity: 'branch', entityId: next.id, version: next.version, data: branchRecord(next), scope: branchScope(next) });
  }

  private upsertRegistry(entity: 'employer' | 'broker', payload: MutationPayload<'employer.upsert' | 'broker.upsert'>): void {
    const enterprise = this.ownEnterprise();
    this.requireFunction('registerContracts');
    if (this.foreignIds.has(payload.id)) throw portalError('NOT_FOUND');
    const rows = entity === 'employer' ? this.employers : this.brokers;
    const current = rows.get(payload.id);
    const next: RegistryRow = {
      id: payload.id,
      enterpriseId: enterprise.id,
      name: payload.fields.name,
      country: payload.fields.country,
      provinceCode: enterprise.provinceCode,
      fields: payload.fields,
      version: (current?.version ?? 0) + 1,
      updatedAt: this.now,
    };
    rows.set(next.id, next);
    (entity === 'employer' ? this.dirty.employers : this.dirty.brokers).add(next.id);
    const data = entity === 'employer' ? employerRecord(next) : brokerRecord(next);
    this.record({ entity, entityId: next.id, version: next.version, data, scope: registryScope(entity, next) });
  }

  /** Branch staff act only within what their enterprise delegated; enterprise admins need no grant. */
  private requireFunction(fn: BranchFunction): void {
    if (this.principal.role === 'branchStaff' && !this.principal.branchFunctions?.includes(fn)) {
      throw portalError('BRANCH_FUNCTION_NOT_GRANTED', { function: fn });
    }
  }

  private submitFiling(payload: MutationPayload<'filing.submit'>, signed: Pick<ValidMutation, 'signature' | 'manifestSignature'>): void {
    const enterprise = this.ownEnterprise();
    const ownBranch = this.principal.role === 'branchStaff' ? this.principal.branchId! : undefined;
    if (ownBranch && payload.branchId !== undefined && payload.branchId !== ownBranch) throw portalError('NOT_FOUND');
    const branchId = ownBranch ?? payload.branchId ?? null;
    const branch = branchId ? this.branches.get(branchId) : undefined;
    if (branchId && !branch) throw portalError('NOT_FOUND');
    this.requireFunction(functionRequiredToFile[payload.type]);
    this.checkContent(payload);
    this.checkAttachments(payload);

    const state = this.filingStates.get(payload.filingId);
    if (state && state.enterpriseId !== enterprise.id) throw portalError('NOT_FOUND');
    if (state && ownBranch && state.branchId !== ownBranch) throw portalError('NOT_FOUND');
    const expectedVersion = (state?.latestVersion ?? 0) + 1;
    if (payload.version !== expectedVersion) {
      throw portalError('VERSION_CONFLICT', { expectedVersion });
    }
    if (state && (state.type !== payload.type || state.branchId !== branchId)) {
      throw portalError('VERSION_CONFLICT', { reason: 'a new version keeps the type and branch of the filing' });
    }
    const row: FilingRow = {
      filingId: payload.filingId,
      filingVersion: payload.version,
      enterpriseId: enterprise.id,
      branchId,
      provinceCode: branch?.provinceCode ?? enterprise.provinceCode,
      type: payload.type,
      status: 'submitted',
      title: payload.title,
      content: payload.content,
      signature: signed.signature ?? null,
      signatureManifest: signed.manifestSignature ?? null,
      receipt: this.receipts?.sign({
        reference: `HS-${this.now.getUTCFullYear()}-${payload.filingId.slice(0, 8).toUpperCase()}-${payload.version}`,
        filingId: payload.filingId,
        filingVersion: payload.version,
        filingHash: createHash('sha256').update(filingSigningBytes(payload)).digest('hex'),
        receivedAt: this.now.toISOString(),
      }) ?? null,
      submittedBy: this.principal.accountId,
      submittedAt: this.now,
      version: 1,
      updatedAt: this.now,
    };
    this.newFilings.push(row);
    this.filingStates.set(row.filingId, { enterpriseId: enterprise.id, branchId, type: row.type, latestVersion: row.filingVersion });
    this.record({
      entity: 'filing',
      entityId: filingChangeId(row.filingId, row.filingVersion),
      version: row.version,
      data: filingRecord(row),
      scope: filingScope(row),
    });
  }

  /**
   * The content must satisfy its type's shared rules (the ones the client's forms use). A fee over
   * the statutory caps has its own code, so the enterprise sees why at once. The content is stored as
   * signed (the signature covers those bytes), not in the parsed form.
   */
  private checkContent(payload: MutationPayload<'filing.submit'>): void {
    const parsed = filingContentSchemas[payload.type].safeParse(payload.content);
    if (!parsed.success) {
      const issues = validationIssues(parsed.error).map((issue) => ({ ...issue, path: issue.path ? `content.${issue.path}` : 'content' }));
      if (parsed.error.issues.every((issue) => isFeeCapKey(issue.message))) {
        const violations = parsed.error.issues.map((issue, i) => ({ ...issues[i]!, ...(issue as { params?: object }).params }));
        throw portalError('FEE_CAP_EXCEEDED', { violations });
      }
      throw portalError('VALIDATION_FAILED', { issues });
    }
    const { employerIds, brokerIds } = registryReferencesOf(payload.type, payload.content);
    for (const id of employerIds) if (!this.employers.has(id)) throw portalError('NOT_FOUND', { field: 'content.employerId' });
    for (const id of brokerIds) if (!this.brokers.has(id)) throw portalError('NOT_FOUND', { field: 'content.brokerId' });
  }

  /**
   * Every attachment the content names must be held for the enterprise, as described: the signature
   * covers only the hashes, so without the bytes nobody could check what was signed.
   */
  private checkAttachments(payload: MutationPayload<'filing.submit'>): void {
    if (!this.requireAttachmentBytes) return;
    const missing = attachmentHashesOf(payload.content).filter((sha256) => !this.attachments.has(sha256));
    if (missing.length > 0) throw portalError('ATTACHMENT_MISSING', { missing });
    const listed = (payload.content as { attachments?: unknown }).attachments;
    const described = Array.isArray(listed) ? (listed as { sha256?: unknown; mime?: unknown; size?: unknown }[]) : [];
    const issues = described.flatMap((a, i) => {
      const held = typeof a?.sha256 === 'string' ? this.attachments.get(a.sha256) : undefined;
      if (!held) return [];
      return [
        ...(held.size !== a.size ? [{ path: `content.attachments.${i}.size`, message: 'attachmentSizeDiffersFromUpload' }] : []),
        ...(held.mime !== a.mime ? [{ path: `content.attachments.${i}.mime`, message: 'attachmentTypeDiffersFromUpload' }] : []),
      ];
    });
    if (issues.length > 0) throw portalError('VALIDATION_FAILED', { issues });
  }

  private record(change: Omit<ChangeEntry, 'op' | 'scope'> & { scope: RowScope }): void {
    const { entity: _sameAsChangeEntity, ...scope } = change.scope;
    this.changes.push({ ...change, op: 'upsert', scope, ...(this.currentMutationId ? { mutationId: this.currentMutationId } : {}) });
  }

  /** Writes the final state of every touched row and the change log; returns each change's seq. */
  async write(tx: PortalTx): Promise<string[]> {
    if (this.dirty.enterprise && this.enterprise) await upsertRows(tx, enterprises, [this.enterprise], enterprises.id);
    await upsertRows(tx, branches, [...this.dirty.branches].map((id) => this.branches.get(id)!), branches.id);
    await upsertRows(tx, employers, [...this.dirty.employers].map((id) => this.employers.get(id)!), employers.id);
    await upsertRows(tx, brokers, [...this.dirty.brokers].map((id) => this.brokers.get(id)!), brokers.id);
    for (let i = 0; i < this.newFilings.length; i += 500) await tx.insert(filings).values(this.newFilings.slice(i, i + 500));
    return appendChanges(tx, this.changes, this.now);
  }
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** INSERT ... ON CONFLICT (id) DO UPDATE with every column from the new row, in chunks. */
async function upsertRows<T extends PgTable>(tx: PortalTx, table: T, rows: T['$inferInsert'][], idColumn: T['_']['columns'][string]) {
  if (rows.length === 0) return;
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (column !== idColumn) set[key] = sql.raw(`excluded."${column.name}"`);
  }
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(table).values(rows.slice(i, i + 500)).onConflictDoUpdate({ target: idColumn, set });
  }
}
