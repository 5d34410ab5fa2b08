// The signed-in account's local records (records:list) and saving a change (records:commit).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitInput } from '../../../src-common/contract';
import type { EntityKind } from '../../../src-common/portal-api/sync.api';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys, type RecordListParams } from './query-keys';

export function useRecordList(params: RecordListParams) {
  const bridge = useBridge();
  const { entity, search, limit, offset } = params;
  return useQuery({
    queryKey: queryKeys.recordList(params),
    queryFn: () => callContract(bridge, 'records:list', { entity, limit, offset, ...(search ? { search } : {}) }),
    // While a new search runs, the previous rows stay (no flash of an empty table at each keystroke).
    placeholderData: keepPreviousData,
  });
}

/** The entity a mutation kind changes, for reloading its lists. */
const entityOfKind: Record<CommitInput['kind'], EntityKind> = {
  'enterprise.updateProfile': 'enterprise',
  'branch.upsert': 'branch',
  'employer.upsert': 'employer',
  'broker.upsert': 'broker',
  'filing.submit': 'filing',
};

export function useCommitRecord() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommitInput) => callContract(bridge, 'records:commit', input),
    onSuccess: (_result, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.recordsOf(entityOfKind[input.kind]) });
      // One more pending change: the badge's count.
      void queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
    },
  });
}
