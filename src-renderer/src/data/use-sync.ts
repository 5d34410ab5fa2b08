// The outbox and the portal connection: status (badge), sync now, attempts and the needs-attention list.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, SyncStatus } from '../../../src-common/contract';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

/**
 * 'sync:changed' events keep this current; the slow poll only covers events missed while the
 * browser-mode socket was reconnecting.
 */
const STATUS_POLL_MS = 60_000;

export function useSyncStatus() {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.syncStatus,
    queryFn: () => callContract(bridge, 'sync:status', {}),
    refetchInterval: STATUS_POLL_MS,
  });
}

export function useSyncAttempts(limit: number) {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.syncAttempts(limit),
    queryFn: () => callContract(bridge, 'sync:attempts', { limit }),
  });
}

export function useSyncAttention() {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.syncAttention,
    queryFn: () => callContract(bridge, 'sync:attention', {}),
  });
}

/** After any change to the outbox: the status from the answer, attempts and attention reloaded. */
function useApplySyncStatus() {
  const queryClient = useQueryClient();
  return (status: SyncStatus) => {
    queryClient.setQueryData(queryKeys.syncStatus, status);
    void queryClient.invalidateQueries({ queryKey: queryKeys.sync, predicate: (query) => query.queryKey[1] !== 'status' });
  };
}

export function useSyncRun() {
  const bridge = useBridge();
  const apply = useApplySyncStatus();
  return useMutation({
    mutationKey: ['sync', 'run'],
    mutationFn: () => callContract(bridge, 'sync:run', {}),
    onSuccess: apply,
  });
}

export function useSyncDiscard() {
  const bridge = useBridge();
  const apply = useApplySyncStatus();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sync:discard'>) => callContract(bridge, 'sync:discard', input),
    onSuccess: (status) => {
      apply(status);
      // The record goes back to the portal's version.
      void queryClient.invalidateQueries({ queryKey: queryKeys.records });
    },
  });
}

export function useSyncResubmit() {
  const bridge = useBridge();
  const apply = useApplySyncStatus();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sync:resubmit'>) => callContract(bridge, 'sync:resubmit', input),
    onSuccess: (status) => {
      apply(status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.records });
    },
  });
}
