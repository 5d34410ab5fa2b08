// The records the portal serves (GET /api/v1/...) and sends in pulled changes: one shape per entity.
import { z } from 'zod';
import {
  agencyFieldsSchema,
  branchFieldsSchema,
  brokerFieldsSchema,
  employerFieldsSchema,
  enterpriseProfileSchema,
} from '../domain/organisation';
import { manifestSignatureSchema } from '../signing/manifest-signature.schema';
import { receiptSchema } from '../signing/receipt';
import { filingStatusSchema, filingTypeSchema } from './filings';

const recordMeta = { id: z.string(), version: z.number().int(), updatedAt: z.string() };

export const enterpriseRecordSchema = z.object({ ...recordMeta, taxCode: z.string(), ...enterpriseProfileSchema.shape });
export type EnterpriseRecord = z.infer<typeof enterpriseRecordSchema>;

export const branchRecordSchema = z.object({ ...recordMeta, enterpriseId: z.string(), ...branchFieldsSchema.shape });
export type BranchRecord = z.infer<typeof branchRecordSchema>;

export const employerRecordSchema = z.object({ ...recordMeta, enterpriseId: z.string(), ...employerFieldsSchema.shape });
export type EmployerRecord = z.infer<typeof employerRecordSchema>;

export const brokerRecordSchema = z.object({ ...recordMeta, enterpriseId: z.string(), ...brokerFieldsSchema.shape });
export type BrokerRecord = z.infer<typeof brokerRecordSchema>;

export const agencyRecordSchema = z.object({ ...recordMeta, ...agencyFieldsSchema.shape });
export type AgencyRecord = z.infer<typeof agencyRecordSchema>;

export const filingRecordSchema = z.object({
  ...recordMeta,
  /** The filing version this row is (filings are append-only; `version` counts the row's own edits). */
  filingVersion: z.number().int(),
  enterpriseId: z.string(),
  branchId: z.string().nullable(),
  provinceCode: z.string(),
  type: filingTypeSchema,
  status: filingStatusSchema,
  title: z.string(),
  content: z.record(z.string(), z.unknown()),
  signature: z.string().nullable(),
  /**
   * For a manifest-signed filing (instead of `signature`): manifest, its signature and this filing's
   * inclusion proof, to re-verify later. Absent in records written before manifest signing existed.
   */
  signatureManifest: manifestSignatureSchema.nullable().optional(),
  /** The portal's signed receipt (biên nhận). */
  receipt: receiptSchema.nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
});
export type FilingRecord = z.infer<typeof filingRecordSchema>;

export const filingListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Keyset paging: the `submittedAt|id` of the last row of the previous page. */
  after: z.string().max(200).optional(),
});
export const filingListResponseSchema = z.object({ filings: z.array(filingRecordSchema), next: z.string().nullable() });
