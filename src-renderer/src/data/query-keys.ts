// TanStack Query keys in one place, so invalidation and event updates hit the same entries.
export const queryKeys = {
  vaultStatus: ['vault', 'status'] as const,
  settings: ['settings'] as const,
  appInfo: ['app', 'info'] as const,
  auditVerdict: ['audit', 'verify'] as const,
  auditEntries: (limit: number) => ['audit', 'list', limit] as const,
  audit: ['audit'] as const,
};
