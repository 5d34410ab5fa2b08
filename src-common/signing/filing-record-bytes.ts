// The signing bytes a filing record stands for, to check its signature, manifest proof or receipt
// later. The record does not say whether the submitted payload named its branch (branch staff may leave
// it out and the portal fills it in), so a record with a branch has two candidates: with and without.
import type { FilingRecord } from '../portal-api/records.api';
import { filingSigningBytes } from './filing-bytes';

export type FilingRecordFields = Pick<FilingRecord, 'id' | 'filingVersion' | 'type' | 'branchId' | 'title' | 'content'>;

export function filingRecordSigningCandidates(record: FilingRecordFields): Uint8Array[] {
  const payload = { filingId: record.id, version: record.filingVersion, type: record.type, title: record.title, content: record.content };
  if (record.branchId === null) return [filingSigningBytes(payload)];
  return [filingSigningBytes({ ...payload, branchId: record.branchId }), filingSigningBytes(payload)];
}
