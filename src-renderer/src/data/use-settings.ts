// The settings query and the save mutation (settings:get / settings:set).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../src-common/contract';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

export function useSettings() {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => callContract(bridge, 'settings:get', {}),
    // Changes arrive as 'settings:changed' events; refetching on focus would add nothing.
    staleTime: Infinity,
  });
}

export function useSaveSettings() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => callContract(bridge, 'settings:set', patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
      // The PKCS#11 library path may have changed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.token });
    },
  });
}
