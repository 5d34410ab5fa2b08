// Table rows -> the record shapes of src-common/portal-api/records.api.ts, and where each row belongs.
import type { InferSelectModel } from 'drizzle-orm';
import type { BranchFields, BrokerFields, EmployerFields, EnterpriseProfile } from '../../../src-common/domain/organisation';
import type { FilingStatus, FilingType } from '../../../src-common/portal-api/filings';
import type { ManifestSignature } from '../../../src-common/signing/manifest-signature.schema';
import type { Receipt } from '../../../src-common/signing/receipt';
import type {
  AgencyRecord,
  BranchRecord,
  BrokerRecord,
  EmployerRecord,
  EnterpriseRecord,
  FilingRecord,
} from '../../../src-common/portal-api/records.api';
import type { agencies, branches, brokers, employers, enterprises, filings } from '../db/schema';
import type { RowScope } from '../scope/visibility';

export type EnterpriseRow = InferSelectModel<typeof enterprises>;
export type BranchRow = InferSelectModel<typeof branches>;
export type EmployerRow = InferSelectModel<typeof employers>;
export type BrokerRow = InferSelectModel<typeof brokers>;
export type AgencyRow = InferSelectModel<typeof agencies>;
export type FilingRow = InferSelectModel<typeof filings>;

export function enterpriseRecord(row: EnterpriseRow): EnterpriseRecord {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    taxCode: row.taxCode,
    ...(row.profile as EnterpriseProfile),
  };
}
export const enterpriseScope = (row: Pick<EnterpriseRow, 'id' | 'provinceCode'>): RowScope => ({
  entity: 'enterprise',
  enterpriseId: row.id,
  branchId: null,
  provinceCode: row.provinceCode,
  communeCode: null,
});

export function branchRecord(row: BranchRow): BranchRecord {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    enterpriseId: row.enterpriseId,
    ...(row.fields as Omit<BranchFields, 'functions'>),
    functions: row.functions as BranchFields['functions'],
  };
}
export const branchScope = (row: Pick<BranchRow, 'id' | 'enterpriseId' | 'provinceCode'>): RowScope => ({
  entity: 'branch',
  enterpriseId: row.enterpriseId,
  branchId: row.id,
  provinceCode: row.provinceCode,
  communeCode: null,
});

export function employerRecord(row: EmployerRow): EmployerRecord {
  return { id: row.id, version: row.version, updatedAt: row.updatedAt.toISOString(), enterpriseId: row.enterpriseId, ...(row.fields as EmployerFields) };
}
export function brokerRecord(row: BrokerRow): BrokerRecord {
  return { id: row.id, version: row.version, updatedAt: row.updatedAt.toISOString(), enterpriseId: row.enterpriseId, ...(row.fields as BrokerFields) };
}
/** Registries belong to the whole enterprise (branches share them) and to its province. */
export const registryScope = (
  entity: 'employer' | 'broker',
  row: Pick<EmployerRow, 'enterpriseId' | 'provinceCode'>,
): RowScope => ({ entity, enterpriseId: row.enterpriseId, branchId: null, provinceCode: row.provinceCode, communeCode: null });

export function agencyRecord(row: AgencyRow): AgencyRecord {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    name: row.name,
    level: row.level as AgencyRecord['level'],
    ...(row.provinceCode ? { provinceCode: row.provinceCode } : {}),
    ...(row.communeCode ? { communeCode: row.communeCode } : {}),
  };
}
/** Agencies are organisation data for the administrator, not records officers pull. */
export const agencyScope = (): RowScope => ({ entity: 'agency', enterpriseId: null, branchId: null, provinceCode: null, communeCode: null });

export function filingRecord(row: FilingRow): FilingRecord {
  return {
    id: row.filingId,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    filingVersion: row.filingVersion,
    enterpriseId: row.enterpriseId,
    branchId: row.branchId,
    provinceCode: row.provinceCode,
    type: row.type as FilingType,
    status: row.status as FilingStatus,
    title: row.title,
    content: row.content as Record<string, unknown>,
    signature: row.signature,
    signatureManifest: (row.signatureManifest as ManifestSignature | null) ?? null,
    receipt: (row.receipt as Receipt | null) ?? null,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt.toISOString(),
  };
}
/** A filing belongs to the branch that filed it (if any) and to that branch's province, else the head office's. */
export const filingScope = (row: Pick<FilingRow, 'enterpriseId' | 'branchId' | 'provinceCode'>): RowScope => ({
  entity: 'filing',
  enterpriseId: row.enterpriseId,
  branchId: row.branchId,
  provinceCode: row.provinceCode,
  communeCode: null,
});

/** The change-log id of a filing version: filings are append-only, each version is its own row. */
export const filingChangeId = (filingId: string, filingVersion: number) => `${filingId}:${filingVersion}`;
