// What the About page reads: app:info, audit:verify and the latest audit:list entries.
import { useQuery } from '@tanstack/react-query';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

export function useAppInfo() {
  const bridge = useBridge();
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => callContract(bridge, 'app:info', {}) });
}

export function useAuditVerdict() {
  const bridge = useBridge();
  return useQuery({ queryKey: queryKeys.auditVerdict, queryFn: () => callContract(bridge, 'audit:verify', {}) });
}

export function useRecentAuditEntries(limit: number) {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.auditEntries(limit),
    queryFn: async () => (await callContract(bridge, 'audit:list', { limit })).entries,
  });
}
