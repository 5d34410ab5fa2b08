// The workers-abroad area (workers:*) as queries and mutations. Keys live under the filings' records key,
// so a save, a signature, a push or a pull of any filing refreshes the list and the due board too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-common/contract';
import type { WorkerStatus } from '../../../src-common/domain/overseas/worker-events';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

const workerKeys = {
  list: (search: string, status: WorkerStatus | null) => [...queryKeys.recordsOf('filing'), 'workers', { search, status }] as const,
  due: [...queryKeys.recordsOf('filing'), 'workers-due'] as const,
};

export function useWorkersAbroad(search: string, status: WorkerStatus | null) {
  const bridge = useBridge();
  return useQuery({
    queryKey: workerKeys.list(search, status),
    queryFn: () => callContract(bridge, 'workers:list', { ...(search ? { search } : {}), ...(status ? { status } : {}) }),
    placeholderData: (previous) => previous,
  });
}

export function useDueItems() {
  const bridge = useBridge();
  return useQuery({ queryKey: workerKeys.due, queryFn: () => callContract(bridge, 'workers:due', {}) });
}

export function useRecordWorkerEvent() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'workers:recordEvent'>) => callContract(bridge, 'workers:recordEvent', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.recordsOf('filing') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
    },
  });
}
