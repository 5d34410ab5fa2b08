// TanStack Query keys in one place, so invalidation and event updates hit the same entries.
import type { EntityKind } from '../../../src-common/portal-api/sync.api';

export interface RecordListParams {
  entity: EntityKind;
  search: string;
  limit: number;
  offset: number;
}

export const queryKeys = {
  vaultStatus: ['vault', 'status'] as const,
  settings: ['settings'] as const,
  appInfo: ['app', 'info'] as const,
  auditVerdict: ['audit', 'verify'] as const,
  auditEntries: (limit: number) => ['audit', 'list', limit] as const,
  audit: ['audit'] as const,
  session: ['session', 'status'] as const,
  /** Everything of the sync area (status, attempts, needs-attention). */
  sync: ['sync'] as const,
  syncStatus: ['sync', 'status'] as const,
  syncAttempts: (limit: number) => ['sync', 'attempts', limit] as const,
  syncAttention: ['sync', 'attention'] as const,
  /** Everything of the signed-in account's local records. */
  records: ['records'] as const,
  recordsOf: (entity: EntityKind) => ['records', entity] as const,
  /** Everything of the USB token area (library, tokens, certificates). */
  token: ['token'] as const,
  tokenModules: ['token', 'modules'] as const,
  tokenList: ['token', 'list'] as const,
  recordList: ({ entity, search, limit, offset }: RecordListParams) => ['records', entity, { search, limit, offset }] as const,
};
